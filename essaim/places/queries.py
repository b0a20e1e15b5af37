"""Reads of places for other modules: what the observatory's map and territory pages show."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import QuerySet

from essaim.core.maps import feature_collection
from essaim.places.models import Place, PlaceKind

APPROXIMATE = "position approximative : le centre de la commune"
# Each kind its colour on the maps, both above 3:1 against white and the pale areas under them.
KIND_COLOURS: dict[str, str] = {PlaceKind.TIERS_LIEU: "#1f2933", PlaceKind.PTCE: "#b3400b"}
KIND_LEGEND = ((KIND_COLOURS[PlaceKind.TIERS_LIEU], "Tiers-lieu"), (KIND_COLOURS[PlaceKind.PTCE], "PTCE"))


def places_for_map(queryset: QuerySet[Place], areas: Iterable[tuple[str, Mapping[str, object]]] = ()) -> dict[str, Any]:
    """The places of `queryset` as a GeoJSON FeatureCollection for the platform's maps, by name:
    each at its own point or, without one, at its commune's centre, said to be approximate
    (places with neither are left out; their row stays in the page's table). `areas` (outline,
    properties) are drawn under them, to say where they are."""
    points = []
    for place in queryset.select_related("commune").order_by("search_name", "pk"):
        own = place.latitude is not None and place.longitude is not None
        label = f"{place.get_kind_display()}, {place.commune.name}" + ("" if own else f" ({APPROXIMATE})")
        properties: dict[str, Any] = {"name": place.name, "label": label, "colour": KIND_COLOURS[place.kind]}
        if place.website:
            properties["url"] = place.website
        if not own:
            properties["approximate"] = True
        points.append(
            (
                place.latitude if own else place.commune.latitude,
                place.longitude if own else place.commune.longitude,
                properties,
            )
        )
    return feature_collection(areas=areas, points=points)
