"""On the day: arrivals, no-shows, and pairs proposed on the spot to people left free."""

from __future__ import annotations

import pytest
from django.urls import reverse

from essaim.esspresso.models import Appointment, Participant
from essaim.esspresso.services import appointment_create
from tests.esspresso.factories import load_esspresso_taxonomies, make_participant
from tests.esspresso.organiser_helpers import organised_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    """Today's event: Alice meets Bob in the first slot; Chloé and David are free. Chloé seeks
    what David offers."""
    load_esspresso_taxonomies()
    event, organiser = organised_event(days_ahead=0, tables=3)
    alice = make_participant(event, "Alice", seeks_text="locaux partagés", offers_text="traiteur bio")
    bob = make_participant(event, "Bob", offers_text="locaux partagés", seeks_text="traiteur")
    chloe = make_participant(event, "Chloé", seeks_text="traiteur bio pour nos événements")
    david = make_participant(event, "David", offers_text="traiteur bio et local", seeks_text="salles de réunion")
    slot = event.slots.order_by("starts_at").first()
    meeting = appointment_create(
        event=event, slot=slot, table=event.tables.get(number=1), participants=[alice, bob], by=None
    )
    return event, organiser, slot, meeting, {p.first_name: p for p in (alice, bob, chloe, david)}


def onsite_url(event, slot):
    return reverse("esspresso:onsite", kwargs={"pk": event.pk}) + f"?creneau={slot.pk}"


def test_marking_arrivals(client, day):
    event, organiser, slot, meeting, people = day
    client.force_login(organiser)
    target = reverse("esspresso:onsite_arrival", kwargs={"pk": event.pk, "participant": people["Chloé"].pk})
    assert client.post(target, {"arrived": "1", "slot": slot.pk}).status_code == 302
    assert Participant.objects.get(pk=people["Chloé"].pk).arrived
    client.post(target, {"arrived": "0"})
    assert not Participant.objects.get(pk=people["Chloé"].pk).arrived


def test_free_people_get_an_on_the_spot_pair_and_it_is_seated(client, day):
    event, organiser, slot, meeting, people = day
    Participant.objects.filter(event=event).update(arrived=True)
    client.force_login(organiser)
    page = client.get(onsite_url(event, slot)).content.decode()
    assert "Chloé Test" in page and "David Test" in page
    assert "Les installer à une table" in page
    response = client.post(
        reverse("esspresso:onsite_rematch", kwargs={"pk": event.pk}),
        {"slot": slot.pk, "first": people["Chloé"].pk, "second": people["David"].pk},
        follow=True,
    )
    assert "se rencontrent à la Table 2" in response.content.decode().replace("\u00a0", " ")
    placed = Appointment.objects.of(people["Chloé"]).of(people["David"]).get()
    assert placed.origin == "on_site" and placed.slot == slot and placed.table.number == 2


def test_a_no_show_frees_the_partner_who_can_be_rematched(client, day):
    event, organiser, slot, meeting, people = day
    Participant.objects.filter(event=event).exclude(pk=people["Alice"].pk).update(arrived=True)
    client.force_login(organiser)
    seat = meeting.seats.get(participant=people["Alice"])
    target = reverse("esspresso:onsite_attendance", kwargs={"pk": event.pk, "seat": seat.pk})
    assert client.post(target, {"attended": "absent"}).status_code == 302
    seat.refresh_from_db()
    assert seat.attended is False
    assert not Appointment.objects.held().filter(pk=meeting.pk).exists()
    from essaim.esspresso.views.onsite import proposals

    proposed = proposals(event, slot)
    assert {frozenset((a.first_name, b.first_name)) for a, b, _ in proposed} & {
        frozenset(("Bob", "Chloé")),
        frozenset(("Bob", "David")),
        frozenset(("Chloé", "David")),
    }
    assert all(score >= 0 for _, _, score in proposed)
    # Bob, whose partner did not come, may be seated with someone else in the same slot.
    response = client.post(
        reverse("esspresso:onsite_rematch", kwargs={"pk": event.pk}),
        {"slot": slot.pk, "first": people["Bob"].pk, "second": people["Chloé"].pk},
    )
    assert response.status_code == 302
    assert Appointment.objects.of(people["Bob"]).of(people["Chloé"]).filter(slot=slot).exists()


def test_an_unknown_attendance_value_or_pair_is_a_message(client, day):
    event, organiser, slot, meeting, people = day
    client.force_login(organiser)
    seat = meeting.seats.first()
    target = reverse("esspresso:onsite_attendance", kwargs={"pk": event.pk, "seat": seat.pk})
    response = client.post(target, {"attended": "peut-être"}, follow=True)
    assert "Présence inconnue" in response.content.decode()
    response = client.post(
        reverse("esspresso:onsite_rematch", kwargs={"pk": event.pk}), {"slot": slot.pk, "first": "x"}, follow=True
    )
    assert "Choisissez une paire proposée." in response.content.decode()
    response = client.post(
        reverse("esspresso:onsite_rematch", kwargs={"pk": event.pk}),
        {"slot": slot.pk, "first": people["Alice"].pk, "second": people["Bob"].pk},
        follow=True,
    )
    assert "Déjà pris à ce créneau" in response.content.decode()
