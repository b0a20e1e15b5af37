"""What a map of the platform shows, computed on the server: the classes of a choropleth, their
colours and legend, and the GeoJSON that `static/js/map.js` draws (through `includes/map.html`).
Pure: no Django import.

Classes follow four rules:
- equal values are never split between two classes, and no class is empty: with fewer distinct
  values than classes asked, each distinct value is a class of its own;
- when no value is negative (counts, rates), zero is a class of its own: "no establishment" is a
  fact the reader must see, not the bottom of the first range;
- `quantiles` puts about as many territories in each class; `natural` ("Jenks-lite": a
  one-dimensional k-means started from the quantiles, which lowers the same within-class variance
  Jenks minimises, without its quadratic cost) puts the breaks in the gaps of the data;
- a class's range is the lowest and the highest value it holds, so ranges never overlap and the
  legend says exactly what is on the map ("de 2,5 à 4,8").

Colours are one sequential ramp, pale yellow to the platform's dark teal, whose lightness (CIELAB
L*) falls by at least 10 between neighbouring classes: told apart in greyscale and by colour-blind
readers. The figures themselves are always in the data table printed after the map.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from essaim.core.charts import french_number

Method = Literal["quantiles", "natural"]
MAX_CLASSES = 7
# Ramps in CIELCh, L* 95 → 25, hue 100° → 215°, more chroma in the middle (tests/core/test_maps.py
# checks the lightness steps): one per number of classes, so that 3 classes are as far apart as 3
# can be rather than the first 3 of 7.
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#3aa170",),
    2: ("#fcf2bb", "#004352"),
    3: ("#fcf2bb", "#3aa170", "#004352"),
    4: ("#fcf2bb", "#83bd79", "#00836c", "#004352"),
    5: ("#fcf2bb", "#a4ca83", "#3aa170", "#007369", "#004352"),
    6: ("#fcf2bb", "#b7d28b", "#68b274", "#008f6d", "#006a66", "#004352"),
    7: ("#fcf2bb", "#c4d791", "#83bd79", "#3aa170", "#00836c", "#006364", "#004352"),
}
# A territory without a value: white, outlined like the others, and named in the legend.
NO_DATA_COLOUR = "#ffffff"
NO_DATA_LABEL = "Pas de donnée"
# About 1 m: more would only make the page heavier.
POINT_DECIMALS = 5


@dataclass(frozen=True)
class Classes:
    ranges: tuple[tuple[float, float], ...]  # (lowest, highest) value of each class, ascending
    of_values: tuple[int | None, ...]  # each value's class, in the order given; None for a missing value

    @property
    def breaks(self) -> tuple[float, ...]:
        """The upper bound of each class: a value belongs to the first class whose bound it does
        not exceed."""
        return tuple(high for _, high in self.ranges)


def classify(
    values: Sequence[float | None],
    count: int = 5,
    *,
    method: Method = "quantiles",
    zero_apart: bool = True,
) -> Classes:
    """At most `count` classes (1 to 7) of `values`; None is a missing value, in no class."""
    if not 1 <= count <= MAX_CLASSES:
        raise ValueError(f"Une carte compte de 1 à {MAX_CLASSES} classes, pas {count}.")
    present = [float(value) for value in values if value is not None]
    if not all(math.isfinite(value) for value in present):
        raise ValueError("Une valeur infinie ou indéfinie ne se place pas sur une carte.")
    weights = Counter(present)
    distinct = sorted(weights)
    if not distinct:
        groups: list[list[float]] = []
    elif zero_apart and count > 1 and distinct[0] == 0 and len(distinct) > 1:
        groups = [[0.0], *_split(distinct[1:], weights, count - 1, method)]
    else:
        groups = _split(distinct, weights, count, method)
    class_of = {value: index for index, group in enumerate(groups) for value in group}
    return Classes(
        ranges=tuple((group[0], group[-1]) for group in groups),
        of_values=tuple(None if value is None else class_of[float(value)] for value in values),
    )


def _split(distinct: list[float], weights: Mapping[float, int], count: int, method: Method) -> list[list[float]]:
    """Consecutive groups of the ascending distinct values."""
    if len(distinct) <= count:
        return [[value] for value in distinct]
    groups = _quantile_groups(distinct, weights, count)
    return _natural_groups(groups, weights) if method == "natural" else groups


def _quantile_groups(distinct: list[float], weights: Mapping[float, int], count: int) -> list[list[float]]:
    """Exactly `count` groups (there are more distinct values than that), each as close as it can
    be to an equal share of what the previous ones left."""
    groups: list[list[float]] = []
    current: list[float] = []
    size = 0
    left = sum(weights[value] for value in distinct)
    target = left / count
    for position, value in enumerate(distinct):
        classes_left = count - len(groups)
        if current and classes_left > 1:
            values_left = len(distinct) - position
            worse = abs(size + weights[value] - target) >= abs(size - target)
            if worse or values_left < classes_left:
                groups.append(current)
                left -= size
                current, size = [], 0
                target = left / (count - len(groups))
        current.append(value)
        size += weights[value]
    groups.append(current)
    return groups


def _natural_groups(groups: list[list[float]], weights: Mapping[float, int]) -> list[list[float]]:
    """Lloyd's iterations: each distinct value joins the class whose mean is nearest, until nothing
    moves. Means stay in ascending order, so classes stay consecutive; a class left empty goes."""
    values = [value for group in groups for value in group]
    for _ in range(100):
        means = [
            sum(value * weights[value] for value in group) / sum(weights[value] for value in group) for group in groups
        ]
        moved: list[list[float]] = [[] for _ in means]
        nearest = 0
        for value in values:
            while nearest + 1 < len(means) and abs(means[nearest + 1] - value) < abs(means[nearest] - value):
                nearest += 1
            moved[nearest].append(value)
        moved = [group for group in moved if group]
        if moved == groups:
            break
        groups = moved
    return groups


def colours(count: int) -> tuple[str, ...]:
    """The ramp for `count` classes (0 to 7), palest first."""
    if not 0 <= count <= MAX_CLASSES:
        raise ValueError(f"Une carte compte de 1 à {MAX_CLASSES} classes, pas {count}.")
    return PALETTES.get(count, ())


def range_label(low: float, high: float, decimals: int = 1) -> str:
    """ "de 2,5 à 5,0"; a single figure when both ends read the same, and zero as "0"."""
    first, last = french_number(low, decimals), french_number(high, decimals)
    if first != last:
        return f"de {first} à {last}"
    return "0" if low == high == 0 else first


@dataclass(frozen=True)
class Choropleth:
    """Classes, their colours and the legend of one choropleth."""

    classes: Classes
    colours: tuple[str, ...]
    legend: tuple[tuple[str, str], ...]  # (colour, label) for includes/map.html

    def colour_of(self, position: int) -> str:
        """The colour of the `position`-th value given to `choropleth`."""
        index = self.classes.of_values[position]
        return NO_DATA_COLOUR if index is None else self.colours[index]

    def properties(self, position: int) -> dict[str, object]:
        """What map.js reads to fill the `position`-th value's territory."""
        return {"class": self.classes.of_values[position], "colour": self.colour_of(position)}


