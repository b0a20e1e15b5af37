"""The organiser's timetable: one click to compute, the grid, moves, locks, cancellations,
rendez-vous added by hand, publication and the e-mails of changes."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from essaim.esspresso.models import Appointment, ScheduleRun
from tests.esspresso.factories import make_participant, make_wish
from tests.esspresso.organiser_helpers import organised_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Four slots, two tables; Alice asked Bob, Chloé and David; Chloé asked Bob."""
    event, organiser = organised_event(tables=2, default_max_meetings=None)
    people = {name: make_participant(event, name) for name in ("Alice", "Bob", "Chloé", "David")}
    make_wish(people["Alice"], people["Bob"], priority="must")
    make_wish(people["Alice"], people["Chloé"])
    make_wish(people["Alice"], people["David"])
    make_wish(people["Chloé"], people["Bob"])
    return event, organiser, people


def url(name, event, **kwargs):
    return reverse(f"esspresso:{name}", kwargs={"pk": event.pk, **kwargs})


def pairs(event):
    return {
        frozenset(seat.participant.first_name for seat in appointment.seats.all())
        for appointment in Appointment.objects.planned().filter(event=event).prefetch_related("seats__participant")
    }


def check_hard_rules(event):
    """One rendez-vous per person per slot, at most one per table and slot, each pair once."""
    seen_people, seen_tables, seen_pairs = set(), set(), set()
    for appointment in Appointment.objects.planned().filter(event=event).prefetch_related("seats"):
        ids = frozenset(seat.participant_id for seat in appointment.seats.all())
        for pid in ids:
            assert (appointment.slot_id, pid) not in seen_people
            seen_people.add((appointment.slot_id, pid))
        if appointment.table_id:
            assert (appointment.slot_id, appointment.table_id) not in seen_tables
            seen_tables.add((appointment.slot_id, appointment.table_id))
        assert ids not in seen_pairs
        seen_pairs.add(ids)


def test_one_click_places_every_accepted_request_and_reports_it(client, world):
    event, organiser, people = world
    client.force_login(organiser)
    response = client.post(url("timetable_run", event), follow=True)
    page = response.content.decode()
    assert pairs(event) == {
        frozenset({"Alice", "Bob"}),
        frozenset({"Alice", "Chloé"}),
        frozenset({"Alice", "David"}),
        frozenset({"Chloé", "Bob"}),
    }
    check_hard_rules(event)
    assert "4 rendez-vous placés sur un maximum possible de 4" in page
    assert all(a.table_id for a in Appointment.objects.filter(event=event))
    assert "<caption>Rendez-vous par créneau (lignes) et par table (colonnes)</caption>" in page


def test_unplaced_requests_are_listed_with_their_reason(client):
    event, organiser = organised_event(tables=1, sessions=[("Matinée", "09:00", "09:20")])  # one slot, one table
    alice, bob, chloe, david = (make_participant(event, name) for name in ("Alice", "Bob", "Chloé", "David"))
    make_wish(alice, bob)
    make_wish(chloe, david)
    client.force_login(organiser)
    client.post(url("timetable_run", event))
    run = ScheduleRun.objects.get(event=event)
    assert run.placed == 1 and len(run.unplaced) == 1
    page = client.get(url("timetable", event)).content.decode()
    assert "1 demande non placée" in page
    assert run.unplaced[0]["reason"][:20] in page.replace("\u202f", " ").replace("\u00a0", " ")


def test_moving_to_a_busy_slot_is_refused_with_a_message(client, world):
    event, organiser, people = world
    client.force_login(organiser)
    client.post(url("timetable_run", event))
    alice_bob = Appointment.objects.of(people["Alice"]).of(people["Bob"]).get()
    alice_chloe = Appointment.objects.of(people["Alice"]).of(people["Chloé"]).get()
    response = client.post(
        url("appointment", event, appointment=alice_bob.pk),
        {"action": "move", "slot": alice_chloe.slot_id, "table": ""},
    )
    assert response.status_code == 409
    assert "Déjà pris à ce créneau" in response.content.decode()
    alice_bob.refresh_from_db()
    assert alice_bob.slot_id != alice_chloe.slot_id and not alice_bob.locked


def test_a_moved_meeting_is_locked_and_kept_by_the_next_run(client, world):
    event, organiser, people = world
    client.force_login(organiser)
    client.post(url("timetable_run", event))
    busy = set(Appointment.objects.filter(event=event).values_list("slot_id", flat=True))
    chloe_bob = Appointment.objects.of(people["Chloé"]).of(people["Bob"]).get()
    free_slot = next(slot for slot in event.slots.all() if slot.pk not in busy or slot.pk == chloe_bob.slot_id)
    table = event.tables.get(number=2)
    response = client.post(
        url("appointment", event, appointment=chloe_bob.pk), {"action": "move", "slot": free_slot.pk, "table": table.pk}
    )
    assert response.status_code == 302
    client.post(url("timetable_run", event))
    kept = Appointment.objects.get(pk=chloe_bob.pk)
    assert kept.locked and kept.slot_id == free_slot.pk and kept.table_id == table.pk
    assert len(pairs(event)) == 4
    check_hard_rules(event)


