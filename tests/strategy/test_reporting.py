"""The reporting campaign, from opening to validation, with its e-mails and its history."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from essaim.core.history import entries_of
from essaim.core.templatetags.essaim import fr_typo  # messages are shown with French typography
from essaim.core.workflows import TransitionRefused
from essaim.strategy import services
from essaim.strategy.models import Action, Campaign, IndicatorValue, ProgressReport


def login(client, user):
    client.force_login(user)


def report_form(**overrides):
    data = {
        "status": "en_cours",
        "weather": "atteignable",
        "done": "Trois ateliers d'orientation ont réuni 45 porteurs de projet.",
        "next_steps": "Un guide commun.",
        "blockers": "",
        "support_needed": "",
        "highlights": "Une coopérative créée après un atelier.",
    }
    data.update(overrides)
    return data


def submitted_report(world, campaign):
    """The campaign opened and the lead's report of `world.action` written and sent."""
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    services.report_save(report=report, data=report_form(), values=[], by=world.lead)
    services.report_submit(report=report, by=world.lead)
    return report


def test_opening_a_campaign_asks_each_open_action_for_a_report_and_tells_its_leads(world, campaign):
    world.other_action.status = Action.Status.DONE
    world.other_action.save()
    assert services.campaign_open(campaign=campaign, by=world.copilot) == 1
    report = ProgressReport.objects.get(action=world.action)
    assert report.action == world.action and report.status == "en_cours"
    [email] = mail.outbox
    assert email.to == [world.lead.email]
    assert "30 novembre 2026" in email.subject
    assert reverse("strategy:report", args=[report.pk]) in email.body


