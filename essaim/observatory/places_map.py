"""The map of the région's ESS places (tiers-lieux, PTCE), with the list beside it, drawn over the
région's départements."""

from __future__ import annotations

from collections import Counter
from typing import Any

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
    listed = list(places)
    departements = _departements(region, listed)
    areas = [(outline, {"name": name, "label": label, "colour": BACKGROUND}) for name, label, outline in departements]
    return {
        "places": listed,
        "collection": places_for_map(places, areas=areas),
        "legend": KIND_LEGEND,
        "departements": [(name, label) for name, label, _outline in departements],
    }


def _departements(region: str, places: list[Place]) -> list[tuple[str, str, str]]:
    """The région's départements (name, how many of the places lie in it, outline)."""
    counts = Counter(place.commune.departement_id for place in places)
    return [
        (name, PLACES.counted(counts[pk]), outline)
        for pk, name, outline in Departement.objects.filter(region__code=region)
        .order_by("code")
        .values_list("pk", "name", "outline")
    ]
