import json

import numpy as np
import shapely

from essaim.territories import geometry


def _square(x: float, y: float, size: float = 0.1) -> shapely.Polygon:
    return shapely.box(x, y, x + size, y + size)


def test_outlines_are_geojson_rounded_to_about_ten_metres():
    shapes = np.array([_square(-1.553333333, 47.218888888)], dtype=object)
    [text] = geometry.to_geojson(geometry.simplify(shapes, geometry.COMMUNE_TOLERANCE))
    outline = json.loads(text)
    assert outline["type"] == "Polygon"
    for x, y in outline["coordinates"][0]:
        assert round(x, 4) == x and round(y, 4) == y


def test_a_missing_outline_becomes_an_empty_string():
    assert geometry.to_geojson(np.array([None], dtype=object)) == [""]


def test_simplification_drops_detail_below_the_tolerance():
    wiggly = shapely.Polygon([(0, 0), (0.5, 0.0001), (1, 0), (1, 1), (0, 1)])
    [simplified] = geometry.simplify(np.array([wiggly], dtype=object), 0.001)
    assert shapely.get_num_coordinates(simplified) < shapely.get_num_coordinates(wiggly)


def test_neighbours_merge_into_one_outline_per_group():
    shapes = np.array([_square(0, 0), _square(0.1, 0), _square(5, 5), None], dtype=object)
    merged = geometry.merge_by_group(shapes, ["a", "a", "b", "b"])
    assert set(merged) == {"a", "b"}
    assert shapely.equals(merged["a"], shapely.box(0, 0, 0.2, 0.1))


def test_overlapping_pieces_still_merge():
    shapes = np.array([_square(0, 0), _square(0.05, 0)], dtype=object)
    merged = geometry.merge_by_group(shapes, ["a", "a"])
    assert abs(shapely.area(merged["a"]) - 0.015) < 1e-9


def test_centre_is_inside_the_outline_as_latitude_longitude():
    [centre] = geometry.centres(np.array([_square(-1.6, 47.2)], dtype=object))
    latitude, longitude = centre
    assert 47.2 < latitude < 47.3 and -1.6 < longitude < -1.5
