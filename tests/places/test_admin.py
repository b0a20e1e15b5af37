"""The CRESS keeps its places in the admin: a list filtered by kind and département, searchable,
and a form that saves through the one service (history included) with the import's rules."""

from __future__ import annotations

import pytest
from django.urls import reverse

from essaim.core.history import entries_of
from essaim.places.models import Place
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    return client


def form_data(region, **changes):
    data = {
        "kind": "ptce",
        "subtype": "",
        "name": "Les Écossolies",
        "description": "",
        "is_active": "on",
        "address": "",
        "commune": region.nantes.pk,
        "latitude": "",
        "longitude": "",
        "operator": "",
        "members": [],
        "website": "",
        "source": "Nantes Métropole",
        "updated_on": "2026-10-01",
    }
    return {**data, **changes}


def test_the_list_filters_by_kind_and_departement_and_searches_by_name(staff_client, region):
    PlaceFactory(name="Le Solilab", commune=region.nantes)
    PlaceFactory(name="Le 122", commune=region.angers)
    PlaceFactory(name="Les Écossolies", kind="ptce", commune=region.nantes)
    url = reverse("admin:places_place_changelist")

    page = staff_client.get(url).content.decode()
    assert "Loire-Atlantique" in page and "Maine-et-Loire" in page  # the départements that hold places
    assert "Vendée" not in page

    in_49 = staff_client.get(url, {"commune__departement__id__exact": region.maine_et_loire.pk})
    assert [place.name for place in in_49.context["cl"].result_list] == ["Le 122"]
    ptce = staff_client.get(url, {"kind__exact": "ptce"})
    assert [place.name for place in ptce.context["cl"].result_list] == ["Les Écossolies"]
    found = staff_client.get(url, {"q": "solilab"})
    assert [place.name for place in found.context["cl"].result_list] == ["Le Solilab"]


def test_a_place_is_created_and_changed_in_the_admin_through_the_service(staff_client, region):
    member = OrganisationFactory(name="Recyclerie")
    response = staff_client.post(reverse("admin:places_place_add"), form_data(region, members=[member.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    place = Place.objects.get()
    assert list(place.members.all()) == [member]
    assert entries_of(place).get().summary == "Création dans l'administration"

    response = staff_client.post(
        reverse("admin:places_place_change", args=[place.pk]),
        form_data(region, members=[member.pk], latitude="47,2017", longitude="-1,5703"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    place.refresh_from_db()
    assert (place.latitude, place.longitude) == (47.2017, -1.5703)
    assert entries_of(place).first().summary == "Modification dans l'administration"


def test_the_admin_refuses_what_the_import_refuses(staff_client, region):
    PlaceFactory(name="Les Écossolies", kind="ptce", commune=region.nantes)
    member = OrganisationFactory()
    url = reverse("admin:places_place_add")

    twin = staff_client.post(url, form_data(region, name="LES ÉCOSSOLIES"))
    assert "porte déjà ce nom" in twin.content.decode()
    tiers_lieu_with_members = staff_client.post(
        url, form_data(region, kind="tiers_lieu", name="Atelier", members=[member.pk])
    )
    assert "Seul un PTCE a des structures membres." in tiers_lieu_with_members.content.decode()
    swapped = staff_client.post(url, form_data(region, name="Inversé", latitude="-1.55", longitude="47.2"))
    assert "semblent inversées" in swapped.content.decode()
    future = staff_client.post(url, form_data(region, name="Futur", updated_on="2199-01-01"))
    assert "Cette date est encore à venir" in future.content.decode()
    far_future = staff_client.post(url, form_data(region, name="Très loin", updated_on="9999-12-31"))
    assert "Indiquez une date entre 1900 et 2200." in far_future.content.decode()
    impossible_member = staff_client.post(url, form_data(region, name="Membre", members=["9" * 30]))
    assert impossible_member.status_code == 200
    assert Place.objects.count() == 1


def test_commune_operator_and_members_are_chosen_by_autocomplete(staff_client, region):
    OrganisationFactory(name="Lieux Communs")
    page = staff_client.get(reverse("admin:places_place_add")).content.decode()
    for field in ("commune", "operator", "members"):
        assert f'name="{field}"' in page and "admin-autocomplete" in page, field
    answer = staff_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "places", "model_name": "place", "field_name": "operator", "term": "lieux"},
    )
    assert [item["text"] for item in answer.json()["results"]] == ["Lieux Communs"]
