"""Which places a territory holds, and what the map receives."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError

from essaim.places.models import Place, PlaceKind
from essaim.places.queries import KIND_LEGEND, places_for_map
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(region):
    """A place in Nantes (Nantes Métropole), one in Saint-Herblain (same EPCI), one in Angers
    (Maine-et-Loire), one in Orléans (another région), one withdrawn in Nantes."""
    return {
        "nantes": PlaceFactory(name="Le Solilab", commune=region.nantes, latitude=47.2017, longitude=-1.5703),
        "saint_herblain": PlaceFactory(name="Atelier d'Herblain", commune=region.saint_herblain),
        "angers": PlaceFactory(name="Le 122", commune=region.angers, latitude=47.48, longitude=-0.55),
        "orleans": PlaceFactory(name="Le 108", commune=region.other_region_commune),
        "withdrawn": PlaceFactory(name="Lieu fermé", commune=region.nantes, is_active=False),
    }


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


@pytest.mark.parametrize(
    ("level", "code", "expected"),
    [
        ("region", "52", ["Atelier d'Herblain", "Le 122", "Le Solilab", "Lieu fermé"]),
        ("region", "24", ["Le 108"]),
        ("departement", "44", ["Atelier d'Herblain", "Le Solilab", "Lieu fermé"]),
        ("departement", "49", ["Le 122"]),
        ("epci", "244400404", ["Atelier d'Herblain", "Le Solilab", "Lieu fermé"]),
        ("commune", "44109", ["Le Solilab", "Lieu fermé"]),
        ("commune", "85191", []),
        ("region", "99", []),
    ],
)
def test_a_territory_holds_the_places_of_its_communes(places, level, code, expected):
    assert names(Place.objects.in_territory(level, code)) == expected


def test_withdrawn_places_are_not_active(places):
    assert names(Place.objects.active().in_territory("commune", "44109")) == ["Le Solilab"]


def test_only_places_with_their_own_coordinates_are_mappable(places):
    assert names(Place.objects.mappable()) == ["Le 122", "Le Solilab"]


def test_an_unknown_territorial_level_is_a_programming_error(places):
    with pytest.raises(ValueError, match="Unknown territorial level"):
        Place.objects.in_territory("canton", "4401")


def test_places_of_a_kind(places, region):
    PlaceFactory(name="Les Écossolies", kind=PlaceKind.PTCE, commune=region.nantes)
    assert names(Place.objects.of_kind(PlaceKind.PTCE)) == ["Les Écossolies"]


def test_the_map_shows_a_place_without_coordinates_at_its_commune_centre_said_approximate(places, region):
    collection = places_for_map(Place.objects.active().in_territory("departement", "44"))

    assert collection["type"] == "FeatureCollection"
    by_name = {feature["properties"]["name"]: feature for feature in collection["features"]}
    assert list(by_name) == ["Atelier d'Herblain", "Le Solilab"]  # by name; the withdrawn one left out
    solilab = by_name["Le Solilab"]
    assert solilab["geometry"] == {"type": "Point", "coordinates": [-1.5703, 47.2017]}
    assert solilab["properties"] == {"name": "Le Solilab", "label": "Tiers-lieu, Nantes", "colour": "#1f2933"}
    herblain = by_name["Atelier d'Herblain"]
    assert herblain["geometry"]["coordinates"] == [region.saint_herblain.longitude, region.saint_herblain.latitude]
    assert herblain["properties"]["approximate"] is True
    assert herblain["properties"]["label"].endswith("(position approximative : le centre de la commune)")
    json.dumps(collection)  # ready to be sent as it is


def test_the_map_tells_a_ptce_from_a_tiers_lieu_by_its_colour_as_its_legend_says(region):
    PlaceFactory(name="Les Écossolies", kind=PlaceKind.PTCE, commune=region.nantes)
    PlaceFactory(name="Le Solilab", kind=PlaceKind.TIERS_LIEU, commune=region.nantes)
    colours = {
        feature["properties"]["name"]: feature["properties"]["colour"]
        for feature in places_for_map(Place.objects.all())["features"]
    }
    legend = dict((label, colour) for colour, label in KIND_LEGEND)
    assert colours == {"Les Écossolies": legend["PTCE"], "Le Solilab": legend["Tiers-lieu"]}
    assert legend["PTCE"] != legend["Tiers-lieu"]


def test_the_map_gives_a_place_website_as_its_url(region):
    PlaceFactory(name="Le 108", commune=region.other_region_commune, website="https://le108.org")
    (feature,) = places_for_map(Place.objects.all())["features"]
    assert feature["properties"]["url"] == "https://le108.org"


def test_the_map_leaves_out_a_place_whose_commune_has_no_centre_either(region):
    region.angers.latitude = region.angers.longitude = None
    region.angers.save()
    PlaceFactory(name="Sans point", commune=region.angers)
    assert places_for_map(Place.objects.all())["features"] == []


def test_the_map_reads_places_in_a_constant_number_of_queries(region, django_assert_num_queries):
    for number in range(5):
        PlaceFactory(commune=region.angers if number % 2 else region.nantes)
    with django_assert_num_queries(1):
        places_for_map(Place.objects.all())


def test_a_place_typed_by_hand_follows_the_rules_of_an_import(region):
    PlaceFactory(name="Le Solilab", commune=region.nantes)
    twin = Place(kind=PlaceKind.TIERS_LIEU, name="LE SOLILAB", commune=region.nantes)
    ptce_with_subtype = Place(kind=PlaceKind.PTCE, subtype="coworking", name="Pôle", commune=region.nantes)
    half_point = Place(kind=PlaceKind.TIERS_LIEU, name="Demi", commune=region.nantes, latitude=47.2)
    far_north = Place(kind=PlaceKind.TIERS_LIEU, name="Nord", commune=region.nantes, latitude=91, longitude=0)

    with pytest.raises(ValidationError) as twin_error:
        twin.full_clean()
    assert "porte déjà ce nom" in str(twin_error.value)
    with pytest.raises(ValidationError, match="Seul un tiers-lieu a un type"):
        ptce_with_subtype.full_clean()
    with pytest.raises(ValidationError, match="vont ensemble"):
        half_point.full_clean()
    with pytest.raises(ValidationError) as range_error:
        far_north.full_clean()
    assert "latitude" in range_error.value.message_dict


def test_a_web_source_is_shown_by_its_sites_name_and_any_other_as_typed(region):
    place = PlaceFactory(source="https://www.cress-pdl.org/grains-de-creation/", commune=region.nantes)
    assert place.source_link == ("https://www.cress-pdl.org/grains-de-creation/", "cress-pdl.org")
    place.source = "Recensement CRESS 2026"
    assert place.source_link is None
    place.source = "javascript:alert(1)"
    assert place.source_link is None
