"""A request's life through the services: routed, taken in hand, declined and sent on, closed,
withdrawn; the requester told at every step, never with what they typed in an e-mail to others."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from essaim.core.workflows import TransitionRefused
from essaim.referrals.models import Dispatch, Referral, ReferralSettings
from essaim.referrals.services import (
    ReferralInvalid,
    referral_close,
    referral_decline,
    referral_delete,
    referral_route,
    referral_take,
    referral_withdraw,
)
from tests.accounts.factories import UserFactory
from tests.referrals.factories import make_referral, make_team

pytestmark = pytest.mark.django_db

S = Referral.Status


def test_a_request_goes_to_the_teams_that_handle_its_need_on_its_commune(setting):
    local = make_team(territories=[("commune", "44109")])
    regional = make_team(territories=[("region", "52")])
    make_team(territories=[("departement", "49")])  # elsewhere
    make_team(needs=["recruter"], territories=[("region", "52")])  # another need

    referral = make_referral(commune=setting.nantes).referral

    assert referral.status == S.SENT
    assert list(referral.dispatches.values_list("team", flat=True)) == [local.pk, regional.pk]
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {local.advisers.get().email, regional.advisers.get().email, referral.email}


def test_a_request_nobody_handles_goes_to_the_cress(setting):
    UserFactory(email="cress@example.org", platform_admin=True)
    referral = make_referral(commune=setting.angers).referral

    assert referral.status == S.TO_ROUTE
    assert not referral.dispatches.exists()
    assert any(message.to == ["cress@example.org"] for message in mail.outbox)


def test_no_email_to_a_partner_carries_what_the_requester_typed(setting):
    make_team()
    make_referral(commune=setting.nantes, description="Un texte très personnel à ne pas diffuser", name="Zoé Secret")

    to_partners = [message for message in mail.outbox if message.to != [Referral.objects.get().email]]
    assert to_partners
    for message in to_partners:
        assert "très personnel" not in message.body and "Zoé" not in message.body


def test_the_same_address_and_need_within_a_day_adds_to_the_request(setting):
    make_team()
    first = make_referral(commune=setting.nantes, email="Camille@Example.org", description="Premier message.")
    again = make_referral(commune=setting.nantes, email="camille@example.org", description="Une précision.")

    assert again.merged and again.referral.pk == first.referral.pk
    assert Referral.objects.count() == 1
    assert "Premier message." in again.referral.description and "Une précision." in again.referral.description


def test_a_request_without_contact_or_consent_is_refused_in_french(setting):
    with pytest.raises(ReferralInvalid) as refused:
        make_referral(commune=setting.nantes, email="", phone="", consent=False, description="x" * 5001)
    assert set(refused.value.errors) == {"email", "consent", "description"}
    assert "5001 caractères" in refused.value.errors["description"]
    assert not Referral.objects.exists()


def test_taking_a_request_in_hand_ends_it_for_the_other_teams_and_tells_the_requester(setting):
    first, second = make_team(), make_team(territories=[("region", "52")])
    referral = make_referral(commune=setting.nantes).referral
    adviser = first.advisers.get()
    mail.outbox.clear()

    referral_take(referral=referral, team=first, by=adviser)

    referral.refresh_from_db()
    assert referral.status == S.TAKEN and referral.taken_team == first and referral.taken_by == adviser
    assert referral.dispatches.get(team=second).status == Dispatch.Status.ENDED
    assert [message.to for message in mail.outbox] == [[referral.email]]
    with pytest.raises(TransitionRefused, match="déjà prise en charge"):
        referral_take(referral=referral, team=second, by=second.advisers.get())


def test_an_adviser_of_another_team_cannot_answer(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    stranger = UserFactory()
    with pytest.raises(TransitionRefused):
        referral_take(referral=referral, team=team, by=stranger)


def test_declining_sends_the_request_on_to_the_next_team(setting):
    ReferralSettings.objects.update_or_create(pk=1, defaults={"max_partners": 1})
    near = make_team(territories=[("commune", "44109")])
    far = make_team(territories=[("region", "52")])
    referral = make_referral(commune=setting.nantes).referral
    assert list(referral.dispatches.values_list("team", flat=True)) == [near.pk]

    referral_decline(referral=referral, team=near, by=near.advisers.get(), reason="disponibilite")

    assert referral.dispatches.get(team=near).status == Dispatch.Status.DECLINED
    assert referral.dispatches.get(team=far).status == Dispatch.Status.PENDING
    assert Referral.objects.get().status == S.SENT


def test_declined_by_everyone_the_request_goes_to_the_cress_who_routes_it_by_hand(setting):
    team = make_team()
    elsewhere = make_team(territories=[("departement", "49")])
    cress = UserFactory(platform_admin=True)
    referral = make_referral(commune=setting.nantes).referral

    referral_decline(referral=referral, team=team, by=team.advisers.get(), reason="competences", note="Trop tôt")
    assert Referral.objects.get().status == S.TO_ROUTE

    referral_route(referral=referral, teams=[elsewhere], by=cress)
    referral.refresh_from_db()
    assert referral.status == S.SENT
    assert referral.dispatches.get(team=elsewhere).routed_by == cress


def test_closing_needs_an_outcome_and_the_adviser_in_charge(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    adviser = team.advisers.get()
    with pytest.raises(TransitionRefused):
        referral_close(referral=referral, by=adviser, outcome="accompagne")
    referral_take(referral=referral, team=team, by=adviser)
    with pytest.raises(TransitionRefused, match="issue"):
        referral_close(referral=referral, by=adviser, outcome="")

    referral_close(referral=referral, by=adviser, outcome="accompagne", note="Premier rendez-vous fixé")

    referral.refresh_from_db()
    assert referral.status == S.CLOSED and referral.outcome == "accompagne" and referral.closed_at
    assert referral.dispatches.get().status == Dispatch.Status.CLOSED


def test_a_requester_withdraws_then_deletes_their_request(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=team, by=team.advisers.get())
    mail.outbox.clear()

    referral_withdraw(referral=referral)
    assert Referral.objects.get().status == S.WITHDRAWN
    assert [message.to for message in mail.outbox] == [[team.advisers.get().email]]

    referral_delete(referral=referral)
    assert not Referral.objects.exists()


def test_a_closed_request_cannot_be_withdrawn(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=team, by=team.advisers.get())
    referral_close(referral=referral, by=team.advisers.get(), outcome="injoignable")
    with pytest.raises(TransitionRefused):
        referral_withdraw(referral=referral)


def test_the_flagged_requests_are_those_waiting_ten_days(setting):
    make_team()
    referral = make_referral(commune=setting.nantes).referral
    now = timezone.now()
    assert not Referral.objects.flagged(now).exists()
    assert list(Referral.objects.flagged(now + timedelta(days=10))) == [referral]


def test_a_request_from_an_offer_page_goes_first_to_the_offers_operator(setting):
    from essaim.referrals.services import ReferralContext

    ReferralSettings.objects.update_or_create(pk=1, defaults={"max_partners": 2})
    near = make_team(territories=[("commune", "44109")])
    other_near = make_team(territories=[("departement", "44")])
    operator = make_team(territories=[("region", "52")])

    referral = make_referral(
        commune=setting.nantes,
        context=ReferralContext(kind="offre", label="Prêt d'honneur", id=7, organisation_id=operator.organisation_id),
    ).referral

    assert list(referral.dispatches.order_by("pk").values_list("team", flat=True)) == [operator.pk, near.pk]
    assert other_near.pk not in referral.dispatches.values_list("team", flat=True)


def test_the_module_a_request_came_from_reads_its_state_back(setting):
    from essaim.referrals.services import ReferralContext, referral_states

    team = make_team()
    context = ReferralContext(kind="autodiagnostic", label="Autodiagnostic de la Ressourcerie", id=12)
    referral = make_referral(commune=setting.nantes, context=context).referral
    assert [state.status for state in referral_states(kind="autodiagnostic", id=12)] == [
        "Transmise, en attente de prise en charge"
    ]
    referral_take(referral=referral, team=team, by=team.advisers.get())
    [state] = referral_states(kind="autodiagnostic", id=12)
    assert state.is_open and state.taken_by == str(team)
    assert referral_states(kind="autodiagnostic", id=13) == []


def test_a_team_switched_off_hands_its_waiting_requests_on(setting):
    from essaim.referrals.services.partners import team_save

    ReferralSettings.objects.update_or_create(pk=1, defaults={"max_partners": 1})
    near = make_team(territories=[("commune", "44109")])
    far = make_team(territories=[("region", "52")])
    referral = make_referral(commune=setting.nantes).referral

    team_save(team=near, data={"is_active": False})

    assert referral.dispatches.get(team=near).status == Dispatch.Status.ENDED
    assert referral.dispatches.get(team=far).status == Dispatch.Status.PENDING
    with pytest.raises(TransitionRefused):
        referral_take(referral=referral, team=near, by=near.advisers.get())


def test_a_team_that_declined_no_longer_reads_the_requesters_contact(setting, client):
    first, second = make_team(), make_team(territories=[("region", "52")])
    referral = make_referral(commune=setting.nantes, phone="06 11 22 33 44").referral
    referral_decline(referral=referral, team=first, by=first.advisers.get(), reason="disponibilite")

    client.force_login(first.advisers.get())
    page = client.get(f"/etre-accompagne/recues/{referral.pk}/").content.decode()
    assert "06 11 22 33 44" not in page and referral.email not in page
    client.force_login(second.advisers.get())
    assert "06 11 22 33 44" in client.get(f"/etre-accompagne/recues/{referral.pk}/").content.decode()
