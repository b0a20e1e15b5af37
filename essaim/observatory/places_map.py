"""The map of the région's ESS places (tiers-lieux, PTCE), with the list beside it, drawn over the
région's départements."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from essaim.core.imports import Noun
from essaim.places.models import Place
from essaim.places.queries import KIND_LEGEND, places_for_map
from essaim.territories.models import Departement

# The départements under the points: pale, so that the places stand out, and named when chosen.
BACKGROUND = "#f4f4f2"
PLACES = Noun("lieu de l'ESS", "lieux de l'ESS")


def places_context(region: str) -> dict[str, Any]:
    places = (
        Place.objects.active().in_territory("region", region).select_related("commune", "operator").order_by("name")
    )
    departements = _departements(region, places)
    areas = [(outline, {"name": name, "label": label, "colour": BACKGROUND}) for name, label, outline in departements]
    return {
        "places": list(places),
        "collection": places_for_map(places, areas=areas),
        "legend": KIND_LEGEND,
        "departements": [(name, label) for name, label, _outline in departements],
    }


def _departements(region: str, places: QuerySet[Place]) -> list[tuple[str, str, str]]:
    """The région's départements (name, how many of the places lie in it, outline)."""
    counts = dict(places.order_by().values_list("commune__departement__code").annotate(Count("pk")))
    return [
        (name, PLACES.counted(counts.get(code, 0)), outline)
        for code, name, outline in Departement.objects.filter(region__code=region)
        .order_by("code")
        .values_list("code", "name", "outline")
    ]
