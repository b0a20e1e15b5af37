"""A commune's EPCI, département and région, read in one place."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaim.organisations.models import Organisation
from essaim.territories.forms import resolve_commune
from essaim.territories.models import Commune
from essaim.territories.places import Places, places_related

pytestmark = pytest.mark.django_db


def test_a_commune_knows_the_epci_departement_and_region_that_contain_it(region):
    commune = Commune.objects.with_places().get(code="44109")
    assert commune.places == Places(commune="44109", departement="44", region="52", epci="244400404")


def test_a_commune_outside_any_epci_has_no_epci(region):
    assert Commune.objects.with_places().get(code="49007").places.epci is None


def test_places_of_communes_fetched_with_their_places_cost_no_further_query(region):
    communes = list(Commune.objects.with_places())
    with CaptureQueriesContext(connection) as queries:
        places = [commune.places for commune in communes]
    assert len(queries) == 0
    assert {place.region for place in places} == {"52", "24"}


def test_places_are_read_through_a_relation_in_the_same_query(region):
    from tests.organisations.factories import OrganisationFactory

    OrganisationFactory(commune=region.nantes)
    organisation = Organisation.objects.select_related(*places_related("commune")).get()
    with CaptureQueriesContext(connection) as queries:
        assert organisation.commune.places.epci == "244400404"
    assert len(queries) == 0


def test_a_commune_typed_in_a_form_comes_with_its_places(region):
    commune = resolve_commune("Saint-Herblain")
    with CaptureQueriesContext(connection) as queries:
        assert commune.places.departement == "44"
    assert len(queries) == 0


def test_organisation_page_still_names_its_commune_and_intercommunality(client, region, roles):
    from tests.organisations.factories import OrganisationFactory

    organisation = OrganisationFactory(commune=region.nantes, roles=["entreprise_ess"])
    html = client.get(reverse("organisations:detail", args=[organisation.slug])).content.decode()
    assert "Loire-Atlantique" in html
    assert "Nantes Métropole" in html
