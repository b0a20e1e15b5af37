import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, log_in
from tests.catalog.factories import load_catalog_taxonomies, make_offer
from tests.territories.factories import small_region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalog():  # type: ignore[no-untyped-def]
    from essaim.core.taxonomies import load_taxonomy
    from essaim.organisations.models import OrganisationRole
    from essaim.organisations.reference import DATA

    load_taxonomy(OrganisationRole, DATA / "roles.csv")
    load_catalog_taxonomies()
    small_region()
    return [
        make_offer(
            "Garantir son prêt bancaire",
            types=["garantie"],
            stages=["creation"],
            needs=["financer_demarrage"],
            amount_max=200_000,
            application_url="https://essaim-demo.example/candidater",
        ),
        make_offer(
            "S'informer au point d'accueil associatif",
            types=["information_orientation"],
            territories=[("departement", "44")],
        ),
    ]


def test_guided_path_leads_to_results_and_an_offer_with_no_accessibility_violation(page, catalog):
    page.goto("/aides/")
    assert_accessible(page)
    page.get_by_role("link", name="Commencer le parcours").click()

    assert_accessible(page)
    page.get_by_label("Création / lancement").check()
    page.get_by_role("button", name="Suivant").click()

    page.get_by_role("button", name="Suivant").click()  # no need chosen: the step says so
    expect(page.get_by_text("Choisissez au moins un besoin.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Financer le démarrage").check()
    page.get_by_role("button", name="Suivant").click()

    page.get_by_label("Association").check()
    assert_accessible(page)
    page.get_by_role("button", name="Suivant").click()

    assert_accessible(page)
    page.get_by_role("button", name="Suivant").click()  # sector: "plusieurs secteurs ou autre"

    page.get_by_label("Dans quelle commune se situe votre projet ?").fill("Nantes")
    assert_accessible(page)
    page.get_by_role("button", name="Voir les offres").click()

    page.wait_for_url("**/aides/orientation/resultats/?*")
    expect(page.get_by_role("heading", name="Les offres adaptées à votre projet")).to_be_visible()
    expect(page.get_by_role("heading", name="Financement")).to_be_visible()
    assert_accessible(page)
    card = page.locator("article", has=page.get_by_role("heading", name="Garantir son prêt bancaire"))
    card.get_by_text("Pourquoi cette offre ?").click()
    expect(page.get_by_text("Répond à votre besoin : financer le démarrage.")).to_be_visible()

    page.get_by_role("button", name="Garder dans ma sélection : Garantir son prêt bancaire").click()
    expect(page.get_by_role("link", name="Ma sélection (1)").first).to_be_visible()

    page.get_by_role("link", name="Garantir son prêt bancaire", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Garantir son prêt bancaire"
    expect(page.get_by_role("button", name="Retirer de ma sélection")).to_be_visible()
    assert_accessible(page)


def test_previous_keeps_the_answers(page, catalog):
    page.goto("/aides/orientation/?stage=creation&etape=2")
    page.get_by_role("link", name="Précédent").click()
    assert page.get_by_label("Création / lancement").is_checked()


def test_selection_page_shows_kept_offers_ready_to_print(page, catalog):
    page.goto(catalog[0].get_absolute_url())
    page.get_by_role("button", name="Garder dans ma sélection").click()
    page.goto("/aides/selection/")
    page.wait_for_url("**/aides/selection/?offres=*")
    expect(page.get_by_role("heading", name="Garantir son prêt bancaire")).to_be_visible()
    expect(page.get_by_role("button", name="Imprimer ma sélection")).to_be_visible()
    assert_accessible(page)


def test_search_page_is_accessible_and_highlights(page, catalog):
    page.goto("/aides/recherche/?q=pr%C3%AAts")
    assert page.locator("mark").first.inner_text() == "prêt"
    assert_accessible(page)


def test_dashboard_is_accessible(page, catalog):
    from tests.accounts.factories import PASSWORD, UserFactory

    UserFactory(email="cress@example.org", platform_admin=True)
    page.goto("/compte/connexion/?next=/aides/pilotage/")
    page.get_by_label("Adresse e-mail").fill("cress@example.org")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/aides/pilotage/")
    expect(
        page.get_by_role(
            "table", name="Nombre d'offres ouvertes par étape (lignes) et besoin (colonnes), Loire-Atlantique"
        )
    ).to_be_visible()
    assert_accessible(page)


def test_operator_workspace_and_moderation_are_accessible(page, catalog):
    from essaim.catalog.services import offer_revise
    from essaim.organisations.models import Membership
    from tests.accounts.factories import UserFactory

    operator = catalog[0].operator
    Membership.objects.create(user=UserFactory(email="editrice@example.org"), organisation=operator, role="editor")
    log_in(page, "editrice@example.org")
    page.goto("/aides/espace/")
    assert_accessible(page)
    page.get_by_role("link", name="Proposer une nouvelle offre").click()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Ce champ est obligatoire.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Mes offres").click()
    page.get_by_role("link", name="Garantir son prêt bancaire").click()
    page.get_by_label("Titre").fill("Garantir son prêt bancaire solidaire")
    page.get_by_role("button", name="Proposer la modification").click()
    expect(page.get_by_role("heading", name="Modification en attente de la CRESS")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Archiver").click()
    expect(page.get_by_text("L'offre est maintenant : archivée.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Se déconnecter").click()
    UserFactory(email="cress@example.org", platform_admin=True)
    log_in(page, "cress@example.org")
    waiting = catalog[1]
    waiting.application_url = "https://ailleurs.example/candidater"
    offer_revise(offer=waiting, by=None, roles={"operator"})
    page.goto("/aides/moderation/")
    expect(page.get_by_role("heading", name="Modifications d'offres publiées")).to_be_visible()
    assert_accessible(page)


def test_refinement_question_narrows_results_with_no_accessibility_violation(page, catalog):
    make_offer(
        "Fonds pour les entreprises solidaires agréées",
        types=["fonds_propres"],
        needs=["financer_demarrage"],
        required_answers={"agrement_esus": True},
    )
    page.goto(
        "/aides/orientation/resultats/?stage=creation&needs=financer_demarrage&audience=association&commune=44109"
    )
    expect(page.get_by_role("heading", name="Fonds pour les entreprises solidaires agréées")).to_be_visible()
    assert_accessible(page)
    question = page.get_by_role("group", name="Votre structure a-t-elle l'agrément ESUS")
    question.get_by_label("Non").check()
    page.get_by_role("button", name="Mettre à jour les résultats").click()
    page.wait_for_url("**question_agrement_esus=non*")
    assert page.get_by_role("heading", name="Fonds pour les entreprises solidaires agréées").count() == 0
    expect(page.get_by_role("heading", name="Garantir son prêt bancaire")).to_be_visible()
    assert_accessible(page)


def test_suggesting_a_missing_offer_with_no_accessibility_violation(page, catalog):
    page.goto("/aides/")
    page.get_by_role("link", name="Une offre manque ? Signalez-la").click()
    assert_accessible(page)
    page.get_by_label("Nom de l'offre ou du dispositif").fill("Fonds de confiance de la Mayenne")
    page.get_by_role("button", name="Envoyer à la CRESS").click()
    expect(page.get_by_text("Ce champ est obligatoire.").first).to_be_visible()
    assert page.get_by_label("Nom de l'offre ou du dispositif").input_value() == "Fonds de confiance de la Mayenne"
    assert_accessible(page)
    page.get_by_label("Structure qui la propose").fill("Initiative Mayenne")
    page.get_by_label("En une phrase, à quoi sert-elle ?").fill("Financer l'étude de faisabilité d'un projet.")
    page.get_by_role("button", name="Envoyer à la CRESS").click()
    expect(page.get_by_text("Merci ! L'équipe de la CRESS vérifiera cette offre")).to_be_visible()

    # The CRESS finds the suggestion waiting in moderation; the page with its buttons is accessible.
    from tests.accounts.factories import UserFactory

    UserFactory(email="cress@example.org", platform_admin=True)
    log_in(page, "cress@example.org")
    page.goto("/aides/moderation/")
    expect(page.get_by_text("Fonds de confiance de la Mayenne").first).to_be_visible()
    assert_accessible(page)


def focused_text(page) -> str:  # type: ignore[no-untyped-def]
    """The text of the element that has the keyboard focus (its accessible content, roughly)."""
    return page.evaluate("() => document.activeElement.innerText || document.activeElement.labels?.[0]?.innerText")


def test_each_step_of_the_guided_path_puts_the_focus_on_its_question(page, catalog):
    page.goto("/aides/orientation/")
    page.get_by_label("Création / lancement").check()
    page.get_by_role("button", name="Suivant").click()
    page.wait_for_url("**etape=2*")
    assert "De quoi avez-vous besoin ?" in focused_text(page)

    page.get_by_role("button", name="Suivant").click()  # no need chosen: the focus goes to the error
    page.wait_for_url("**suivant=1*")
    assert focused_text(page) == "Choisissez au moins un besoin."
    assert_accessible(page)

    page.get_by_label("Financer le démarrage").check()
    page.get_by_role("button", name="Suivant").click()
    page.wait_for_url("**etape=3*")
    assert "Quel est votre statut ?" in focused_text(page)
    page.keyboard.press("Tab")  # the next key press acts in the question, not in the header
    assert page.evaluate("() => document.activeElement.closest('form.path-form') !== null")

    page.get_by_label("Association").check()
    page.get_by_role("button", name="Suivant").click()
    page.get_by_role("button", name="Suivant").click()
    page.wait_for_url("**etape=5*")
    assert "Dans quelle commune se situe votre projet ?" in focused_text(page)
    assert_accessible(page)


def test_an_offer_opened_from_a_search_leads_back_to_that_search(page, catalog):
    page.goto("/aides/recherche/?q=pr%C3%AAt&type=garantie")
    page.get_by_role("link", name="Garantir son prêt bancaire", exact=True).click()
    page.wait_for_url(f"**{catalog[0].get_absolute_url()}")
    assert_accessible(page)
    page.get_by_role("link", name="Retour aux résultats").click()
    page.wait_for_url("**/aides/recherche/?q=pr%C3%AAt&type=garantie")
    assert page.get_by_label("Mots-clés").input_value() == "prêt"


def test_directory_and_search_page_two_follow_on_from_page_one(page, catalog):
    from tests.catalog.factories import make_offer
    from tests.organisations.factories import OrganisationFactory

    for number in range(1, 22):
        OrganisationFactory(name=f"Structure {number:02d}", roles=["entreprise_ess"])
        make_offer(f"Garantie solidaire {number:02d}", types=["garantie"])
    page.goto("/annuaire/?role=entreprise_ess")
    page.get_by_role("link", name="Page suivante").click()
    expect(page.get_by_role("link", name="Structure 21")).to_be_visible()
    assert "role=entreprise_ess" in page.url

    page.goto("/aides/recherche/?q=garantie&type=garantie&sort=echeance")
    page.get_by_role("link", name="Page suivante").click()
    assert "q=garantie&type=garantie&sort=echeance&page=2" in page.url
    assert page.get_by_label("Mots-clés").input_value() == "garantie"
    assert_accessible(page)


def test_a_refused_alert_comes_back_as_typed_with_no_accessibility_violation(page, catalog):
    page.goto("/aides/recherche/?q=pr%C3%AAt")
    page.get_by_label("Votre adresse e-mail").fill("camille@exemple")
    page.get_by_label("Chaque mois").check()
    page.get_by_role("button", name="Créer l'alerte").click()
    expect(page.get_by_role("heading", name="Créer une alerte")).to_be_visible()
    assert page.get_by_label("Votre adresse e-mail").input_value() == "camille@exemple"
    assert page.get_by_label("Chaque mois").is_checked()
    assert_accessible(page)
