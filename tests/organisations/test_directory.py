import pytest
from django.urls import reverse

from essaim.organisations.models import EssFamily
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(region, roles):
    return {
        "recyclerie": OrganisationFactory(
            name="Recyclerie de l'Île",
            commune=region.nantes,
            roles=["entreprise_ess"],
            siret="73282932000074",
        ),
        "scop": OrganisationFactory(
            name="SCOP Menuiserie",
            commune=region.angers,
            ess_family=EssFamily.COOPERATIVE,
            roles=["entreprise_ess"],
        ),
        "incubator": OrganisationFactory(
            name="Incubateur Sillon", commune=region.saint_herblain, roles=["operateur_accompagnement"]
        ),
        "hidden": OrganisationFactory(name="Structure masquée", commune=region.nantes, is_active=False),
    }


def listed(client, **params):
    response = client.get(reverse("organisations:directory"), params)
    assert response.status_code == 200
    return [organisation.name for organisation in response.context["page"].object_list]


def test_directory_lists_active_structures_by_name(client, directory):
    assert listed(client) == ["Incubateur Sillon", "Recyclerie de l'Île", "SCOP Menuiserie"]


def test_search_by_name_ignores_accents(client, directory):
    assert listed(client, q="recyclerie ile") == ["Recyclerie de l'Île"]


def test_search_by_siret_with_spaces(client, directory):
    assert listed(client, q="732 829 320 00074") == ["Recyclerie de l'Île"]


def test_filters_by_departement_family_role_and_commune(client, directory):
    assert listed(client, departement="49") == ["SCOP Menuiserie"]
    assert listed(client, family="cooperative") == ["SCOP Menuiserie"]
    assert listed(client, role="operateur_accompagnement") == ["Incubateur Sillon"]
    assert listed(client, commune="Saint-Herblain (44)") == ["Incubateur Sillon"]
    assert listed(client, commune="44109") == ["Recyclerie de l'Île"]


def test_bad_filter_values_answer_with_a_message_not_an_error(client, directory):
    response = client.get(reverse("organisations:directory"), {"departement": "999", "family": "<script>"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_hostile_search_text_returns_a_page(client, directory):
    for text in ["' OR 1=1 --", "<b>gras</b>", "😀" * 50, "x" * 10_000]:
        response = client.get(reverse("organisations:directory"), {"q": text})
        assert response.status_code == 200


def test_pagination_keeps_the_filters(client, region, roles):
    for number in range(25):
        OrganisationFactory(name=f"Association {number:02d}", commune=region.nantes, roles=["entreprise_ess"])
    response = client.get(reverse("organisations:directory"), {"role": "entreprise_ess"})
    assert "role=entreprise_ess&amp;page=2" in response.content.decode()
    assert len(listed(client, role="entreprise_ess", page=2)) == 5
    assert len(listed(client, page="pas-un-nombre")) == 20


def test_organisation_page_shows_its_details(client, directory, region):
    response = client.get(directory["recyclerie"].get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Recyclerie de l&#x27;Île</h1>" in html
    assert "73282932000074" in html
    assert "Nantes Métropole" in html


def test_hidden_structures_have_no_page(client, directory):
    assert client.get(directory["hidden"].get_absolute_url()).status_code == 404
