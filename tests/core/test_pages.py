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


def test_header_leads_to_every_registered_module_and_to_no_module_not_built(client):
    html = client.get(reverse("core:home")).content.decode()
    assert reverse("organisations:directory") in html
    assert reverse("catalog:home") in html
    assert reverse("strategy:index") in html
    assert reverse("esspresso:events") in html
    assert reverse("diagnostics:home") in html
    assert reverse("observatory:home") in html
    assert "bientôt" not in html


def test_header_marks_the_module_whose_page_is_shown(client):
    html = client.get(reverse("organisations:directory")).content.decode()
    directory_link = f'<a href="{reverse("organisations:directory")}"\n                 aria-current="true">'
    assert directory_link in html
    assert html.count('aria-current="true"') == 1


def test_home_page_presents_the_registered_modules(client):
    response = client.get(reverse("core:home"))
    labels = [module.label for module in response.context["MODULES"]]
    assert labels == [
        "Aides et accompagnement",
        "Être accompagné",
        "Stratégie régionale",
        "Rendez-vous ESSpresso",
        "Autodiagnostic",
        "Observatoire",
        "Annuaire",
    ]


def test_home_page_names_the_region_once_the_territories_are_loaded(client, region, settings):
    settings.ESSAIM_REGION = region.region.code
    html = client.get(reverse("core:home")).content.decode()
    assert f"en {region.region.name}" in html


def test_home_page_answers_before_the_territories_are_loaded(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200


def test_an_unknown_page_gets_the_french_404(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_home_shows_directory_figures(client, region, roles):
    from tests.organisations.factories import OrganisationFactory

    OrganisationFactory(commune=region.nantes, roles=["entreprise_ess"])
    OrganisationFactory(commune=region.other_region_commune, roles=["operateur_accompagnement"])
    OrganisationFactory(commune=region.angers, roles=["entreprise_ess"], is_active=False)
    response = client.get(reverse("core:home"))
    figures = {figure.label: figure.value for figure in response.context["figures"]}
    # The figures count what the directory they link to lists.
    listed = client.get(reverse("organisations:directory")).context["page"].paginator.count
    assert figures["structures dans l'annuaire"] == listed == 2
    assert figures["entreprises de l'ESS"] == 1


def test_health_endpoint_checks_the_database(client):
    assert client.get(reverse("core:health")).json() == {"status": "ok"}


def test_a_home_figure_of_one_reads_in_the_singular(client, region, roles):
    from tests.organisations.factories import OrganisationFactory

    OrganisationFactory(commune=region.nantes, roles=["entreprise_ess"])
    page = " ".join(client.get(reverse("core:home")).content.decode().split())
    assert "structure dans l&#x27;annuaire" in page and "structures dans" not in page
