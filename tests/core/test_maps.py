"""What a map shows, computed on the server: classes that never split equal values nor stay empty,
zero apart, colours told apart in greyscale, French legends, and the GeoJSON map.js draws."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from essaim.core.maps import (
    MAX_CLASSES,
    NO_DATA_COLOUR,
    PALETTES,
    choropleth,
    classify,
    colours,
    feature_collection,
    range_label,
)

NNBSP = "\u202f"


def lightness(colour: str) -> float:
    """CIELAB L* of an sRGB colour, restated from the CIE formulas (D65 white)."""
    red, green, blue = (int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5))

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return 116 * luminance ** (1 / 3) - 16 if luminance > 216 / 24389 else luminance * 24389 / 27


def within_class_spread(values: list[float], classes) -> float:  # type: ignore[no-untyped-def]
    """The sum of squared distances of each value to its class's mean (what Jenks minimises)."""
    members: dict[int, list[float]] = {}
    for value, index in zip(values, classes.of_values, strict=True):
        members.setdefault(index, []).append(value)
    return sum(sum((value - sum(group) / len(group)) ** 2 for value in group) for group in members.values())


# Hand-made values


def test_ten_values_in_five_classes_make_five_pairs():
    classes = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)
    assert classes.ranges == ((1, 2), (3, 4), (5, 6), (7, 8), (9, 10))
    assert classes.of_values == (0, 0, 1, 1, 2, 2, 3, 3, 4, 4)
    assert classes.breaks == (2, 4, 6, 8, 10)


def test_classes_follow_the_values_in_the_order_given():
    classes = classify([9, 1, 5], 3)
    assert classes.of_values == (2, 0, 1)


def test_equal_values_share_their_class_even_when_they_outnumber_a_class():
    classes = classify([1, 1, 1, 1, 2, 3, 4, 5], 4, zero_apart=False)
    assert classes.ranges[0] == (1, 1)
    assert classes.of_values[:4] == (0, 0, 0, 0)
    assert len(classes.ranges) == 4


def test_a_large_tie_does_not_swallow_the_other_classes():
    values = [7.0] * 60 + list(range(8, 48))
    classes = classify(values, 5)
    assert len(classes.ranges) == 5
    assert classes.ranges[0] == (7, 7)
    assert classes.ranges[1:] == ((8, 17), (18, 27), (28, 37), (38, 47))


def test_zero_is_a_class_of_its_own():
    classes = classify([0, 0, 0, 1, 2, 3, 4], 3)
    assert classes.ranges == ((0, 0), (1, 2), (3, 4))
    assert classes.of_values == (0, 0, 0, 1, 1, 2, 2)


def test_zero_joins_the_others_when_asked_or_when_values_go_below_it():
    assert classify([0, 0, 0, 1, 2, 3], 2, zero_apart=False).ranges == ((0, 0), (1, 3))
    assert classify([0, 1, 2, 3, 4, 5], 2, zero_apart=False).ranges == ((0, 2), (3, 5))
    assert classify([-2, 0, 1, 2, 3, 4], 2).ranges == ((-2, 1), (2, 4))


def test_fewer_distinct_values_than_classes_give_one_class_each():
    classes = classify([5, 5, 7, 7, 9], 5)
    assert classes.ranges == ((5, 5), (7, 7), (9, 9))
    assert classes.of_values == (0, 0, 1, 1, 2)


def test_all_equal_values_make_one_class():
    assert classify([3.5, 3.5, 3.5], 5).ranges == ((3.5, 3.5),)
    assert classify([0, 0], 5).ranges == ((0, 0),)


def test_a_missing_value_is_in_no_class():
    classes = classify([None, 1, 2, None, 3], 3)
    assert classes.of_values == (None, 0, 1, None, 2)
    assert classify([None, None], 3).ranges == ()
    assert classify([], 3).of_values == ()


def test_one_class_holds_everything_zero_included():
    assert classify([0, 1, 2], 1).ranges == ((0, 2),)


def test_natural_breaks_fall_in_the_gaps_of_the_data():
    values = [1, 2, 3, 10, 11, 12, 50, 51]
    assert classify(values, 3, method="natural").ranges == ((1, 3), (10, 12), (50, 51))
    # Quantiles cut by counts, across the middle group.
    assert classify(values, 3).ranges != ((1, 3), (10, 12), (50, 51))


def test_a_class_count_outside_one_to_seven_is_refused():
    with pytest.raises(ValueError, match="de 1 à 7 classes"):
        classify([1, 2], 0)
    with pytest.raises(ValueError, match="de 1 à 7 classes"):
        classify([1, 2], 8)


def test_an_infinite_or_undefined_value_is_refused():
    with pytest.raises(ValueError, match="infinie"):
        classify([1, float("inf")], 3)
    with pytest.raises(ValueError, match="infinie"):
        classify([float("nan")], 3)


# Invariants, over any values

# Ties are likely (a few small counts), and so are zeros, missing values and a negative now and then.
counts_and_rates = st.lists(
    st.one_of(st.none(), st.integers(0, 12), st.integers(-50, 20_000).map(lambda tenths: tenths / 10)), max_size=50
)


