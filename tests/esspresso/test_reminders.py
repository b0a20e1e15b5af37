"""The day-before reminder (`send_esspresso_reminders`, run daily by a timer): once per event,
only once agendas are published, only to the people who take part. E-mails go through the task
queue (run immediately in tests, so they land in `mail.outbox`)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from essaim.esspresso.models import Event, Participant
from tests.esspresso.factories import make_event, make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def remind(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Run the daily command; the e-mails queued on commit leave (the test's transaction never
    commits)."""

    def run() -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_esspresso_reminders", stdout=out, stderr=StringIO())
        return out.getvalue()

    return run


@pytest.fixture
def tomorrow() -> Event:
    event = make_event("ESSpresso de demain", days_ahead=1)
    make_participant(event, "Alice", email="alice@exemple.fr")
    make_participant(event, "Bruno", email="bruno@exemple.fr")
    make_participant(event, "Chloé", email="chloe@exemple.fr", status=Participant.Status.PENDING)
    make_participant(event, "Denis", email="denis@exemple.fr", status=Participant.Status.CANCELLED)
    return event


def publish(event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(timetable_published_at=timezone.now())


def test_the_day_before_each_confirmed_participant_gets_one_reminder(tomorrow, remind):
    publish(tomorrow)

    output = remind()

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "alice@exemple.fr",
        "bruno@exemple.fr",
    ]
    assert "2 rappel(s) envoyé(s) pour 1 événement(s)" in output
    alice = next(message for message in mail.outbox if message.to == ["alice@exemple.fr"])
    assert alice.subject == "C'est demain : « ESSpresso de demain »"
    assert Participant.objects.get(email="alice@exemple.fr").token in alice.body  # her agenda, no account needed
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at is not None


def test_a_second_run_the_same_day_sends_nothing_again(tomorrow, remind):
    publish(tomorrow)
    remind()
    mail.outbox.clear()

    output = remind()

    assert mail.outbox == []
    assert "0 rappel(s) envoyé(s) pour 0 événement(s)" in output


def test_no_reminder_while_agendas_are_not_published(tomorrow, remind):
    remind()

    assert mail.outbox == []
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at is None


def test_no_reminder_for_an_event_later_than_tomorrow_nor_one_of_today(remind):
    for days in (0, 2):
        event = make_event(f"ESSpresso dans {days} jours", days_ahead=days)
        make_participant(event, f"Personne{days}")
        publish(event)

    remind()

    assert mail.outbox == []
