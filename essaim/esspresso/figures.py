"""ESSpresso's platform metrics, which strategy indicators can follow."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db.models import Q

from essaim.core.registries import PlatformMetric, platform_metrics
from essaim.esspresso.models import Appointment, Event, Participant, ParticipantKind


def events_in(region_code: str, start: date, end: date) -> Q:
    """Events held between the two dates (both included) in the région: their commune is in it,
    or, without a commune, the platform serves that région."""
    where = Q(commune__departement__region__code=region_code)
    if region_code == settings.ESSAIM_REGION:
        where |= Q(commune__isnull=True)
    return where & Q(date__gte=start, date__lte=end)


def meetings_held(region_code: str, start: date, end: date) -> int:
    """Rendez-vous held at the région's ESSpresso events of the period (nobody absent, nobody
    saying it did not happen)."""
    events = Event.objects.filter(events_in(region_code, start, end))
    return Appointment.objects.held().filter(event__in=events).count()


def authorities_taking_part(region_code: str, start: date, end: date) -> int:
    """Collectivités and EPCI (distinct structures) registered and confirmed at the région's
    ESSpresso events of the period."""
    events = Event.objects.filter(events_in(region_code, start, end))
    return (
        Participant.objects.confirmed()
        .filter(event__in=events, kind=ParticipantKind.AUTHORITY)
        .values("organisation")
        .distinct()
        .count()
    )


platform_metrics.add(
    "esspresso.rendez_vous_tenus",
    PlatformMetric("Rendez-vous ESSpresso tenus", "rendez-vous", meetings_held),
    order=40,
)
platform_metrics.add(
    "esspresso.collectivites_participantes",
    PlatformMetric("Collectivités participantes aux ESSpresso", "collectivités", authorities_taking_part),
    order=40,
)
