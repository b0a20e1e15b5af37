"""Every e-mail of ESSpresso leaves with the personal link of its recipient (text and HTML), in
French, and with nothing a participant typed."""

import pytest
from django.core import mail
from django.urls import reverse

from essaim.esspresso.models import Participant, Slot
from essaim.esspresso.services import (
    appointment_create,
    appointment_set,
    event_remind,
    participant_link_send,
    participant_transition,
    timetable_publish,
    wish_answer,
    wish_create,
)
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, make_wish, today

pytestmark = pytest.mark.django_db

TYPED = "Texte tapé par un participant"


@pytest.fixture(autouse=True)
def _taxonomies(db):
    load_esspresso_taxonomies()


@pytest.fixture
def pair():
    event = make_event("ESSpresso de Nantes", days_ahead=1)
    alice = make_participant(event, "Alice", kind="collectivite")
    bob = make_participant(event, "Bob", kind="ess", offers_text=TYPED)
    return event, alice, bob


def sent(callbacks, action):
    with callbacks(execute=True):
        action()
    return list(mail.outbox)


def assert_link(message, url):
    assert url in message.body
    html_part, mime = message.alternatives[0]
    assert mime == "text/html" and url in html_part
    assert TYPED not in message.body and TYPED not in html_part
    assert "{%" not in message.body and "{{" not in message.subject


def test_the_personal_link(pair, django_capture_on_commit_callbacks):
    event, alice, bob = pair
    [message] = sent(django_capture_on_commit_callbacks, lambda: participant_link_send(participant=alice))
    assert message.subject == "Votre lien personnel pour « ESSpresso de Nantes »"
    assert_link(message, reverse("esspresso:space", args=[alice.token]))


def test_a_request_received_and_its_answer(pair, django_capture_on_commit_callbacks):
    event, alice, bob = pair
    [received] = sent(
        django_capture_on_commit_callbacks,
        lambda: wish_create(sender=alice, recipient=bob, priority="must", message=TYPED, today=today()),
    )
    assert received.to == [bob.email] and "Une demande de rendez-vous" in received.subject
    assert_link(received, reverse("esspresso:wishes", args=[bob.token]))
    mail.outbox.clear()
    wish = bob.wishes_received.get()
    [answered] = sent(django_capture_on_commit_callbacks, lambda: wish_answer(wish=wish, accept=True, today=today()))
    assert answered.to == [alice.email] and "est acceptée" in answered.body
    assert_link(answered, reverse("esspresso:wishes", args=[alice.token]))


def test_a_registration_decided_by_the_organiser(django_capture_on_commit_callbacks):
    event = make_event(needs_validation=True)
    carla = make_participant(event, "Carla", status=Participant.Status.PENDING)
    [message] = sent(
        django_capture_on_commit_callbacks,
        lambda: participant_transition(participant=carla, target="confirmed", roles={"organiser"}),
    )
    assert message.subject.startswith("Inscription confirmée")
    assert_link(message, reverse("esspresso:space", args=[carla.token]))


def test_the_agenda_published_changed_and_reminded(pair, django_capture_on_commit_callbacks):
    event, alice, bob = pair
    make_wish(alice, bob)
    slot = Slot.objects.filter(event=event).order_by("starts_at").first()
    appointment = appointment_create(event=event, slot=slot, table=None, participants=[alice, bob], by=None)
    published = sent(django_capture_on_commit_callbacks, lambda: timetable_publish(event=event, by=None))
    assert {m.to[0] for m in published} == {alice.email, bob.email}
    for message in published:
        token = alice.token if message.to == [alice.email] else bob.token
        assert message.subject == "Votre agenda : « ESSpresso de Nantes »"
        assert_link(message, reverse("esspresso:agenda", args=[token]))
    mail.outbox.clear()
    changed = sent(
        django_capture_on_commit_callbacks, lambda: appointment_set(appointment=appointment, by=None, cancelled=True)
    )
    assert len(changed) == 2 and all("a changé" in m.subject for m in changed)
    mail.outbox.clear()
    reminders = sent(django_capture_on_commit_callbacks, lambda: event_remind(event=event))
    assert len(reminders) == 2 and all(m.subject == "C'est demain : « ESSpresso de Nantes »" for m in reminders)
    assert_link(reminders[0], "/esspresso/moi/")
