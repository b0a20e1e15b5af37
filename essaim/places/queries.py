"""Reads of places for other modules: what the observatory's map and territory pages show."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from essaim.places.geojson import MapPlace, feature_collection
from essaim.places.models import Place


def map_places(queryset: QuerySet[Place]) -> list[MapPlace]:
    """The places of `queryset` as map markers, by name: at their own point or, without one, at
    their commune's centre, said to be approximate (places with neither are left out of the
    GeoJSON)."""
    return [_marker(place) for place in queryset.select_related("commune").order_by("search_name", "pk")]


def places_for_map(queryset: QuerySet[Place]) -> dict[str, Any]:
    """The places of `queryset` as a GeoJSON FeatureCollection (see `geojson.py`)."""
    return feature_collection(map_places(queryset))


def _marker(place: Place) -> MapPlace:
    own = place.latitude is not None and place.longitude is not None
    return MapPlace(
        name=place.name,
        kind=place.get_kind_display(),
        commune=place.commune.name,
        latitude=place.latitude if own else place.commune.latitude,
        longitude=place.longitude if own else place.commune.longitude,
        url=place.website,
        approximate=not own,
    )