def choropleth(
    values: Sequence[float | None],
    count: int = 5,
    *,
    method: Method = "quantiles",
    zero_apart: bool = True,
    decimals: int = 1,
) -> Choropleth:
    """Classes of `values` (see `classify`), coloured palest to darkest, with a legend whose
    ranges are written in French with `decimals` decimals; "Pas de donnée" closes it when a value
    is missing."""
    classes = classify(values, count, method=method, zero_apart=zero_apart)
    ramp = colours(len(classes.ranges))
    legend = [
        (colour, range_label(low, high, decimals)) for colour, (low, high) in zip(ramp, classes.ranges, strict=True)
    ]
    if None in classes.of_values:
        legend.append((NO_DATA_COLOUR, NO_DATA_LABEL))
    return Choropleth(classes=classes, colours=ramp, legend=tuple(legend))


def feature_collection(
    areas: Iterable[tuple[str, Mapping[str, object]]] = (),
    points: Iterable[tuple[float | None, float | None, Mapping[str, object]]] = (),
) -> dict[str, object]:
    """A GeoJSON FeatureCollection for map.js: `areas` are (outline as GeoJSON geometry text,
    properties), `points` (latitude, longitude, properties); an area without an outline or a point
    without coordinates is left out (its row stays in the data table). `bbox` (west, south, east,
    north) frames everything, and is absent when nothing is left.

    Properties map.js reads: `name` and `label` (the territory or place and its figure, in French,
    shown when it is chosen), `colour` (an area's fill; a point's, optional) and `url` (a point's
    page, optional); `class` and `value` travel with them."""
    features: list[dict[str, object]] = []
    for outline, properties in areas:
        if outline.strip():
            features.append({"type": "Feature", "geometry": json.loads(outline), "properties": dict(properties)})
    for latitude, longitude, properties in points:
        if latitude is None or longitude is None:
            continue
        coordinates = [round(longitude, POINT_DECIMALS), round(latitude, POINT_DECIMALS)]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": coordinates},
                "properties": dict(properties),
            }
        )
    collection: dict[str, object] = {"type": "FeatureCollection", "features": features}
    box = bounding_box(feature["geometry"] for feature in features)
    if box is not None:
        collection["bbox"] = list(box)
    return collection


def bounding_box(geometries: Iterable[object]) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of GeoJSON geometries, None when they hold no position."""
    positions = [position for geometry in geometries for position in _positions(geometry)]
    if not positions:
        return None
    longitudes = [longitude for longitude, _ in positions]
    latitudes = [latitude for _, latitude in positions]
    return (min(longitudes), min(latitudes), max(longitudes), max(latitudes))


def _positions(geometry: object) -> Iterator[tuple[float, float]]:
    if not isinstance(geometry, Mapping):
        return
    if "geometries" in geometry:
        for part in geometry["geometries"]:
            yield from _positions(part)
        return
    yield from _walk(geometry.get("coordinates"))


def _walk(coordinates: object) -> Iterator[tuple[float, float]]:
    """Every [longitude, latitude] in nested GeoJSON coordinates, whatever the depth."""
    if not isinstance(coordinates, list) or not coordinates:
        return
    if isinstance(coordinates[0], int | float):
        yield (float(coordinates[0]), float(coordinates[1]))
        return
    for part in coordinates:
        yield from _walk(part)
