"""One request from the guided path's results to its closing: the project leader asks for
support and follows it on its private page; the partner's adviser logs in, finds it among the
requests received, takes it in hand and closes it; the leader sees who took it, says it was useful
and deletes it. axe-core checks every page, at desk width and on a 390 px phone."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import UserFactory
from tests.browser.conftest import DESK, assert_accessible, log_in
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
    adviser = UserFactory(email="conseil@partenaire.test", full_name="Claire Conseil")
    make_team(phone="02 40 00 00 00", email="accueil@partenaire.example", advisers=[adviser], name="Antenne de Nantes")
    return adviser


def test_a_request_from_the_guided_path_to_its_closing_by_an_adviser(page, network, browser, live_server):
    from essaim.referrals.models import Referral

    page.goto(
        "/aides/orientation/resultats/?stage=creation&needs=financer_demarrage&audience=association&commune=44109"
    )
    page.get_by_role("link", name="Être mis en relation avec un partenaire").last.click()
    page.wait_for_url("**/etre-accompagne/?*")
    page.wait_for_load_state()

    assert page.get_by_label("Financer le démarrage").is_checked()
    assert page.get_by_label("Commune du projet").input_value() == "Nantes (44)"
    page.get_by_role("button", name="Envoyer ma demande").click()  # no contact, no consent
    expect(page.get_by_text("Indiquez une adresse e-mail ou un numéro de téléphone")).to_be_visible()
    assert_accessible(page)
    shot(page, "form-errors")

    page.get_by_label("Votre projet et votre demande, en quelques lignes").fill(
        "Nous ouvrons une épicerie solidaire.\nIl nous manque un premier financement."
    )
    page.get_by_label("Téléphone").fill("06 12 34 56 78")
    page.get_by_label("J'accepte que ma demande").check()
    page.get_by_role("button", name="Envoyer ma demande").click()

    expect(page.get_by_text("Votre demande est envoyée.")).to_be_visible()
    expect(page.get_by_role("heading", name="Gardez bien l'adresse de cette page")).to_be_visible()
    assert_accessible(page)
    shot(page, "follow-sent")

    referral = Referral.objects.get()
    adviser_context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=DESK)
    desk = adviser_context.new_page()
    log_in(desk, network.email)
    desk.goto("/etre-accompagne/recues/")
    desk.get_by_role("heading", name="Demandes d'accompagnement reçues").wait_for()
    assert_accessible(desk)
    desk.locator(f'a[href="/etre-accompagne/recues/{referral.pk}/"]').click()
    desk.get_by_role("button", name="Prendre en charge").wait_for()
    expect(desk.get_by_text("Il nous manque un premier financement.")).to_be_visible()
    assert_accessible(desk)
    desk.get_by_role("button", name="Prendre en charge").click()
    desk.locator(".message--success").wait_for()
    assert_accessible(desk)

    page.reload()
    expect(page.get_by_text("Claire Conseil").first).to_be_visible()
    assert_accessible(page)

    desk.get_by_label("Accompagné·e").check()
    desk.get_by_role("button", name="Clore la demande").click()
    desk.locator(".message--success").wait_for()
    assert Referral.objects.get(pk=referral.pk).status == Referral.Status.CLOSED
    adviser_context.close()

    Referral.objects.filter(pk=referral.pk).update(satisfaction_sent_at=referral.sent_at)
    page.reload()
    expect(page.get_by_text("Cet accompagnement vous a-t-il été utile ?")).to_be_visible()
    page.get_by_role("button", name="Oui").click()
    expect(page.get_by_text("Merci pour votre réponse")).to_be_visible()
    assert_accessible(page)
    shot(page, "follow-closed")

    page.get_by_text("Supprimer ma demande et mes données").click()
    page.get_by_role("button", name="Supprimer définitivement").click()
    expect(page.get_by_role("heading", name="Votre demande est supprimée")).to_be_visible()
    assert_accessible(page)
    assert not Referral.objects.exists()
