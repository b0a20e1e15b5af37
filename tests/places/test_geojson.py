"""The pure GeoJSON of places: what a map library reads (RFC 7946), whatever it is given."""

from __future__ import annotations

import json
import math

from hypothesis import given, strategies as st

from essaim.places.geojson import MapPlace, feature_collection


def test_each_place_is_a_point_with_longitude_first_and_its_popup_properties():
    collection = feature_collection(
        [MapPlace("Le Solilab", "Tiers-lieu", "Nantes", 47.2017, -1.5703, url="https://lieuxcommuns.coop")]
    )
    assert collection == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [-1.5703, 47.2017]},
                "properties": {
                    "name": "Le Solilab",
                    "kind": "Tiers-lieu",
                    "commune": "Nantes",
                    "url": "https://lieuxcommuns.coop",
                },
            }
        ],
    }


def test_plain_dicts_are_read_like_map_places_and_only_an_approximate_point_says_so():
    collection = feature_collection(
        [
            {"name": "Le 108", "kind": "Tiers-lieu", "commune": "Orléans", "latitude": 47.9, "longitude": 1.9},
            {
                "name": "Les Écossolies",
                "kind": "Pôle territorial de coopération économique",
                "commune": "Nantes",
                "latitude": 47.2,
                "longitude": -1.55,
                "approximate": True,
            },
        ]
    )
    first, second = collection["features"]
    assert "url" not in first["properties"] and "approximate" not in first["properties"]
    assert second["properties"]["approximate"] is True


def test_coordinates_are_rounded_to_six_decimals():
    (feature,) = feature_collection([MapPlace("A", "Tiers-lieu", "Nantes", 47.123456789, -1.987654321)])["features"]
    assert feature["geometry"]["coordinates"] == [-1.987654, 47.123457]


def test_a_place_without_a_usable_point_is_left_out_rather_than_drawn_at_zero():
    unusable = [
        (None, None),
        (47.2, None),
        (math.nan, -1.5),
        (math.inf, -1.5),
        (91.0, 0.0),
        (0.0, 181.0),
        ("abc", 1.0),
        (True, 1.0),
    ]
    places = [MapPlace("X", "Tiers-lieu", "Nantes", lat, lon) for lat, lon in unusable]  # type: ignore[arg-type]
    assert feature_collection(places)["features"] == []


points = st.tuples(
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
)


@given(st.lists(points, max_size=20))
def test_exactly_the_places_on_earth_are_kept_in_order_and_the_result_is_valid_json(pairs):
    places = [MapPlace(f"Lieu {index}", "Tiers-lieu", "Nantes", lat, lon) for index, (lat, lon) in enumerate(pairs)]
    on_earth = [
        f"Lieu {index}"
        for index, (lat, lon) in enumerate(pairs)
        if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180
    ]

    collection = feature_collection(places)

    assert [feature["properties"]["name"] for feature in collection["features"]] == on_earth
    for feature in collection["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
    json.loads(json.dumps(collection, allow_nan=False))
