import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["core:home", "core:accessibility", "core:legal_notice", "core:privacy"])
def test_public_pages_answer_in_french_with_landmarks(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html
    assert '<main id="contenu"' in html
    assert "<footer" in html


def test_header_leads_to_every_module_and_says_which_are_coming(client):
    html = client.get(reverse("core:home")).content.decode()
    assert reverse("organisations:directory") in html
    assert reverse("catalog:home") in html
    assert reverse("strategy:index") in html
    assert reverse("core:coming_soon", args=["esspresso"]) in html
    assert "bientôt" in html


def test_a_module_not_built_yet_has_a_coming_soon_page(client):
    response = client.get(reverse("core:coming_soon", args=["observatoire"]))
    assert response.status_code == 200
    assert "arrive bientôt" in response.content.decode()


def test_an_unknown_module_is_not_found(client):
    assert client.get("/bientot/nimporte-quoi/").status_code == 404


def test_an_unknown_page_gets_the_french_404(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_home_shows_directory_figures(client, region, roles):
    from tests.organisations.factories import OrganisationFactory

    OrganisationFactory(commune=region.nantes, roles=["entreprise_ess"])
    OrganisationFactory(commune=region.other_region_commune, roles=["entreprise_ess"])
    response = client.get(reverse("core:home"))
    figures = {figure.label: figure.value for figure in response.context["figures"]}
    assert figures["structures dans l'annuaire"] == 1
    assert figures["entreprises de l'ESS"] == 1


def test_health_endpoint_checks_the_database(client):
    assert client.get(reverse("core:health")).json() == {"status": "ok"}
