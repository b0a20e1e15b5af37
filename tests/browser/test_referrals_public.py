"""A project leader asks for support from the guided path's results and follows the request on
its private page, with no accessibility violation at desk width or on a phone."""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import assert_accessible
from tests.catalog.factories import load_catalog_taxonomies, make_offer
from tests.territories.factories import small_region

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("ESSAIM_SCREENSHOTS", "")  # a folder: the pages are saved there, to look at


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        for label, size in (("desk", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
            page.set_viewport_size(size)
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def network():  # type: ignore[no-untyped-def]
    from essaim.core.taxonomies import load_taxonomy
    from essaim.organisations.models import OrganisationRole
    from essaim.organisations.reference import DATA
    from tests.referrals.factories import make_team

    load_taxonomy(OrganisationRole, DATA / "roles.csv")
    load_catalog_taxonomies()
    small_region()
    make_offer("Garantir son prêt bancaire", types=["garantie"], stages=["creation"], needs=["financer_demarrage"])
    return make_team(phone="02 40 00 00 00", email="accueil@partenaire.example")


def test_a_request_from_the_results_to_its_private_page(page, network):
    from essaim.referrals.models import Referral
    from essaim.referrals.services import referral_take

    page.goto(
        "/aides/orientation/resultats/?stage=creation&needs=financer_demarrage&audience=association&commune=44109"
    )
    page.get_by_role("link", name="Être mis en relation avec un partenaire").last.click()
    page.wait_for_url("**/etre-accompagne/?*")
    page.wait_for_load_state()

    assert page.get_by_label("Financer le démarrage").is_checked()
    assert page.get_by_label("Commune du projet").input_value() == "Nantes (44)"
    page.get_by_role("button", name="Envoyer ma demande").click()  # no contact, no consent
    assert page.get_by_text("Indiquez une adresse e-mail ou un numéro de téléphone").is_visible()
    assert_accessible(page)
    shot(page, "form-errors")

    page.get_by_label("Votre projet et votre demande, en quelques lignes").fill("Une épicerie solidaire à lancer.")
    page.get_by_label("Téléphone").fill("06 12 34 56 78")
    page.get_by_label("J'accepte que ma demande").check()
    page.get_by_role("button", name="Envoyer ma demande").click()

    assert page.get_by_text("Votre demande est envoyée.").is_visible()
    assert page.get_by_role("heading", name="Gardez bien l'adresse de cette page").is_visible()
    assert_accessible(page)
    shot(page, "follow-sent")

    referral = Referral.objects.get()
    referral_take(referral=referral, team=network, by=network.advisers.get())
    Referral.objects.filter(pk=referral.pk).update(satisfaction_sent_at=referral.sent_at)
    page.reload()
    assert page.get_by_text("Cet accompagnement vous a-t-il été utile ?").is_visible()
    page.get_by_role("button", name="Oui").click()
    assert page.get_by_text("Merci pour votre réponse").is_visible()
    page.get_by_text("Retirer ma demande").click()
    assert_accessible(page)
    shot(page, "follow-taken")

    page.get_by_role("button", name="Confirmer le retrait").click()
    page.get_by_text("Supprimer ma demande et mes données").click()
    page.get_by_role("button", name="Supprimer définitivement").click()
    assert page.get_by_role("heading", name="Votre demande est supprimée").is_visible()
    assert_accessible(page)
    assert not Referral.objects.exists()
