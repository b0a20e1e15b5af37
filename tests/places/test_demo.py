"""The demo places (`load_demo`): real tiers-lieux and PTCE of the instance's région, each with its
source, loaded again without duplicates.

Only what this module needs is loaded: the régions, départements and communes the demo names."""

from __future__ import annotations

import pytest

from essaim.core.registries import demo_loaders
from essaim.core.text import fold
from essaim.places.demo import PLACES
from essaim.places.models import Place, PlaceKind
from essaim.places.queries import places_for_map
from essaim.territories.models import Commune, Departement, Region

pytestmark = pytest.mark.django_db

REGIONS = {"52": "Pays de la Loire", "24": "Centre-Val de Loire"}


def territories() -> None:
    """The communes of both régions' demo places, each at a placeholder centre."""
    for region_code, places in PLACES.items():
        region = Region.objects.create(
            code=region_code, name=REGIONS[region_code], search_name=fold(REGIONS[region_code])
        )
        for place in places:
            code = place.commune_code
            departement, _ = Departement.objects.get_or_create(
                code=code[:2], defaults={"name": f"Département {code[:2]}", "search_name": code[:2], "region": region}
            )
            Commune.objects.get_or_create(
                code=code,
                defaults={
                    "name": f"Commune {code}",
                    "search_name": code,
                    "departement": departement,
                    "latitude": 47.0,
                    "longitude": 0.5,
                },
            )


def load() -> list[str]:
    said: list[str] = []
    demo_loaders.get("lieux")(said.append)
    return said


@pytest.mark.parametrize("region", ["52", "24"])
def test_the_demo_lists_real_places_of_the_region_each_with_its_source_and_loads_twice_without_duplicates(
    settings, region
):
    settings.ESSAIM_REGION = region
    territories()

    assert load() == [
        f"  Lieux de l'ESS : {len(PLACES[region])} lieux ont été créés, aucun mis à jour, aucun inchangé."
    ]

    places = Place.objects.all()
    assert 5 <= places.count() <= 8
    assert set(places.values_list("commune__departement__region__code", flat=True)) == {region}
    for place in places:
        assert place.source.startswith("https://"), place.name
        assert place.description and place.updated_on, place.name
        assert place.operator is None and not place.members.exists(), "the demo directory is fictional"
        assert place.latitude is None, "no invented point"
    assert {feature["properties"].get("approximate") for feature in places_for_map(places)["features"]} == {True}
    if region == "52":
        assert places.of_kind(PlaceKind.PTCE).count() == 2

    assert load() == [
        f"  Lieux de l'ESS : Aucun lieu créé, aucun mis à jour, {len(PLACES[region])} lieux sont inchangés."
    ]
    assert Place.objects.count() == len(PLACES[region])
