"""The personal agenda (page, iCalendar, PDF) once published, and the feedback after the event."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from essaim.esspresso.models import Seat, Slot, Table
from essaim.esspresso.services import appointment_create, timetable_publish
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant
from tests.pdf import inflated

pytestmark = pytest.mark.django_db


def text(response):
    return " ".join(re.sub(r"<[^>]+>", " ", html.unescape(response.content.decode())).split())


@pytest.fixture(autouse=True)
def _taxonomies(db):
    load_esspresso_taxonomies()


def planned(days_ahead=20):
    event = make_event("ESSpresso de Nantes", days_ahead=days_ahead)
    alice = make_participant(event, "Alice", kind="collectivite", seeks=["restauration"])
    bob = make_participant(event, "Bob", kind="ess", offers=["restauration"], offers_text="Traiteur bio")
    slot = Slot.objects.filter(event=event).order_by("starts_at").first()
    table = Table.objects.get(event=event, number=3)
    appointment = appointment_create(event=event, slot=slot, table=table, participants=[alice, bob], by=None)
    return event, alice, bob, appointment


@pytest.fixture
def world():
    return planned()


def test_before_publication_the_agenda_says_when_it_comes(client, world):
    event, alice, bob, appointment = world
    page = text(client.get(reverse("esspresso:agenda", args=[alice.token])))
    assert "Votre agenda sera publié" in page
    assert "Bob Test" not in page
    assert client.get(reverse("esspresso:agenda_ics", args=[alice.token])).status_code == 404
    assert client.get(reverse("esspresso:agenda_pdf", args=[alice.token])).status_code == 404


def test_the_published_agenda_shows_time_table_partner_and_contact(client, world, django_capture_on_commit_callbacks):
    event, alice, bob, appointment = world
    with django_capture_on_commit_callbacks(execute=True):
        timetable_publish(event=event, by=None)
    page = text(client.get(reverse("esspresso:agenda", args=[alice.token])))
    assert "09h00–09h20 · Table 3" in page
    assert "Bob Test, Structure de Bob" in page
    assert "Propose Restauration et traiteur. Traiteur bio" in page
    assert bob.email in page


def test_the_calendar_file_has_one_event_per_rendez_vous_in_paris_time(client, world):
    event, alice, bob, appointment = world
    timetable_publish(event=event, by=None)
    response = client.get(reverse("esspresso:agenda_ics", args=[alice.token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"
    calendar = Calendar.from_ical(response.content)
    [item] = calendar.walk("VEVENT")
    start = item.decoded("dtstart")
    assert (start.date(), start.hour, start.minute, str(start.tzinfo)) == (event.date, 9, 0, "Europe/Paris")
    assert "Bob Test" in str(item["summary"]) and "Table 3" in str(item["location"])
    again = Calendar.from_ical(client.get(reverse("esspresso:agenda_ics", args=[alice.token])).content)
    assert [str(e["uid"]) for e in again.walk("VEVENT")] == [str(item["uid"])]  # stable


# WeasyPrint warns that it will need HarfBuzz-Subset some day (as the strategy's bilan PDF tests).
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_pdf_is_a_tagged_document(client, world):
    event, alice, bob, appointment = world
    timetable_publish(event=event, by=None)
    response = client.get(reverse("esspresso:agenda_pdf", args=[alice.token]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    content = inflated(response.content)
    for marker in (b"/StructTreeRoot", b"/MarkInfo", b"/Lang", b"/Table", b"/Caption"):
        assert marker in content, marker


def test_feedback_waits_for_the_day_of_the_event(client, world):
    event, alice, bob, appointment = world
    page = text(client.get(reverse("esspresso:feedback", args=[alice.token])))
    assert "Vous pourrez donner votre avis le jour de l'événement" in page
    response = client.post(reverse("esspresso:feedback", args=[alice.token]), {})
    assert response.status_code == 400


def test_feedback_after_the_event_is_saved_for_each_rendez_vous(client):
    event, alice, bob, appointment = planned(days_ahead=-1)
    type(event).objects.filter(pk=event.pk).update(timetable_published_at=timezone.now())  # before the day
    seat = Seat.objects.get(appointment=appointment, participant=alice)
    prefix = f"rdv{seat.pk}"
    response = client.post(
        reverse("esspresso:feedback", args=[alice.token]),
        {f"{prefix}-happened": "oui", f"{prefix}-usefulness": "very", f"{prefix}-follow_up": "proposal"},
    )
    assert response.status_code == 302
    seat.refresh_from_db()
    assert (seat.happened, seat.usefulness, seat.follow_up) == (True, "very", "proposal")
    assert seat.feedback_at is not None
    page = text(client.get(reverse("esspresso:feedback", args=[alice.token])))
    assert "Avis donné le" in page


def test_feedback_with_a_hostile_answer_is_refused_not_fatal(client):
    event, alice, bob, appointment = planned(days_ahead=-1)
    type(event).objects.filter(pk=event.pk).update(timetable_published_at=timezone.now())  # before the day
    seat = Seat.objects.get(appointment=appointment, participant=alice)
    response = client.post(
        reverse("esspresso:feedback", args=[alice.token]),
        {f"rdv{seat.pk}-happened": "oui", f"rdv{seat.pk}-usefulness": "<script>"},
    )
    assert response.status_code == 400
    seat.refresh_from_db()
    assert seat.happened is None
