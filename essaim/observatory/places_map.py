"""The map of the région's ESS places (tiers-lieux, PTCE), with the list beside it."""

from __future__ import annotations

from typing import Any

from essaim.places.models import Place
from essaim.places.queries import places_for_map


def places_context(region: str) -> dict[str, Any]:
    places = (
        Place.objects.active().in_territory("region", region).select_related("commune", "operator").order_by("name")
    )
    return {"places": list(places), "collection": places_for_map(places)}
