"""Places as a GeoJSON FeatureCollection for a map (RFC 7946). Pure: no Django import.

Each place is a Point feature whose properties are what a marker's popup says: `name`, `kind`
(the French label), `commune` (its name), `url` (only when the place has one) and `approximate`
(only when true: the point is the commune's centre, not the place's own). Coordinates are WGS 84,
longitude first as GeoJSON wants, rounded to six decimals (about 10 cm): more says nothing more and
weighs on the page. A place without a usable point is left out rather than drawn at 0, 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DECIMALS = 6


@dataclass(frozen=True)
class MapPlace:
    name: str
    kind: str  # the label shown: "Tiers-lieu", "Pôle territorial de coopération économique"
    commune: str
    latitude: float | None
    longitude: float | None
    url: str = ""
    approximate: bool = False


def as_map_place(item: MapPlace | Mapping[str, Any]) -> MapPlace:
    """A MapPlace from itself or from a dict with the same keys (`url` and `approximate` optional)."""
    if isinstance(item, MapPlace):
        return item
    return MapPlace(
        name=str(item["name"]),
        kind=str(item["kind"]),
        commune=str(item["commune"]),
        latitude=item.get("latitude"),
        longitude=item.get("longitude"),
        url=str(item.get("url") or ""),
        approximate=bool(item.get("approximate", False)),
    )


def feature(place: MapPlace) -> dict[str, Any] | None:
    """The place as a Point feature, or None when it has no usable point."""
    point = _point(place.latitude, place.longitude)
    if point is None:
        return None
    latitude, longitude = point
    properties: dict[str, Any] = {"name": place.name, "kind": place.kind, "commune": place.commune}
    if place.url:
        properties["url"] = place.url
    if place.approximate:
        properties["approximate"] = True
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [round(longitude, DECIMALS), round(latitude, DECIMALS)],
        },
        "properties": properties,
    }


def feature_collection(places: Iterable[MapPlace | Mapping[str, Any]]) -> dict[str, Any]:
    """Every place with a usable point, in the order given, as one FeatureCollection."""
    features = [found for found in (feature(as_map_place(item)) for item in places) if found is not None]
    return {"type": "FeatureCollection", "features": features}


def _point(latitude: Any, longitude: Any) -> tuple[float, float] | None:
    """(latitude, longitude) as floats when they make a point on Earth, else None."""
    if latitude is None or longitude is None or isinstance(latitude, bool) or isinstance(longitude, bool):
        return None
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180:
        return lat, lon
    return None
