import pytest

from essaim.territories.names import TerritoryNames, local_kind

pytestmark = pytest.mark.django_db


def test_a_territory_is_named_from_its_kind_and_code(region):
    names = TerritoryNames()
    assert names.name("region", "52") == "Pays de la Loire"
    assert names.name("departement", "44") == "Loire-Atlantique"
    assert names.name("epci", region.nantes_metropole.code) == region.nantes_metropole.name
    assert names.name("commune", "44109") == "Nantes"


def test_an_unknown_code_or_kind_has_no_name(region):
    names = TerritoryNames()
    assert names.name("commune", "44109-and-more") is None
    assert names.name("commune", "99999") is None
    assert names.name("planete", "mars") is None


def test_a_local_code_of_nine_digits_is_an_epci_else_a_commune():
    assert local_kind("244400404") == "epci"
    assert local_kind("49007") == "commune"
    assert local_kind("2A004") == "commune"
    assert local_kind("²²²²²²²²²") == "commune"
