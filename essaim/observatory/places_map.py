"""The map of the région's ESS places (tiers-lieux, PTCE), with the list beside it, drawn over the
région's départements."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from essaim.places.models import Place
from essaim.places.queries import KIND_LEGEND, places_for_map
from essaim.territories.models import Departement

# The départements under the points: pale, so that the places stand out, and named when chosen.
BACKGROUND = "#f4f4f2"


def places_context(region: str) -> dict[str, Any]:
    places = (
        Place.objects.active().in_territory("region", region).select_related("commune", "operator").order_by("name")
    )
    return {
        "places": list(places),
        "collection": places_for_map(places, areas=_departements(region, places)),
        "legend": KIND_LEGEND,
    }


def _departements(region: str, places: QuerySet[Place]) -> list[tuple[str, dict[str, object]]]:
    """The région's départements, each with how many of the places lie in it."""
    counts = dict(places.order_by().values_list("commune__departement__code").annotate(Count("pk")))
    areas = []
    for code, name, outline in (
        Departement.objects.filter(region__code=region).order_by("code").values_list("code", "name", "outline")
    ):
        count = counts.get(code, 0)
        label = {0: "aucun lieu de l'ESS", 1: "1 lieu de l'ESS"}.get(count, f"{count} lieux de l'ESS")
        areas.append((outline, {"name": name, "label": label, "colour": BACKGROUND}))
    return areas