def test_a_campaign_cannot_be_opened_twice(world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    with pytest.raises(TransitionRefused):
        services.campaign_open(campaign=campaign, by=world.copilot)


def test_reminders_go_once_before_and_once_after_the_due_date(world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    mail.outbox.clear()
    assert services.campaign_reminders_send(campaign=campaign, today=campaign.due_on - timedelta(days=20)).before == 0
    assert services.campaign_reminders_send(campaign=campaign, today=campaign.due_on - timedelta(days=5)).before == 2
    assert services.campaign_reminders_send(campaign=campaign, today=campaign.due_on - timedelta(days=4)).before == 0
    assert services.campaign_reminders_send(campaign=campaign, today=campaign.due_on + timedelta(days=3)).after == 2
    assert services.campaign_reminders_send(campaign=campaign, today=campaign.due_on + timedelta(days=9)).after == 0
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 5 and "rappel" in subjects[0] and "en retard" in subjects[3]
    digest = mail.outbox[-1]
    assert digest.to == [world.copilot.email] and "2 points d'avancement manquants" in digest.subject
    assert "1.1.1 — Un parcours d'orientation commun" in digest.body


def test_a_submitted_report_gets_no_reminder(world, campaign):
    submitted_report(world, campaign)
    assert (
        services.campaign_reminders_send(campaign=campaign, today=campaign.due_on).before == 1
    )  # the other action only


def test_the_lead_writes_and_submits_with_a_comma_decimal_value(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    login(client, world.lead)
    prefix = f"indicateur-{world.indicator.pk}"
    data = report_form(transmettre="1")
    data.update({f"{prefix}-value": "12,5", f"{prefix}-measured_on": "2026-10-31", f"{prefix}-source": "Suivi CRESS"})
    response = client.post(reverse("strategy:report", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ProgressReport.State.SUBMITTED
    value = IndicatorValue.objects.get()
    assert str(value.value) == "12.5000" and value.state == "proposed" and value.vintage == "2026"
    assert mail.outbox[-1].to == [world.copilot.email]


def test_a_value_with_another_unit_is_refused_and_the_text_is_kept(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    login(client, world.lead)
    prefix = f"indicateur-{world.indicator.pk}"
    data = report_form(transmettre="1")
    data.update({f"{prefix}-value": "12 €", f"{prefix}-measured_on": "2026-10-31", f"{prefix}-source": "Suivi"})
    response = client.post(reverse("strategy:report", args=[report.pk]), data)
    assert response.status_code == 400
    assert fr_typo("Unité « € » inattendue : cet indicateur se mesure en personnes") in response.content.decode()
    assert "Trois ateliers d&#x27;orientation" in response.content.decode()
    report.refresh_from_db()
    assert report.state == ProgressReport.State.DRAFT and not IndicatorValue.objects.exists()


def test_a_report_submitted_twice_gets_a_clear_409(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    login(client, world.lead)
    url = reverse("strategy:report", args=[report.pk])
    assert client.post(url, report_form(transmettre="1")).status_code == 302
    response = client.post(url, report_form(transmettre="1", done="Autre texte"))
    assert response.status_code == 409
    assert "déjà été transmis" in response.content.decode()
    report.refresh_from_db()
    assert report.done.startswith("Trois ateliers")


def test_a_lead_cannot_touch_another_groups_action(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    world.other_action.refresh_from_db()
    report = ProgressReport.objects.get(action=world.action)
    login(client, world.other_lead)
    response = client.post(reverse("strategy:report", args=[report.pk]), report_form(transmettre="1"))
    assert response.status_code == 403
    assert client.get(reverse("strategy:action_edit", args=["sress-test", "1.1.1"])).status_code == 403
    report.refresh_from_db()
    assert report.state == ProgressReport.State.DRAFT


def test_the_group_lead_may_report_for_the_groups_actions(client, world, campaign):
    world.group.leads.add(world.other_lead)
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    login(client, world.other_lead)
    assert client.post(reverse("strategy:report", args=[report.pk]), report_form()).status_code == 302


def test_validation_updates_the_action_and_the_values_and_keeps_the_history(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    services.report_save(
        report=report, data=report_form(status="realisee", weather="securisee"), values=[], by=world.lead
    )
    services.report_submit(report=report, by=world.lead)
    login(client, world.copilot)
    response = client.post(reverse("strategy:report_review", args=[report.pk]), {"valider": "1", "comment": "Merci"})
    assert response.status_code == 302
    world.action.refresh_from_db()
    assert (world.action.status, world.action.weather) == ("realisee", "securisee")
    change = entries_of(world.action).get(summary__contains="validé")
    assert change.changes["status"] == ["en_cours", "realisee"] and change.author == world.copilot


def test_returning_needs_a_comment_and_lets_the_lead_edit_again(client, world, campaign):
    report = submitted_report(world, campaign)
    login(client, world.copilot)
    url = reverse("strategy:report_review", args=[report.pk])
    response = client.post(url, {"renvoyer": "1", "comment": ""})
    assert response.status_code == 400 and "commentaire est obligatoire" in response.content.decode()
    assert client.post(url, {"renvoyer": "1", "comment": "Ajoutez les chiffres."}).status_code == 302
    report.refresh_from_db()
    assert report.state == ProgressReport.State.RETURNED and report.is_editable
    assert "Ajoutez les chiffres." in mail.outbox[-1].body


def test_a_review_comment_that_cannot_be_read_validates_nothing(client, world, campaign):
    report = submitted_report(world, campaign)
    login(client, world.copilot)
    url = reverse("strategy:report_review", args=[report.pk])
    response = client.post(url, {"valider": "1", "comment": "Merci\x00"})
    # A NUL is refused before any view (core/middleware.py), with the French "bad request" page.
    assert response.status_code == 400 and "Requête incorrecte" in response.content.decode()
    response = client.post(url, {"valider": "1", "comment": "x" * 2001})
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.state == ProgressReport.State.SUBMITTED


def test_only_copilots_validate(client, world, campaign):
    report = submitted_report(world, campaign)
    for user in (world.lead, world.reader):
        login(client, user)
        assert client.post(reverse("strategy:report_review", args=[report.pk]), {"valider": "1"}).status_code == 403
    report.refresh_from_db()
    assert report.state == ProgressReport.State.SUBMITTED


def campaign_data(**dates):
    data = {"title": "Bilan", "period_label": "2026", "remind_days_before": 7, "remind_days_after": 3, **dates}
    return {f"campagne-{name}": value for name, value in data.items()}


def test_the_copilot_board_creates_and_opens_a_campaign(client, world):
    login(client, world.copilot)
    url = reverse("strategy:campaign_create", args=["sress-test"])
    bad = client.post(url, campaign_data(opens_on="2026-12-01", due_on="2026-11-01"))
    assert bad.status_code == 400 and "ne peut pas précéder" in bad.content.decode()
    ok = client.post(url, campaign_data(opens_on="2026-11-01", due_on="2026-12-01"))
    assert ok.status_code == 302
    campaign = Campaign.objects.get()
    client.post(reverse("strategy:campaign_transition", args=[campaign.pk, "ouvrir"]))
    assert ProgressReport.objects.count() == 2
    assert client.get(reverse("strategy:board", args=["sress-test"])).status_code == 200
    login(client, world.lead)
    assert client.get(reverse("strategy:board", args=["sress-test"])).status_code == 403


def test_a_reader_reads_a_report_but_cannot_write_it(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    client.force_login(world.reader)
    url = reverse("strategy:report", args=[report.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, report_form(transmettre="1")).status_code == 403


def test_a_closed_campaign_takes_no_more_reports(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    services.campaign_close(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    client.force_login(world.lead)
    response = client.post(reverse("strategy:report", args=[report.pk]), report_form(transmettre="1"))
    assert response.status_code == 409 and "est close" in response.content.decode()


def test_an_older_report_validated_late_does_not_undo_a_newer_one(world, campaign):
    later = Campaign.objects.create(
        strategy=world.strategy,
        title="Suivante",
        period_label="2027",
        opens_on=date(2027, 1, 1),
        due_on=date(2027, 2, 1),
    )
    services.campaign_open(campaign=campaign, by=world.copilot)
    services.campaign_open(campaign=later, by=world.copilot)
    old = ProgressReport.objects.get(action=world.action, campaign=campaign)
    new = ProgressReport.objects.get(action=world.action, campaign=later)
    for report, status in ((old, "suspendue"), (new, "realisee")):
        services.report_save(report=report, data=report_form(status=status), values=[], by=world.lead)
        services.report_submit(report=report, by=world.lead)
    services.report_validate(report=new, by=world.copilot)
    services.report_validate(report=old, by=world.copilot)
    world.action.refresh_from_db()
    assert world.action.status == "realisee"
