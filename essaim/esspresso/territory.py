"""ESSpresso in a territory's portrait (observatory): the meetings held there, or to come."""

from __future__ import annotations

from django.utils import formats

from essaim.core.registries import Link, TerritorySection, territory_sections
from essaim.esspresso.models import Event

SHOWN = 8


@territory_sections.register("esspresso", order=30)
def section(level: str, code: str, communes: list[str]) -> TerritorySection | None:
    if not communes:
        return None
    events = list(Event.objects.published().filter(commune__code__in=communes).order_by("-date", "-pk"))
    return TerritorySection(
        title="Rendez-vous ESSpresso dans ce territoire",
        links=[
            Link(f"{event.title} ({formats.date_format(event.date, 'j F Y')})", event.get_absolute_url())
            for event in events[:SHOWN]
        ],
        total=len(events),
        empty="Aucun rendez-vous ESSpresso ne s'est encore tenu dans ce territoire.",
    )
