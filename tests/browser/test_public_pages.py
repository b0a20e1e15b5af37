import re

import pytest
from playwright.sync_api import expect

from essaim.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import assert_accessible
from tests.organisations.factories import OrganisationFactory
from tests.territories.factories import small_region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory():  # type: ignore[no-untyped-def]
    from essaim.core.taxonomies import load_taxonomy
    from essaim.organisations.models import OrganisationRole
    from essaim.organisations.reference import DATA

    load_taxonomy(OrganisationRole, DATA / "roles.csv")
    region = small_region()
    return [
        OrganisationFactory(
            name="Recyclerie de l'Île",
            commune=region.nantes,
            roles=["entreprise_ess"],
            website="https://recyclerie.example",
            address="3 quai de la Fosse",
        ),
        OrganisationFactory(name="Incubateur Sillon", commune=region.angers, roles=["operateur_accompagnement"]),
    ]


def test_home_page_is_accessible_and_leads_to_the_modules(page, directory):
    page.goto("/")
    assert page.title().startswith("Accueil")
    assert_accessible(page)
    page.get_by_role("navigation", name="Modules").get_by_role("link", name="Annuaire").click()
    page.wait_for_url("**/annuaire/")


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, directory):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_directory_search_and_organisation_page_are_accessible(page, directory):
    page.goto("/annuaire/")
    assert_accessible(page)
    page.get_by_label("Nom ou SIRET").fill("recyclerie ile")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"/annuaire/\?q=recyclerie(\+|%20)ile"))
    expect(page.get_by_role("heading", name="1 structure")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Recyclerie de l'Île").click()
    page.wait_for_url(f"**{directory[0].get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == "Recyclerie de l'Île"
    assert_accessible(page)


def test_directory_filter_errors_are_accessible(page, directory):
    page.goto("/annuaire/?departement=999")
    expect(page.get_by_text("Sélectionnez un choix valide")).to_be_visible()
    assert_accessible(page)


def test_commune_field_suggests_communes_as_you_type(page, directory):
    page.goto("/annuaire/")
    field = page.get_by_label("Commune (nom ou code INSEE)")
    field.press_sequentially("st herb", delay=30)
    # A function, not a string: the Content-Security-Policy refuses to evaluate strings.
    page.wait_for_function("() => document.querySelectorAll('datalist option').length > 0")
    assert page.eval_on_selector("datalist option", "option => option.value") == "Saint-Herblain (44)"


def test_login_form_is_accessible_and_logs_in(page, directory):
    UserFactory(email="camille@example.org", full_name="Camille Moreau")
    page.goto("/compte/connexion/")
    assert_accessible(page)
    page.get_by_label("Adresse e-mail").fill("camille@example.org")
    page.get_by_label("Mot de passe").fill("faux mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Adresse e-mail ou mot de passe incorrect")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/")
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    assert User.objects.get(email="camille@example.org").last_login is not None


@pytest.mark.parametrize(
    "path",
    [
        "/accessibilite/",
        "/mentions-legales/",
        "/confidentialite/",
        "/compte/mot-de-passe/oublie/",
        "/introuvable/",
    ],
)
def test_other_public_pages_are_accessible(page, directory, path):
    page.goto(path)
    assert_accessible(page)


def test_the_accessibility_check_itself_catches_a_violation(page):
    page.set_content('<html lang="fr"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_choosing_a_filter_updates_the_results_and_the_address(page, directory):
    page.goto("/annuaire/")
    page.get_by_label("Département").select_option("49")
    page.wait_for_url("**/annuaire/?*departement=49*")
    expect(page.get_by_role("heading", name="1 structure")).to_be_visible()
    expect(page.get_by_role("link", name="Incubateur Sillon")).to_be_visible()
    assert_accessible(page)


def test_cress_staff_land_on_moderation_and_open_the_administration(page, directory):
    from essaim.accounts.staff import staff_member_add

    cress = UserFactory(email="camille@example.org", full_name="Camille Moreau", administers_platform=True)
    staff_member_add(user=cress)
    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill("camille@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/aides/moderation/")
    expect(page.get_by_role("heading", name="Modération du catalogue")).to_be_visible()
    expect(page.get_by_role("link", name="pilotage du catalogue")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Mon compte").get_by_role("link", name="Administration").click()
    page.wait_for_url("**/admin/")
    assert page.get_by_text("Vous n’avez pas la permission").count() == 0
    expect(page.get_by_role("link", name="Structures").first).to_be_visible()


def test_an_organisation_page_names_its_legal_category_and_links_to_its_contacts(page, directory):
    recyclerie = directory[0]
    recyclerie.legal_category = "9220"
    recyclerie.save()
    page.goto(recyclerie.get_absolute_url())
    expect(page.get_by_text("Association déclarée (code INSEE 9220)")).to_be_visible()
    expect(page.get_by_role("link", name="https://recyclerie.example")).to_be_visible()
    assert_accessible(page)


def test_htmx_adds_no_inline_style_the_policy_would_refuse(page, directory):
    page.goto("/annuaire/")
    page.get_by_label("Département").select_option("49")
    page.wait_for_url("**/annuaire/?*departement=49*")
    assert page.evaluate("() => htmx.config.includeIndicatorStyles") is False
    assert page.evaluate("() => document.querySelectorAll('style, [style]').length") == 0
