"""Every state change goes through a workflow table, is refused in French when it may not happen,
and leaves an entry in the strategy's history."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from essaim.core.history import entries_of
from essaim.core.workflows import TransitionRefused
from essaim.strategy import services
from essaim.strategy.models import Bilan, Body, Campaign, Decision, Meeting, ProgressReport
from essaim.strategy.workflows import CAMPAIGN_FLOW, DECISION_FLOW, REPORT_FLOW, VALUE_FLOW


@pytest.fixture
def meeting(world):
    body = Body.objects.create(strategy=world.strategy, code="cotech", kind="cotech", name="COTECH")
    return Meeting.objects.create(body=body, held_on=date(2026, 1, 5), title="COTECH de janvier")


def summaries(instance):
    return [change.summary for change in entries_of(instance)]


def test_each_workflow_knows_every_state_of_its_model():
    assert set(REPORT_FLOW.states) == set(ProgressReport.State.values)
    assert set(CAMPAIGN_FLOW.states) == set(Campaign.Status.values)
    assert set(DECISION_FLOW.states) == set(Decision.Status.values)
    assert set(VALUE_FLOW.states) == {"proposed", "validated", "rejected"}


def test_creating_opening_and_closing_a_campaign_are_kept_in_its_history(client, world):
    client.force_login(world.copilot)
    data = {
        "campagne-title": "Bilan 2026",
        "campagne-period_label": "2026",
        "campagne-opens_on": "2026-10-01",
        "campagne-due_on": "2026-11-30",
        "campagne-remind_days_before": "7",
        "campagne-remind_days_after": "3",
    }
    assert client.post(reverse("strategy:campaign_create", args=["sress-test"]), data).status_code == 302
    campaign = Campaign.objects.get()
    for transition in ("ouvrir", "clore"):
        client.post(reverse("strategy:campaign_transition", args=[campaign.pk, transition]))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    assert summaries(campaign) == ["Campagne close", "Campagne ouverte", "Campagne créée"]
    closing = entries_of(campaign).first()
    assert closing.author == world.copilot and closing.changes == {"status": ["open", "closed"]}


def test_a_campaign_is_not_closed_before_it_is_opened(world, campaign):
    with pytest.raises(TransitionRefused, match="Impossible de passer de « prévue » à « close »"):
        services.campaign_close(campaign=campaign, by=world.copilot)
    services.campaign_open(campaign=campaign, by=world.copilot)
    with pytest.raises(TransitionRefused, match="« ouverte » à « ouverte »"):
        services.campaign_open(campaign=campaign, by=world.copilot)


def test_a_lead_cannot_open_a_campaign_even_by_calling_the_service(world, campaign):
    with pytest.raises(TransitionRefused, match="Vous ne pouvez pas faire ce changement : « Ouvrir la campagne »"):
        services.campaign_open(campaign=campaign, by=world.lead)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PLANNED and not entries_of(campaign).exists()


def test_only_a_submitted_report_is_validated_and_only_by_a_copilot(world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    with pytest.raises(TransitionRefused, match="Impossible de passer de « à rédiger » à « validé »"):
        services.report_validate(report=report, by=world.copilot)
    services.report_save(report=report, data={"status": "en_cours", "done": "Fait."}, values=[], by=world.lead)
    services.report_submit(report=report, by=world.lead)
    with pytest.raises(TransitionRefused, match="« Valider »"):
        services.report_validate(report=report, by=world.lead)
    with pytest.raises(TransitionRefused, match="le commentaire est obligatoire"):
        services.report_return(report=report, by=world.copilot, comment="  ")
    services.report_validate(report=report, by=world.copilot)
    assert summaries(report)[0] == "Point d'avancement validé"


def test_following_up_a_decision_is_kept_in_its_history(client, world, meeting):
    decision = Decision.objects.create(meeting=meeting, text="Lancer l'étude", owner=world.lead)
    client.force_login(world.lead)
    client.post(reverse("strategy:decision_update", args=[decision.pk]), {"status": "done"})
    decision.refresh_from_db()
    assert decision.status == Decision.Status.DONE
    [change] = entries_of(decision)
    assert change.summary == "Suivi de la décision mis à jour" and change.author == world.lead
    assert change.changes["status"] == ["open", "done"]


def test_an_unknown_follow_up_is_refused_in_french(client, world, meeting):
    decision = Decision.objects.create(meeting=meeting, text="Lancer l'étude")
    client.force_login(world.copilot)
    response = client.post(reverse("strategy:decision_update", args=[decision.pk]), {"status": "<b>"}, follow=True)
    assert "État inconnu" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == Decision.Status.OPEN and not entries_of(decision).exists()


def test_recording_a_meeting_and_a_decision_is_kept_in_the_history(client, world, meeting):
    client.force_login(world.copilot)
    data = {"reunion-body": meeting.body_id, "reunion-held_on": "2026-05-12", "reunion-title": "COTECH de mai"}
    assert client.post(reverse("strategy:meeting_create", args=["sress-test"]), data).status_code == 302
    new = Meeting.objects.get(title="COTECH de mai")
    assert summaries(new) == ["Réunion enregistrée"]
    client.post(
        reverse("strategy:decision_create", args=[new.pk]),
        {f"decision-{new.pk}-text": "Écrire le guide", f"decision-{new.pk}-actions": [world.action.pk]},
    )
    decision = Decision.objects.get()
    assert list(decision.actions.all()) == [world.action]
    assert summaries(decision) == ["Décision ajoutée"]


def test_taking_publishing_and_withdrawing_a_bilan_are_kept_in_its_history(client, world):
    client.force_login(world.copilot)
    client.post(
        reverse("strategy:bilan_create", args=["sress-test"]), {"bilan-title": "Bilan", "bilan-as_of": "2026-01-31"}
    )
    bilan = Bilan.objects.get()
    url = reverse("strategy:bilan_publication", args=[bilan.pk])
    client.post(url)
    bilan.refresh_from_db()
    assert bilan.is_published
    client.post(url, {"retirer": "1"})
    bilan.refresh_from_db()
    assert not bilan.is_published
    assert summaries(bilan) == ["Bilan retiré de la publication", "Bilan publié", "Bilan figé"]
    assert entries_of(bilan).first().changes["published_at"][1] is None


def test_an_action_sheet_saved_from_its_form_is_one_recorded_change(client, world):
    client.force_login(world.lead)
    url = reverse("strategy:action_edit", args=["sress-test", "1.1.1"])
    data = {"description": "Nouvelle description.", "public_summary": "Résumé.", "planned_start": "2017-09-01"}
    assert client.post(url, {**data, "planned_end": "2030-06-30"}).status_code == 302
    [change] = entries_of(world.action)
    assert change.summary == "Fiche action modifiée" and change.changes["description"][1] == "Nouvelle description."


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("strategy:index", []),
        ("strategy:detail", ["sress-test"]),
        ("strategy:action", ["sress-test", "1.1.1"]),
        ("strategy:indicators", ["sress-test"]),
        ("strategy:governance", ["sress-test"]),
        ("strategy:bilan_compare", ["sress-test"]),
        ("strategy:bilan", ["sress-test", 1]),
        ("strategy:action_plan", ["sress-test", "csv"]),
        ("strategy:indicator_values", ["sress-test", "csv"]),
        ("strategy:bilan_file", ["sress-test", 1, "pdf"]),
    ],
)
def test_read_only_pages_refuse_a_post(client, world, name, args):
    client.force_login(world.copilot)
    assert client.post(reverse(name, args=args)).status_code == 405


def test_the_opening_e_mail_speaks_of_the_action_in_text_and_html(world, campaign, settings):
    services.campaign_open(campaign=campaign, by=world.copilot)
    [email] = [message for message in mail.outbox if message.to == [world.lead.email]]
    assert email.subject == f"{settings.SITE_NAME} : point d'avancement attendu avant le 30 novembre 2026"
    assert "l'action 1.1.1 « Un parcours d'orientation commun »" in email.body  # text: no HTML escaping
    [(html, kind)] = email.alternatives
    assert kind == "text/html" and "Rédiger le point d'avancement" in html and "<a href=" in html
    assert reverse("strategy:report", args=[ProgressReport.objects.get(action=world.action).pk]) in html


def test_the_copilots_digest_lists_each_late_action(world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    mail.outbox.clear()
    services.campaign_reminders_send(campaign=campaign, today=date(2026, 12, 3))
    digest = mail.outbox[-1]
    assert digest.to == [world.copilot.email]
    assert "- 1.1.1 — Un parcours d'orientation commun" in digest.body
    assert "- 1.1.2 — Un annuaire des accompagnateurs" in digest.body


def test_the_dashboard_reads_the_readers_role_with_the_strategy(client, world, django_assert_max_num_queries):
    client.force_login(world.copilot)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("strategy:detail", args=["sress-test"])).status_code == 200


def test_deleting_an_action_deletes_its_history(world):
    from essaim.core.models import HistoryEntry

    services.action_update(action=world.action, data={"description": "Nouvelle description"}, by=world.copilot)
    assert HistoryEntry.objects.filter(object_id=world.action.pk).exists()
    world.action.delete()
    assert not HistoryEntry.objects.filter(object_label__startswith=world.action.code).exists()
