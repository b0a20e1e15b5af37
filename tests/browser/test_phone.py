"""On a 390 px phone: the header's menus fold behind one button, the search filters behind one
summary. (That no page is wider than the screen is checked on every page by assert_accessible.)"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, assert_fits_phone
from tests.browser.test_catalog import catalog  # noqa: F401 - the offers searched below

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_phone_check_catches_a_page_wider_than_the_screen(page):
    page.set_viewport_size(PHONE)
    page.set_content('<html lang="fr"><body><main><div style="width: 800px">x</div></main></body></html>')
    with pytest.raises(AssertionError, match="div"):
        assert_fits_phone(page)


def test_on_a_phone_the_menu_folds_behind_one_button_usable_by_keyboard(page, catalog):  # noqa: F811
    page.set_viewport_size(PHONE)
    page.goto("/aides/")
    menu = page.get_by_role("button", name="Menu", exact=True)
    modules = page.get_by_role("navigation", name="Modules")
    assert menu.get_attribute("aria-expanded") == "false"
    expect(modules).to_be_hidden()
    assert page.locator("header").bounding_box()["height"] < 100  # one row, not three

    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    expect(modules.get_by_role("link", name="Stratégie")).to_be_visible()
    expect(page.get_by_role("navigation", name="Mon compte").get_by_role("link", name="Se connecter")).to_be_visible()
    assert_accessible(page)

    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.menuToggle !== undefined")
    expect(modules).to_be_hidden()


def test_on_a_desk_the_menu_stays_open_without_a_button(page, catalog):  # noqa: F811
    page.goto("/aides/")
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_hidden()
    expect(page.get_by_role("navigation", name="Modules").get_by_role("link", name="Stratégie")).to_be_visible()


def test_on_a_phone_the_search_filters_fold_so_the_first_result_is_on_the_first_screen(page, catalog):  # noqa: F811
    page.set_viewport_size(PHONE)
    page.goto("/aides/recherche/?q=pr%C3%AAt")
    expect(page.get_by_label("Mots-clés")).to_be_visible()
    expect(page.get_by_label("Étape du projet")).to_be_hidden()
    first = page.get_by_role("link", name="Garantir son prêt bancaire", exact=True)
    assert first.bounding_box()["y"] < PHONE["height"]

    page.get_by_text("Affiner : étape, besoin, public, commune…").click()
    expect(page.get_by_label("Étape du projet")).to_be_visible()
    assert_accessible(page)


def test_on_a_desk_the_search_filters_are_open(page, catalog):  # noqa: F811
    page.goto("/aides/recherche/")
    expect(page.get_by_label("Étape du projet")).to_be_visible()
