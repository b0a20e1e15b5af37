"""Browser tests: Playwright drives the system Chromium; axe-core checks every page visited, at desk
width and on a 390 px phone, where no page may be wider than the screen.

Without Chromium the tests are skipped locally, and fail under CI=true (a skipped browser
test must not pass for a green build).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session", autouse=True)
def _one_request_at_a_time_on_sqlite() -> Iterator[None]:
    """On SQLite the test server's threads share one in-memory connection: two requests at once
    (an item saved by htmx while the page is sent) would break each other's transaction. The
    test server then answers one request at a time, as Django's single-threaded server does; on
    PostgreSQL each thread has its own connection and the server stays threaded."""
    from django.conf import settings
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        yield
        return

    class OneAtATime(WSGIServer):
        # Requests are served in the server's own thread, which already uses the shared connection.
        def __init__(self, *args: object, connections_override: object = None, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = OneAtATime  # type: ignore[assignment]
    yield
    LiveServerThread.server_class = threaded


# Loaded from the platform's own static files: the Content-Security-Policy refuses inline scripts.
AXE = "/static/vendor/axe-core/axe.min.js"
AXE_FILE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not _chromium_available():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium est introuvable ({CHROMIUM}) : les tests navigateur ne peuvent pas tourner.")
        pytest.skip("Chromium absent : installez le paquet Debian « chromium » pour les tests navigateur.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread for the whole session;
    # the ORM calls that prepare and flush test data are still plain synchronous code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


DESK = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=DESK)
    page = context.new_page()
    page.set_default_timeout(10_000)
    # Whatever the Content-Security-Policy refuses (an inline style injected by a script, an
    # inline handler) shows up as a console error: none is allowed.
    refused: list[str] = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    context.close()
    assert refused == [], "Refusé par la Content-Security-Policy :\n" + "\n".join(refused)


def assert_accessible(page) -> None:  # type: ignore[no-untyped-def]
    """Every page visited passes axe-core at desk width, then fits a phone's screen and passes
    axe-core there too (the menus fold and the tables scroll only on narrow screens)."""
    size = page.viewport_size or DESK
    _assert_axe(page)
    if size["width"] == PHONE["width"]:
        assert_fits_phone(page)
        return
    page.set_viewport_size(PHONE)
    try:
        assert_fits_phone(page)
        _assert_axe(page)
    finally:
        page.set_viewport_size(size)


def assert_fits_phone(page) -> None:  # type: ignore[no-untyped-def]
    """At 390 px nothing makes the page wider than the screen (wide tables scroll in their own
    region); the message names the elements that stick out."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return
    culprits = page.evaluate(
        """(limit) => [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > limit + 1 && !e.parentElement.closest(".table-scroll"))
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)""",
        PHONE["width"],
    )
    raise AssertionError(f"{page.url} fait {width} px de large sur un écran de {PHONE['width']} px : {culprits}")


def _assert_axe(page) -> None:  # type: ignore[no-untyped-def]
    """Run axe-core (WCAG 2.1 A and AA rules) on the current page: zero violations allowed."""
    # A click that follows a link returns once the next page starts loading: wait for all of it.
    page.wait_for_load_state()
    if not page.evaluate("typeof axe !== 'undefined'"):
        # A page of the platform loads it as its own file; a page set by the test has no address.
        if page.url.startswith("http"):
            page.add_script_tag(url=AXE)
        else:
            page.add_script_tag(path=str(AXE_FILE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
        })"""
    )
    violations = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(
            node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
            for node in violation["nodes"][:5]
        )
        for violation in result["violations"]
    ]
    width = page.viewport_size["width"] if page.viewport_size else "?"
    assert violations == [], f"axe-core sur {page.url} ({width} px) :\n" + "\n".join(violations)


def log_in(page, email: str) -> None:  # type: ignore[no-untyped-def]
    """Log in through the login form, with the factories' password; start from a fresh session."""
    from tests.accounts.factories import PASSWORD

    page.context.clear_cookies()
    page.goto("/compte/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/")
