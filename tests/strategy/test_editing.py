"""What a lead keeps up to date between campaigns: milestones, evidence, indicator values."""

from datetime import date

from django.core import mail
from django.urls import reverse

from essaim.core.history import entries_of
from essaim.core.templatetags.essaim import fr_typo  # messages are shown with French typography
from essaim.strategy.models import ActionDocument, IndicatorValue, Milestone


def test_a_lead_marks_a_milestone_reached_once(client, world):
    milestone = Milestone.objects.create(action=world.action, title="Premier comité", due_on=date(2026, 3, 1))
    client.force_login(world.lead)
    url = reverse("strategy:milestone_done", args=["sress-test", "1.1.1", milestone.pk])
    assert client.post(url, {f"jalon-{milestone.pk}-done_on": "2026-03-05"}).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on == date(2026, 3, 5)
    assert entries_of(world.action).first().summary == "Jalon atteint"
    again = client.post(url, {f"jalon-{milestone.pk}-done_on": "2026-03-06"})
    assert again.status_code == 409 and "déjà marqué comme atteint" in again.content.decode()
    client.force_login(world.other_lead)
    other = Milestone.objects.create(action=world.action, title="Second comité")
    url = reverse("strategy:milestone_done", args=["sress-test", "1.1.1", other.pk])
    assert client.post(url, {f"jalon-{other.pk}-done_on": "2026-03-06"}).status_code == 403


def test_a_lead_adds_a_public_document(client, world):
    client.force_login(world.lead)
    url = reverse("strategy:document_add", args=["sress-test", "1.1.1"])
    bad = client.post(
        url, {"document-title": "Compte rendu", "document-url": "pas une adresse", "document-kind": "compte_rendu"}
    )
    assert bad.status_code == 400 and "Compte rendu" in bad.content.decode()
    data = {
        "document-title": "Compte rendu du premier atelier",
        "document-url": "https://www.example.org/cr.pdf",
        "document-kind": "compte_rendu",
        "document-is_public": "on",
    }
    assert client.post(url, data).status_code == 302
    assert ActionDocument.objects.get().added_by == world.lead
    client.logout()
    assert "Compte rendu du premier atelier" in client.get(world.action.get_absolute_url()).content.decode()


def test_a_value_proposed_outside_a_report_waits_for_a_copilot(client, world):
    client.force_login(world.lead)
    url = reverse("strategy:indicator_history", args=["sress-test", "orientations"])
    data = {"value": "1 200", "measured_on": "2026-06-30", "vintage": "2026", "source": "Suivi CRESS"}
    assert client.post(url, data).status_code == 302
    value = IndicatorValue.objects.get()
    assert value.value == 1200 and value.state == IndicatorValue.State.PROPOSED
    assert mail.outbox[-1].to == [world.copilot.email]
    # Not public until validated.
    client.logout()
    assert "1\u202f200" not in client.get(reverse("strategy:indicators", args=["sress-test"])).content.decode()
    client.force_login(world.copilot)
    review = reverse("strategy:value_review", args=[value.pk])
    client.post(review, {"ecarter": "1", "comment": ""})
    value.refresh_from_db()
    assert value.state == IndicatorValue.State.PROPOSED  # setting aside needs a reason
    client.post(review, {"valider": "1"})
    value.refresh_from_db()
    assert value.state == IndicatorValue.State.VALIDATED and value.validated_by == world.copilot
    client.logout()
    assert "1\u202f200" in client.get(reverse("strategy:indicators", args=["sress-test"])).content.decode()


def test_only_the_indicator_leads_propose_values(client, world):
    client.force_login(world.other_lead)
    url = reverse("strategy:indicator_history", args=["sress-test", "orientations"])
    assert client.post(url, {"value": "3", "measured_on": "2026-06-30", "source": "x"}).status_code == 403
    assert not IndicatorValue.objects.exists()


