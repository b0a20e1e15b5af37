"""The CRESS's figures on a small known event, over all events, and the platform metrics that
strategy indicators follow."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.core.registries import platform_metrics
from essaim.esspresso.models import Event, Seat
from essaim.esspresso.services import appointment_create, appointment_set
from essaim.esspresso.statistics import event_figures, event_lines, figures
from tests.esspresso.factories import make_event, make_participant, make_wish
from tests.esspresso.organiser_helpers import cress, organised_event

pytestmark = pytest.mark.django_db


def seat(appointment, person, **fields):
    Seat.objects.filter(appointment=appointment, participant=person).update(**fields)


@pytest.fixture
def past_event():
    """Ten days ago. Requests: 2 accepted, 1 "non merci", 1 pending. Rendez-vous: Alice–Bob held
    (both useful, one follow-up), Alice–Chloé with Chloé absent, David–Bob said not to have
    happened, and one cancelled."""
    event, organiser = organised_event(days_ahead=-10, tables=4)
    alice = make_participant(event, "Alice", kind="ess")
    bob = make_participant(event, "Bob", kind="collectivite")
    chloe = make_participant(event, "Chloé", kind="collectivite")
    david = make_participant(event, "David", kind="entreprise")
    make_participant(event, "Eve", kind="collectivite", status="cancelled")
    make_wish(alice, bob)
    make_wish(alice, chloe)
    make_wish(chloe, david, status="pending")
    s1, s2, s3, s4 = event.slots.order_by("starts_at")
    held = appointment_create(event=event, slot=s1, table=None, participants=[alice, bob], by=None)
    seat(held, alice, attended=True, happened=True, usefulness="very", follow_up="contact")
    seat(held, bob, attended=True, happened=True, usefulness="rather", follow_up="none")
    absent = appointment_create(event=event, slot=s2, table=None, participants=[alice, chloe], by=None)
    seat(absent, chloe, attended=False)
    denied = appointment_create(event=event, slot=s3, table=None, participants=[david, bob], by=None)
    seat(denied, david, happened=False)
    make_wish(david, bob, status="declined")  # said afterwards
    cancelled = appointment_create(event=event, slot=s4, table=None, participants=[david, chloe], by=None)
    appointment_set(appointment=cancelled, by=None, cancelled=True)
    return event, organiser


def test_figures_of_a_known_small_event(past_event):
    event, _ = past_event
    result = event_figures(event)
    assert result.participants == 4
    assert dict(result.by_kind) == {
        "Entreprise de l'ESS": 1,
        "Entreprise (hors ESS)": 1,
        "Collectivité ou EPCI": 2,
        "Réseau ou structure d'accompagnement": 0,
    }
    assert (result.requests, result.accepted, result.declined, result.pending) == (4, 2, 1, 1)
    assert result.acceptance_rate == 66.7
    assert (result.planned, result.held) == (3, 1)
    assert result.held_rate == 33.3
    assert (result.attendance_recorded, result.no_shows, result.no_show_rate) == (2, 1, 50.0)
    assert (result.opinions, result.satisfied, result.satisfaction_rate) == (2, 2, 100.0)
    assert dict(result.usefulness)["Très utile"] == 1 and dict(result.usefulness)["Plutôt utile"] == 1
    assert result.follow_ups_declared == 1


def test_an_event_without_anything_measured_says_so_rather_than_zero():
    event = make_event()
    result = event_figures(event)
    assert result.acceptance_rate is None and result.no_show_rate is None and result.satisfaction_rate is None


def test_figures_over_all_events_add_up(past_event):
    event, _ = past_event
    other = make_event("Autre ESSpresso")
    make_participant(other, "Zoé", kind="accompagnement")
    result = figures(Event.objects.all())
    assert result.events == 2 and result.participants == 5 and result.held == 1
    lines = {
        line.event.title: (line.participants, line.planned, line.held) for line in event_lines(Event.objects.all())
    }
    assert lines == {"ESSpresso de test": (4, 3, 1), "Autre ESSpresso": (1, 0, 0)}


def test_statistics_pages_show_accessible_tables(client, past_event):
    event, organiser = past_event
    client.force_login(organiser)
    page = client.get(reverse("esspresso:event_stats", kwargs={"pk": event.pk})).content.decode()
    assert "<caption>" in page and '<th scope="row">Rendez-vous tenus</th>' in page
    assert "66,7" in page or "66.7" in page
    assert client.get(reverse("esspresso:stats")).status_code == 403
    client.force_login(cress())
    page = client.get(reverse("esspresso:stats")).content.decode()
    assert "Statistiques de tous les ESSpresso" in page and "ESSpresso de test" in page


def test_platform_metrics_count_meetings_held_and_authorities_in_the_period(past_event, region):
    event, _ = past_event
    today = timezone.localdate()
    held = platform_metrics.get("esspresso.rendez_vous_tenus")
    authorities = platform_metrics.get("esspresso.collectivites_participantes")
    assert held.label == "Rendez-vous ESSpresso tenus"
    start, end = today - timedelta(days=30), today
    assert held.measure("52", start, end) == 1
    assert authorities.measure("52", start, end) == 2
    # Out of the period, or in another région: not counted.
    assert held.measure("52", today - timedelta(days=5), today) == 0
    elsewhere, _ = organised_event(days_ahead=-3, commune=region.other_region_commune)
    make_participant(elsewhere, "Maire", kind="collectivite")
    assert authorities.measure("52", start, end) == 2
    assert authorities.measure("24", start, end) == 1
    assert held.measure("24", start, end) == 0