def test_lock_unlock_cancel_and_restore(client, world):
    event, organiser, people = world
    client.force_login(organiser)
    client.post(url("timetable_run", event))
    item = Appointment.objects.of(people["Alice"]).of(people["David"]).get()
    target = url("appointment", event, appointment=item.pk)
    assert client.get(target).status_code == 200
    client.post(target, {"action": "lock"})
    item.refresh_from_db()
    assert item.locked
    client.post(target, {"action": "unlock"})
    item.refresh_from_db()
    assert not item.locked
    client.post(target, {"action": "cancel"})
    item.refresh_from_db()
    assert item.status == "cancelled" and item.locked
    client.post(url("timetable_run", event))
    assert Appointment.objects.get(pk=item.pk).status == "cancelled"  # a cancellation survives a run
    assert frozenset({"Alice", "David"}) not in pairs(event)
    client.post(target, {"action": "restore"})
    item.refresh_from_db()
    assert item.status == "planned"
    assert client.post(target, {"action": "explode"}).status_code == 400


def test_a_meeting_added_by_hand_is_locked_and_a_clash_is_refused(client, world):
    event, organiser, people = world
    client.force_login(organiser)
    slot = event.slots.first()
    data = {"first": people["Bob"].pk, "second": people["David"].pk, "slot": slot.pk, "table": ""}
    assert client.post(url("appointment_add", event), data).status_code == 302
    added = Appointment.objects.get(event=event)
    assert added.locked and added.origin == "manual"
    data = {"first": people["Bob"].pk, "second": people["Alice"].pk, "slot": slot.pk, "table": ""}
    response = client.post(url("appointment_add", event), data)
    assert response.status_code == 409
    assert "Déjà pris à ce créneau" in response.content.decode()
    data = {"first": people["Bob"].pk, "second": people["Bob"].pk, "slot": slot.pk, "table": ""}
    assert client.post(url("appointment_add", event), data).status_code == 400


def test_publishing_emails_everyone_and_a_later_change_emails_those_concerned(
    client, world, django_capture_on_commit_callbacks
):
    event, organiser, people = world
    client.force_login(organiser)
    response = client.post(url("timetable_publish", event), follow=True)
    assert "Le planning est vide" in response.content.decode()
    client.post(url("timetable_run", event))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("timetable_publish", event), follow=True)
    assert "4 e-mails envoyés" in response.content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in people.values())
    mail.outbox.clear()
    item = Appointment.objects.of(people["Alice"]).of(people["David"]).get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("appointment", event, appointment=item.pk), {"action": "cancel"})
    assert sorted(message.to[0] for message in mail.outbox) == sorted([people["Alice"].email, people["David"].email])


def test_a_speed_meeting_shows_rotations_and_pairs_meeting_again(client):
    event, organiser = organised_event(format="speed", tables=5)
    for name in ("Alice", "Bob", "Chloé", "David", "Élise"):
        make_participant(event, name)
    client.force_login(organiser)
    client.post(url("timetable_run", event))
    run = ScheduleRun.objects.get(event=event)
    page = client.get(url("timetable", event)).content.decode()
    assert f"{run.placed} rendez-vous en rotations" in page
    assert "se revoi" in page or "Aucune paire ne se revoit." in page
    check_hard_rules(event)


def test_a_locked_rendez_vous_outside_a_changed_availability_stops_the_run_with_the_names(client, world):
    """Someone locked at 9:00 then said they come only later: the run says who and when, and
    the timetable stays as it was (never a 500)."""
    from essaim.esspresso.models import Session
    from essaim.esspresso.services import appointment_create

    event, organiser, people = world
    morning = event.sessions.get()
    first_slot = event.slots.order_by("starts_at").first()
    appointment_create(
        event=event, slot=first_slot, table=None, participants=[people["Alice"], people["Bob"]], by=organiser
    )
    later = Session.objects.create(event=event, label="Après-midi", starts_at="14:00", ends_at="15:00")
    people["Bob"].sessions.set([later])
    assert morning not in people["Bob"].sessions.all()
    client.force_login(organiser)
    response = client.post(url("timetable_run", event), follow=True)
    page = response.content.decode()
    assert "Le planning ne peut pas être calculé" in page
    assert "Bob Test" in page and "09:00" in page
    assert pairs(event) == {frozenset({"Alice", "Bob"})}


def test_an_event_with_its_timetable_can_be_deleted_but_not_a_slot_holding_a_rendez_vous(world):
    from django.db.models import RestrictedError

    from essaim.esspresso.services import timetable_build

    event, organiser, people = world
    timetable_build(event=event, by=organiser)
    used = Appointment.objects.filter(event=event).first().slot
    with pytest.raises(RestrictedError):
        used.delete()
    event.delete()
    assert not Appointment.objects.exists()