@settings(max_examples=200)
@given(counts_and_rates, st.integers(1, MAX_CLASSES), st.sampled_from(["quantiles", "natural"]))
def test_classes_are_ordered_disjoint_never_empty_and_hold_their_values(values, count, method):
    classes = classify(values, count, method=method)
    ranges = classes.ranges
    assert len(ranges) <= count
    assert all(low <= high for low, high in ranges)
    assert all(ranges[index][1] < ranges[index + 1][0] for index in range(len(ranges) - 1))
    assert {index for index in classes.of_values if index is not None} == set(range(len(ranges)))
    for value, index in zip(values, classes.of_values, strict=True):
        assert (index is None) == (value is None)
        if value is not None:
            low, high = ranges[index]
            assert low <= value <= high


@settings(max_examples=200)
@given(counts_and_rates, st.integers(1, MAX_CLASSES))
def test_quantiles_make_as_many_classes_as_the_distinct_values_allow(values, count):
    distinct = {value for value in values if value is not None}
    zero_class = count > 1 and 0 in distinct and len(distinct) > 1 and min(distinct) == 0
    expected = 1 + min(count - 1, len(distinct) - 1) if zero_class else min(count, len(distinct))
    assert len(classify(values, count).ranges) == expected


@settings(max_examples=200)
@given(st.lists(st.integers(1, 1000).map(float), min_size=1, max_size=50), st.integers(1, MAX_CLASSES))
def test_natural_breaks_spread_classes_no_more_than_quantiles(values, count):
    quantiles = classify(values, count)
    natural = classify(values, count, method="natural")
    assert within_class_spread(values, natural) <= within_class_spread(values, quantiles) + 1e-6


# Colours and legend


def test_each_ramp_darkens_by_at_least_ten_points_of_lightness_per_class():
    for count, ramp in PALETTES.items():
        assert len(ramp) == count
        steps = [lightness(ramp[index]) - lightness(ramp[index + 1]) for index in range(count - 1)]
        assert all(step >= 10 for step in steps), (count, steps)


def test_the_palest_class_stands_out_from_the_white_of_a_missing_value():
    assert lightness(NO_DATA_COLOUR) - lightness(PALETTES[MAX_CLASSES][0]) >= 4


def test_colours_exist_for_zero_to_seven_classes_only():
    assert colours(0) == ()
    assert colours(3) == PALETTES[3]
    with pytest.raises(ValueError):
        colours(8)


def test_range_labels_are_written_in_french():
    assert range_label(2.5, 5) == "de 2,5 à 5,0"
    assert range_label(1234.5, 20000, 0) == f"de 1{NNBSP}234 à 20{NNBSP}000"
    assert range_label(-1.5, 2, 1) == "de −1,5 à 2,0"
    assert range_label(0, 0) == "0"
    assert range_label(2.5, 2.5) == "2,5"
    # Two ends that read the same once rounded are one figure.
    assert range_label(2.01, 2.04) == "2,0"


def test_a_choropleth_colours_each_value_and_writes_its_legend():
    scale = choropleth([0, 2.5, 3, None, 5, 12.4], 3)
    assert scale.colours == PALETTES[3]
    assert scale.legend == (
        (PALETTES[3][0], "0"),
        (PALETTES[3][1], "de 2,5 à 3,0"),
        (PALETTES[3][2], "de 5,0 à 12,4"),
        (NO_DATA_COLOUR, "Pas de donnée"),
    )
    assert scale.colour_of(3) == NO_DATA_COLOUR
    assert scale.properties(5) == {"class": 2, "colour": PALETTES[3][2]}
    assert scale.properties(3) == {"class": None, "colour": NO_DATA_COLOUR}


def test_a_choropleth_without_missing_values_has_no_missing_entry():
    assert [label for _, label in choropleth([1, 2], 2).legend] == ["1,0", "2,0"]


# GeoJSON

SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[-1.5, 47.0], [-1.0, 47.0], [-1.0, 47.5], [-1.5, 47.0]]]})
ISLANDS = json.dumps(
    {
        "type": "MultiPolygon",
        "coordinates": [
            [[[-2.3, 46.7], [-2.2, 46.7], [-2.2, 46.8], [-2.3, 46.7]]],
            [[[0.5, 48.2], [0.6, 48.2], [0.5, 48.3], [0.5, 48.2]]],
        ],
    }
)


def test_a_feature_collection_holds_areas_then_points_and_frames_them():
    collection = feature_collection(
        areas=[(SQUARE, {"name": "Nantes", "colour": "#fcf2bb"}), ("", {"name": "Sans contour"})],
        points=[(47.218371, -1.553621, {"name": "Recyclerie"}), (None, None, {"name": "Sans adresse"})],
    )
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [feature["properties"]["name"] for feature in features] == ["Nantes", "Recyclerie"]
    assert features[0]["geometry"]["type"] == "Polygon"
    # GeoJSON puts the longitude first; about a metre is enough.
    assert features[1]["geometry"] == {"type": "Point", "coordinates": [-1.55362, 47.21837]}
    assert collection["bbox"] == [-1.55362, 47.0, -1.0, 47.5]
    json.dumps(collection)  # nothing that would not serialise


def test_the_frame_covers_every_part_of_a_multipolygon():
    assert feature_collection(areas=[(ISLANDS, {})])["bbox"] == [-2.3, 46.7, 0.6, 48.3]


def test_properties_are_copied_not_shared():
    properties = {"name": "Angers"}
    collection = feature_collection(points=[(47.47, -0.55, properties)])
    collection["features"][0]["properties"]["name"] = "changé"
    assert properties == {"name": "Angers"}


def test_an_empty_collection_has_no_frame():
    assert feature_collection() == {"type": "FeatureCollection", "features": []}
    assert feature_collection(areas=[("  ", {})]) == {"type": "FeatureCollection", "features": []}