def test_a_value_with_a_bad_figure_is_refused_and_kept(client, world):
    client.force_login(world.lead)
    url = reverse("strategy:indicator_history", args=["sress-test", "orientations"])
    response = client.post(url, {"value": "douze", "measured_on": "2026-06-30", "source": "Suivi"})
    assert response.status_code == 400
    page = response.content.decode()
    assert fr_typo("« douze » n&#x27;est pas un nombre") in page and 'value="douze"' in page


def test_a_milestone_is_not_reached_in_the_future(client, world):
    milestone = Milestone.objects.create(action=world.action, title="Comité")
    client.force_login(world.lead)
    url = reverse("strategy:milestone_done", args=["sress-test", "1.1.1", milestone.pk])
    response = client.post(url, {f"jalon-{milestone.pk}-done_on": "2199-01-01"})
    assert response.status_code == 409 and "pas dans le futur" in response.content.decode()


def test_a_figure_too_long_for_the_database_is_refused(client, world):
    client.force_login(world.lead)
    url = reverse("strategy:indicator_history", args=["sress-test", "orientations"])
    response = client.post(url, {"value": "123456789012", "measured_on": "2026-06-30", "source": "Suivi"})
    assert response.status_code == 400 and "trop long" in response.content.decode()


def test_a_decision_marked_done_twice_keeps_its_first_date(client, world):
    from essaim.strategy.models import Body, Decision, Meeting

    body = Body.objects.create(strategy=world.strategy, code="cotech", kind="cotech", name="COTECH")
    meeting = Meeting.objects.create(body=body, held_on=date(2026, 1, 5), title="COTECH")
    decision = Decision.objects.create(meeting=meeting, text="Lancer l'étude")
    client.force_login(world.copilot)
    url = reverse("strategy:decision_update", args=[decision.pk])
    client.post(url, {"status": "done"})
    Decision.objects.filter(pk=decision.pk).update(done_on=date(2026, 2, 1))
    response = client.post(url, {"status": "done"}, follow=True)
    assert fr_typo("déjà « mise en œuvre »") in response.content.decode()
    decision.refresh_from_db()
    assert decision.done_on == date(2026, 2, 1)
    client.force_login(world.lead)
    assert client.post(url, {"status": "open"}).status_code == 403


def test_a_group_lead_records_a_meeting_and_its_decisions(client, world):
    from essaim.strategy.models import Body, Decision, Meeting

    world.group.leads.add(world.other_lead)
    copil = Body.objects.create(strategy=world.strategy, code="copil", kind="copil", name="COPIL")
    client.force_login(world.other_lead)
    url = reverse("strategy:meeting_create", args=["sress-test"])
    data = {"reunion-body": world.group.pk, "reunion-held_on": "2026-05-12", "reunion-title": "Groupe de mai"}
    refused = client.post(url, {**data, "reunion-body": copil.pk})
    assert refused.status_code == 400 and not Meeting.objects.exists()  # not their body
    assert client.post(url, {**data, "reunion-minutes": "Tour de table."}).status_code == 302
    meeting = Meeting.objects.get()
    decision_url = reverse("strategy:decision_create", args=[meeting.pk])
    response = client.post(decision_url, {f"decision-{meeting.pk}-text": ""})
    assert response.status_code == 400
    client.post(
        decision_url,
        {
            f"decision-{meeting.pk}-text": "Écrire le guide",
            f"decision-{meeting.pk}-owner": world.lead.pk,
            f"decision-{meeting.pk}-due_on": "2026-09-30",
            f"decision-{meeting.pk}-actions": [world.action.pk],
        },
    )
    decision = Decision.objects.get()
    assert decision.owner == world.lead and list(decision.actions.all()) == [world.action]
    # The owner follows it up to done; someone with no role there cannot record meetings.
    client.force_login(world.lead)
    client.post(reverse("strategy:decision_update", args=[decision.pk]), {"status": "done"})
    decision.refresh_from_db()
    assert decision.status == "done"
    assert client.post(url, data).status_code == 403
