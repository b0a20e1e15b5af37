"""Whether a point can be where a place says it is. Pure: no Django import.

Coordinates are WGS 84 degrees, as GPS devices, OpenStreetMap and the INSEE geolocation file give
them. A point is checked twice: within the ranges of latitude and longitude, then against the
centre of its commune. The second check catches the commonest mistakes of a hand-made file:
latitude and longitude swapped, a sign dropped, a digit mistyped (one degree is about 111 km).
"""

from __future__ import annotations

import math

LATITUDE_RANGE = (-90.0, 90.0)
LONGITUDE_RANGE = (-180.0, 180.0)
# How far from its commune's centre a place may stand. The largest communes of metropolitan France
# span about 40 km, so 100 km leaves room while refusing a degree mistyped. (A few communes of
# French Guiana are larger still: a place there is entered without coordinates and is shown at the
# commune's centre.)
MAX_KM_FROM_COMMUNE = 100.0
EARTH_RADIUS_KM = 6371.0

Point = tuple[float, float]  # (latitude, longitude)


def distance_km(first: Point, second: Point) -> float:
    """The great-circle distance between two points, in kilometres (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def range_problem(latitude: float, longitude: float) -> str:
    """Why a point cannot exist, in French, or ""."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return "les coordonnées doivent être des nombres"
    problems = []
    if not LATITUDE_RANGE[0] <= latitude <= LATITUDE_RANGE[1]:
        problems.append(f"la latitude est comprise entre {LATITUDE_RANGE[0]:g} et {LATITUDE_RANGE[1]:g}")
    if not LONGITUDE_RANGE[0] <= longitude <= LONGITUDE_RANGE[1]:
        problems.append(f"la longitude est comprise entre {LONGITUDE_RANGE[0]:g} et {LONGITUDE_RANGE[1]:g}")
    return " ; ".join(problems)


def position_problem(latitude: float, longitude: float, *, centre: Point | None, commune: str) -> str:
    """Why the point cannot be a place of this commune (whose centre is `centre`, when known), in
    French, or ""."""
    problem = range_problem(latitude, longitude)
    if problem or centre is None:
        return problem
    distance = distance_km((latitude, longitude), centre)
    if distance <= MAX_KM_FROM_COMMUNE:
        return ""
    kilometres = f"{distance:,.0f}".replace(",", "\u202f")
    said = f"le point ({_degrees(latitude)} ; {_degrees(longitude)}) est à {kilometres} km du centre de {commune}"
    if not range_problem(longitude, latitude) and distance_km((longitude, latitude), centre) <= MAX_KM_FROM_COMMUNE:
        return said + " : la latitude et la longitude semblent inversées"
    return said + f", au-delà de {MAX_KM_FROM_COMMUNE:g} km : vérifiez les coordonnées ou la commune"


def _degrees(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".").replace(".", ",")
