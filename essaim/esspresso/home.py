"""Where ESSpresso shows up outside its own pages: the home page's key figure and, on a
structure's page of the directory, the ESSpresso it took part in."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from essaim.core.registries import Figure, Link, home_figures, organisation_links
from essaim.esspresso.models import Appointment, Event, Participant

EVENTS_SHOWN = 5  # on a structure's page, the most recent ones


@home_figures.register("esspresso", order=30)
def meetings_held(region_code: str) -> list[Figure]:
    """The rendez-vous held at the région's past ESSpresso (none shown before the first one)."""
    today = timezone.localdate()
    count = (
        Appointment.objects.held()
        .filter(event__date__lt=today, event__is_published=True, event__commune__departement__region__code=region_code)
        .count()
    )
    if not count:
        return []
    return [
        Figure(count, "rendez-vous ESSpresso tenus", reverse("esspresso:events"), singular="rendez-vous ESSpresso tenu")
    ]


@organisation_links.register("esspresso", order=30)
def participations(organisation: Any) -> list[Link]:
    """The public pages of the ESSpresso this structure took or takes part in (its people
    registered, confirmed and willing to be listed), the most recent first."""
    events = list(
        Event.objects.published()
        .filter(
            participants__organisation=organisation,
            participants__status=Participant.Status.CONFIRMED,
            participants__listed=True,
        )
        .distinct()
        .order_by("-date", "-pk")[:EVENTS_SHOWN]
    )
    today = timezone.localdate()
    return [
        Link(
            f"{'Sa participation' if event.is_past(today) else 'Son inscription'} à « {event.title} » "
            f"({event.date:%d/%m/%Y})",
            event.get_absolute_url(),
        )
        for event in events
    ]
