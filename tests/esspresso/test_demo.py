"""The ESSpresso demo (`load_demo`): dated from the day it loads, for the instance's région, built
by the real services, and loaded again without duplicates."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from essaim.core.registries import demo_loaders, figures_for, links_for_organisation
from essaim.esspresso.models import Appointment, Event, Participant, ScheduleRun, Seat, Wish

pytestmark = pytest.mark.django_db

NANTES = "esspresso-pays-de-la-loire-nantes"
ANGERS = "esspresso-angers-loire-metropole"
ORLEANS = "esspresso-centre-val-de-loire-orleans"


def load_demo() -> None:
    """The reference data, the demo directory and the ESSpresso demo (the other modules' demos
    are not needed here)."""
    call_command("setup_reference", stdout=StringIO())
    demo_loaders.get("annuaire")(lambda _line: None)
    demo_loaders.get("esspresso")(lambda _line: None)


@pytest.fixture(scope="module")
def _loaded_demo(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The Pays de la Loire demo, loaded once for this module (the reference data take most of
    a minute) and rolled back after its last test; each test runs in a savepoint of its own."""
    with django_db_blocker.unblock(), override_settings(ESSAIM_REGION="52"), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def pays_de_la_loire(_loaded_demo, db, settings):  # type: ignore[no-untyped-def]
    settings.ESSAIM_REGION = "52"


def test_the_past_esspresso_has_60_participants_of_every_kind_and_their_requests(pays_de_la_loire):
    today = timezone.localdate()
    event = Event.objects.get(slug=NANTES)

    assert today - timedelta(days=45) <= event.date <= today - timedelta(days=39)  # a working day
    assert event.is_published and event.commune.code == "44109"
    participants = Participant.objects.confirmed().filter(event=event)
    assert 55 <= participants.count() <= 65
    assert set(participants.values_list("kind", flat=True)) == {"ess", "entreprise", "collectivite", "accompagnement"}
    assert all(p.email.endswith("@demo.essaim.example") for p in participants)
    statuses = Counter(Wish.objects.filter(event=event).values_list("status", flat=True))
    assert statuses["accepted"] > 150 and statuses["declined"] > 0 and statuses["pending"] > 0
    mutual = {(w.sender_id, w.recipient_id) for w in Wish.objects.filter(event=event)}
    assert any((b, a) in mutual for a, b in mutual)


def test_the_past_esspresso_timetable_is_the_schedulers_and_keeps_every_rule(pays_de_la_loire):
    event = Event.objects.get(slug=NANTES)
    run = ScheduleRun.objects.get(event=event)

    assert event.timetable_published_at is not None and event.reminder_sent_at is not None
    assert run.placed == Appointment.objects.filter(event=event).count() >= 100
    assert run.value <= run.upper_bound + 1e-6
    accepted = {frozenset((w.sender_id, w.recipient_id)) for w in Wish.objects.to_schedule().filter(event=event)}
    busy = Counter()
    for appointment in Appointment.objects.filter(event=event).prefetch_related("seats"):
        people = [seat.participant_id for seat in appointment.seats.all()]
        assert len(people) == 2 and frozenset(people) in accepted
        busy.update((appointment.slot_id, person) for person in people)
    assert max(busy.values()) == 1  # one rendez-vous per person and slot
    tables = Counter(Appointment.objects.filter(event=event).values_list("slot_id", "table_id"))
    assert max(tables.values()) == 1  # one rendez-vous per table and slot


def test_the_past_esspresso_had_no_shows_and_feedback_for_the_statistics(pays_de_la_loire):
    event = Event.objects.get(slug=NANTES)
    seats = Seat.objects.filter(appointment__event=event)

    assert seats.filter(attended=False).exists()
    held = Appointment.objects.held().filter(event=event).count()
    assert 100 <= held < Appointment.objects.filter(event=event).count()
    assert set(seats.exclude(usefulness="").values_list("usefulness", flat=True)) == set(Seat.Usefulness.values)
    assert seats.filter(follow_up__in=["proposal", "partnership"]).exists()
    assert seats.filter(happened=False).exists()
    assert all(seat.feedback_at.date() >= event.date for seat in seats.exclude(feedback_at=None))


def test_the_open_esspresso_takes_registrations_and_requests_and_has_no_timetable_yet(pays_de_la_loire):
    today = timezone.localdate()
    event = Event.objects.get(slug=ANGERS)

    assert event.registration_open(today) and event.requests_open(today)
    assert today + timedelta(days=21) <= event.date <= today + timedelta(days=42)
    assert event.scope == Event.Scope.EPCI and event.scope_code == event.commune.epci.code
    assert 18 <= Participant.objects.confirmed().filter(event=event).count() <= 25
    assert Wish.objects.filter(event=event, status=Wish.Status.PENDING).exists()
    assert not Appointment.objects.filter(event=event).exists()
    # The demo member's account is registered, with its structure.
    member = Participant.objects.get(event=event, email="membre@demo.essaim.example")
    assert member.user is not None and member.organisation.memberships.filter(user=member.user).exists()


def test_the_cress_organises_every_demo_event_and_a_collectivite_agent_the_angers_one(pays_de_la_loire):
    for event in Event.objects.all():
        assert event.organisers.filter(email="cress@demo.essaim.example").exists(), event
    agent = Event.objects.get(slug=ANGERS).organisers.get(email="bruno.letourneau@demo.essaim.example")
    assert agent.memberships.filter(organisation__name="Communauté urbaine Angers Loire Métropole").exists()
    assert not Event.objects.get(slug=NANTES).organisers.filter(pk=agent.pk).exists()
    assert agent.has_usable_password()  # the demo password (hashed before the tests' fast hasher applies)


def test_loading_again_makes_the_events_anew_without_duplicates(pays_de_la_loire, settings):
    counts = (Event.objects.count(), Participant.objects.count(), Wish.objects.count())

    demo_loaders.get("esspresso")(lambda _line: None)

    assert (Event.objects.count(), Participant.objects.count(), Wish.objects.count()) == counts
    assert ScheduleRun.objects.count() == 1


def test_the_home_page_counts_the_meetings_held_and_a_structure_page_links_its_events(pays_de_la_loire):
    held = Appointment.objects.held().filter(event__slug=NANTES).count()
    figures = {figure.label: figure.value for figure in figures_for("52")}
    assert figures["rendez-vous ESSpresso tenus"] == held
    assert "rendez-vous ESSpresso tenus" not in {figure.label for figure in figures_for("24")}

    organisation = Participant.objects.get(event__slug=NANTES, last_name="Kerbrat").organisation
    labels = [link.label for link in links_for_organisation(organisation)]
    assert any(label.startswith("Sa participation à « ESSpresso Pays de la Loire — Nantes »") for label in labels)


def test_demo_events_fall_on_a_working_day_whatever_the_load_day():
    from datetime import date, timedelta

    from essaim.esspresso.demo import working_day

    for offset in range(400):
        day = working_day(date(2026, 12, 1) + timedelta(days=offset))
        assert day.weekday() in (1, 2, 3)
        assert (day.month, day.day) not in {(1, 1), (5, 1), (11, 11), (12, 25)}
