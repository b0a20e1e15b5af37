"""The map component (includes/map.html, static/js/map.js, vendored MapLibre GL) on a test-only page:
drawn with WebGL under the platform's Content-Security-Policy, reached and used with the keyboard,
and a French sentence pointing to the data table when WebGL or JavaScript is missing.

Headless Chromium has WebGL even with --disable-gpu: Playwright starts it with
--enable-unsafe-swiftshader, so SwiftShader renders in software. The drawing tests name that
renderer themselves rather than rely on Playwright's defaults; the fallback tests take WebGL away
(--disable-3d-apis)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, DESK, PHONE, assert_accessible
from tests.browser.map_page import CAPTION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.browser.map_page")]

URL = "/essai/carte/"
FALLBACK = "La carte ne s'affiche pas dans ce navigateur : ses données sont dans le tableau ci-dessous."
SCREENSHOTS = Path("/tmp")


def _launch(browser, extra: list[str]):  # type: ignore[no-untyped-def]
    """Another Chromium from the session's Playwright (a second Playwright cannot run beside it)."""
    return browser.browser_type.launch(
        executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
        args=["--headless", "--no-sandbox", "--disable-background-networking", *extra],
    )


@pytest.fixture(scope="module")
def webgl_browser(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """WebGL rendered in software by SwiftShader, asked for by name."""
    other = _launch(browser, ["--use-angle=swiftshader", "--enable-unsafe-swiftshader"])
    yield other
    other.close()


@pytest.fixture(scope="module")
def browser_without_webgl(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    other = _launch(browser, ["--disable-gpu", "--disable-3d-apis"])
    yield other
    other.close()


def _open(browser, live_server, **options):  # type: ignore[no-untyped-def]
    """A page on the test page, collecting whatever the Content-Security-Policy refuses."""
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=DESK, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused: list[str] = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto(URL)
    return context, page, refused


@pytest.fixture
def map_page(webgl_browser, live_server):  # type: ignore[no-untyped-def]
    # Reduced motion: MapLibre then jumps instead of easing, so each key's effect is immediate.
    context, page, refused = _open(webgl_browser, live_server, reduced_motion="reduce")
    yield page
    context.close()
    assert refused == [], "Refusé par la Content-Security-Policy :\n" + "\n".join(refused)


@pytest.fixture
def page_without_webgl(browser_without_webgl, live_server):  # type: ignore[no-untyped-def]
    context, page, refused = _open(browser_without_webgl, live_server)
    yield page
    context.close()
    assert refused == [], "Refusé par la Content-Security-Policy :\n" + "\n".join(refused)


def _canvas(page):  # type: ignore[no-untyped-def]
    expect(page.locator("#carte-essai.map--drawn")).to_be_attached()
    # Drawn once the layers are added: wait for a frame to be rendered with them.
    page.wait_for_function(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"
    )
    return page.locator("#carte-essai canvas")


def test_the_map_draws_its_data_without_anything_the_policy_refuses(map_page):
    canvas = _canvas(map_page)
    expect(canvas).to_be_visible()
    expect(map_page.get_by_text(FALLBACK)).to_be_hidden()
    box = canvas.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 300
    # The vendored worker, not a blob:, prepares the data.
    assert map_page.evaluate(
        "performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('maplibre-gl-csp-worker.js'))"
    )
    expect(
        map_page.get_by_role("list", name="Établissements pour 10 000 habitants").get_by_role("listitem")
    ).to_have_text(["0", "4,2", "8,5", "15,0"])
    map_page.screenshot(path=str(SCREENSHOTS / "essaim-carte-1280.png"), full_page=True)
    assert_accessible(map_page)
    map_page.set_viewport_size(PHONE)
    expect(canvas).to_be_visible()
    map_page.screenshot(path=str(SCREENSHOTS / "essaim-carte-390.png"), full_page=True)


def test_the_keyboard_reaches_the_map_moves_it_describes_and_leaves_it(map_page):
    canvas = _canvas(map_page)
    detail = map_page.locator("#carte-essai-choix")
    for _ in range(40):
        map_page.keyboard.press("Tab")
        if map_page.evaluate("document.activeElement.tagName") == "CANVAS":
            break
    expect(canvas).to_be_focused()
    expect(canvas).to_have_accessible_name(CAPTION)
    expect(canvas).to_have_accessible_description(re.compile(r"^Au clavier : flèches pour déplacer la carte"))
    expect(map_page.locator("#carte-essai .map__cross")).to_be_visible()

    # Under the cross at first: the place at the frame's centre, a link to its page.
    map_page.keyboard.press("Enter")
    expect(detail).to_have_text("Recyclerie du Port\u00a0: Recyclerie, 12 salariés")
    expect(detail.get_by_role("link", name="Recyclerie du Port")).to_have_attribute(
        "href", f"{map_page.url.split('/essai')[0]}/annuaire/"
    )
    map_page.screenshot(path=str(SCREENSHOTS / "essaim-carte-clavier.png"))

    # An arrow moves the map west: the cross is now over the south-west commune.
    map_page.keyboard.press("ArrowLeft")
    map_page.keyboard.press("Enter")
    expect(detail).to_have_text("Essai-le-Sud-Ouest\u00a0: 8,5 pour 10 000 habitants")
    map_page.keyboard.press("Escape")
    expect(detail).to_have_text("")

    before = canvas.screenshot()
    map_page.keyboard.press("Equal")  # MapLibre's "+"
    map_page.wait_for_timeout(200)
    assert canvas.screenshot() != before

    # Then the map's buttons, then out of the map: focus is never trapped.
    map_page.keyboard.press("Tab")
    expect(map_page.get_by_role("button", name="Zoomer", exact=True)).to_be_focused()
    map_page.keyboard.press("Tab")
    expect(map_page.get_by_role("button", name="Dézoomer")).to_be_focused()
    map_page.keyboard.press("Tab")
    expect(map_page.get_by_role("button", name="Revoir toute la carte")).to_be_focused()
    map_page.keyboard.press("Tab")
    assert map_page.evaluate("!document.activeElement.closest('.map')")


def test_a_click_on_a_place_or_a_commune_says_what_it_is(map_page):
    canvas = _canvas(map_page)
    box = canvas.bounding_box()
    detail = map_page.locator("#carte-essai-choix")
    canvas.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(detail).to_contain_text("Recyclerie du Port")
    # 60 px to the east of the centre, still within the south-east commune.
    canvas.click(position={"x": box["width"] / 2 + 60, "y": box["height"] / 2})
    expect(detail).to_have_text("Essai-le-Sud-Est\u00a0: 15,0 pour 10 000 habitants")


def test_a_basemap_configured_on_the_platform_is_drawn_under_the_data(webgl_browser, live_server, settings):
    settings.MAP_STYLE_URL = "/essai/fond.json"
    context, page, refused = _open(webgl_browser, live_server)
    box = _canvas(page).bounding_box()
    # Left of the communes, the basemap's own colour (#dfe7d5), not the plain background.
    beside = page.screenshot(clip={"x": box["x"] + 10, "y": box["y"] + box["height"] / 2, "width": 2, "height": 2})
    context.close()
    assert refused == []
    # Pillow comes with WeasyPrint.
    pixel = Image.open(BytesIO(beside)).convert("RGB").getpixel((0, 0))
    assert all(abs(channel - expected) <= 2 for channel, expected in zip(pixel, (0xDF, 0xE7, 0xD5), strict=True)), pixel


def test_a_basemap_that_cannot_be_read_leaves_the_data_on_a_plain_background(webgl_browser, live_server, settings):
    settings.MAP_STYLE_URL = "/essai/fond-absent.json"
    context, page, refused = _open(webgl_browser, live_server, reduced_motion="reduce")
    canvas = _canvas(page)
    box = canvas.bounding_box()
    canvas.click(position={"x": box["width"] / 2 + 60, "y": box["height"] / 2})
    expect(page.locator("#carte-essai-choix")).to_have_text("Essai-le-Sud-Est\u00a0: 15,0 pour 10 000 habitants")
    context.close()
    assert refused == []


def test_without_webgl_the_map_points_to_its_table(page_without_webgl):
    page = page_without_webgl
    page.wait_for_load_state("load")
    expect(page.get_by_text(FALLBACK)).to_be_visible()
    expect(page.locator("#carte-essai canvas")).to_have_count(0)
    expect(page.locator("#carte-essai-aide")).to_be_hidden()
    expect(page.get_by_role("table", name="Données de la carte")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "essaim-carte-sans-webgl.png"), full_page=True)
    assert_accessible(page)


def test_without_javascript_the_map_points_to_its_table(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=DESK, java_script_enabled=False)
    page = context.new_page()
    page.goto(URL)
    expect(page.get_by_text(FALLBACK)).to_be_visible()
    expect(page.locator("#carte-essai canvas")).to_have_count(0)
    expect(page.get_by_role("table", name="Données de la carte")).to_be_visible()
    context.close()
