"""Nobody left waiting: reminders at D+3 and D+7, abandoned at D+30 with an apology, the
satisfaction question after six weeks; each sent once, by the daily command."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from essaim.referrals.models import Dispatch, Referral
from essaim.referrals.services import referral_close, referral_take
from tests.accounts.factories import UserFactory
from tests.referrals.factories import make_referral, make_team

pytestmark = pytest.mark.django_db


def _sent_days_ago(referral: Referral, days: int) -> None:
    moment = timezone.now() - timedelta(days=days)
    Referral.objects.filter(pk=referral.pk).update(sent_at=moment)
    Dispatch.objects.filter(referral=referral).update(sent_at=moment)


def _remind() -> list[list[str]]:
    mail.outbox.clear()
    call_command("send_referral_reminders")
    return [message.to for message in mail.outbox]


def test_an_untouched_request_is_reminded_at_three_then_seven_days_once_each(setting):
    team = make_team()
    adviser = team.advisers.get().email
    referral = make_referral(commune=setting.nantes).referral

    _sent_days_ago(referral, 2)
    assert _remind() == []
    _sent_days_ago(referral, 3)
    assert _remind() == [[adviser]]
    assert _remind() == []
    _sent_days_ago(referral, 7)
    assert _remind() == [[adviser]]
    assert _remind() == []


def test_a_team_first_reminded_after_seven_days_gets_one_reminder(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    _sent_days_ago(referral, 8)
    assert _remind() == [[team.advisers.get().email]]
    assert _remind() == []


def test_a_request_taken_in_hand_is_not_reminded(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=team, by=team.advisers.get())
    _sent_days_ago(referral, 7)
    assert _remind() == []


def test_after_thirty_days_without_taking_the_request_is_abandoned_with_an_apology(setting):
    make_team()
    cress = UserFactory(platform_admin=True, email="cress@example.org")
    referral = make_referral(commune=setting.nantes).referral
    _sent_days_ago(referral, 30)

    sent = _remind()

    referral.refresh_from_db()
    assert referral.status == Referral.Status.ABANDONED and referral.closed_at
    assert [referral.email] in sent and [cress.email] in sent
    apology = next(message for message in mail.outbox if message.to == [referral.email])
    assert "excuses" in apology.body
    assert not referral.dispatches.pending().exists()
    assert _remind() == []


def test_six_weeks_after_being_taken_the_requester_is_asked_if_it_was_useful(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=team, by=team.advisers.get())
    Referral.objects.filter(pk=referral.pk).update(taken_at=timezone.now() - timedelta(days=44))
    assert _remind() == []
    Referral.objects.filter(pk=referral.pk).update(taken_at=timezone.now() - timedelta(days=45))
    assert _remind() == [[referral.email]]
    assert "utile" in mail.outbox[0].subject
    assert _remind() == []


def test_closed_requests_lose_their_personal_data_after_the_retention_period(setting):
    team = make_team()
    old = make_referral(commune=setting.nantes, need="financer_demarrage").referral
    recent = make_referral(commune=setting.nantes, need="recruter_rh_benevolat").referral
    referral_take(referral=old, team=team, by=team.advisers.get())
    referral_close(referral=old, by=team.advisers.get(), outcome="accompagne")
    Referral.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=18 * 31))

    call_command("purge_personal_data")

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.anonymised_at and old.email == "" and old.description == "" and old.name == ""
    assert old.need == "financer_demarrage" and old.outcome == "accompagne"
    assert recent.anonymised_at is None and recent.email


def test_a_request_left_in_hand_and_never_closed_loses_its_personal_data_too(setting):
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=team, by=team.advisers.get())
    Referral.objects.filter(pk=referral.pk).update(taken_at=timezone.now() - timedelta(days=18 * 31))

    call_command("purge_personal_data")

    referral.refresh_from_db()
    assert referral.anonymised_at and referral.email == "" and referral.status == Referral.Status.TAKEN
