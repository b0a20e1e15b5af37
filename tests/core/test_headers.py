"""Every page carries the Content-Security-Policy and holds nothing it would refuse (no inline
script, no style attribute); pages that are someone's are never cached. The page walk covers every
route without parameters, so a new module's pages are checked the day they exist."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from essaim.core.headers import CONTENT_SECURITY_POLICY, content_security_policy
from tests.accounts.factories import UserFactory
from tests.catalog.factories import make_offer
from tests.strategy.factories import strategy_world

pytestmark = pytest.mark.django_db

# Not pages: the admin is Django's own (checked by hand), the API answers JSON, logout takes a POST.
SKIPPED_NAMESPACES = {"admin", "api"}


def parameterless_paths(patterns=None, prefix="", namespaces=()):  # type: ignore[no-untyped-def]
    """The path of every route that needs no parameter, with its namespaces."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = str(entry.pattern)
        if "<" in route or "(" in route or "^" in route:
            continue
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            yield from parameterless_paths(entry.url_patterns, prefix + route, (*namespaces, entry.namespace))
        elif isinstance(entry, URLPattern) and entry.name != "logout":
            yield "/" + prefix + route


class InlineCode(HTMLParser):
    """Collects what the policy would refuse: inline scripts, style attributes and elements, event
    handler attributes and `javascript:` links."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") != "application/json":
            self.refused.append("<script> sans src")
        if tag == "style":
            self.refused.append("<style>")
        for name, value in attrs:
            if name == "style":
                self.refused.append(f'<{tag} style="{value}">')
            if name.startswith("on"):
                self.refused.append(f"<{tag} {name}>")
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith("javascript:"):
                self.refused.append(f"<{tag} {name}={value}>")


def refused_inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.refused


@pytest.fixture
def world(region, roles, taxonomies):  # type: ignore[no-untyped-def]
    offer = make_offer("Prêt d'honneur solidaire", types=["pret"])
    return strategy_world(region), offer


def object_pages(world) -> list[str]:  # type: ignore[no-untyped-def]
    strategy_world_, offer = world
    code = strategy_world_.strategy.code
    return [
        reverse("catalog:offer", args=[offer.slug]),
        reverse("catalog:operator", args=[offer.operator.slug]),
        reverse("organisations:detail", args=[offer.operator.slug]),
        reverse("catalog:offer_edit", args=[offer.pk]),
        reverse("strategy:detail", args=[code]),
        reverse("strategy:board", args=[code]),
        reverse("strategy:action", args=[code, strategy_world_.action.code]),
        reverse("strategy:indicators", args=[code]),
        reverse("strategy:governance", args=[code]),
    ]


def test_a_public_page_carries_the_policy_and_stays_cacheable(client):
    response = client.get(reverse("core:home"))
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "no-store" not in response.get("Cache-Control", "")


def test_every_page_of_a_logged_in_person_is_never_stored(client, world):
    client.force_login(UserFactory(platform_admin=True))
    for url in [reverse("core:home"), reverse("accounts:profile"), reverse("catalog:moderation"), *object_pages(world)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url


def test_account_pages_are_never_stored_even_before_logging_in(client):
    for name in ("accounts:login", "accounts:password_reset"):
        assert client.get(reverse(name))["Cache-Control"] == "private, no-store", name


def test_a_page_reached_by_a_personal_link_is_never_stored(client):
    response = client.get(reverse("catalog:alert_confirm", args=["jeton-inconnu"]))
    assert response["Cache-Control"] == "private, no-store"


def test_the_walk_reaches_every_module():
    paths = set(parameterless_paths())
    for name in ("core:home", "catalog:search", "organisations:directory", "strategy:workspace", "accounts:profile"):
        assert reverse(name) in paths, name


@pytest.mark.parametrize("who", ["anonyme", "équipe de la CRESS", "co-pilote"])
def test_no_page_holds_inline_script_or_style(client, world, who):
    if who == "équipe de la CRESS":
        client.force_login(UserFactory(platform_admin=True))
    elif who == "co-pilote":
        client.force_login(world[0].copilot)
    checked = 0
    for url in [*parameterless_paths(), *object_pages(world)]:
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        assert refused_inline_code(response.content.decode()) == [], url
        checked += 1
    assert checked >= 10


def test_the_checker_sees_what_the_policy_refuses():
    assert refused_inline_code('<p style="color: red">x</p><script>alert(1)</script><a onclick="x()">y</a>') == [
        '<p style="color: red">',
        "<script> sans src",
        "<a onclick>",
    ]
    assert refused_inline_code('<script src="/static/js/menu.js" defer></script><p class="x">y</p>') == []


def test_a_request_refused_for_a_nul_gets_the_security_headers_too(client, db):
    response = client.get("/aides/recherche/%00/")
    assert response.status_code == 400
    assert response["Content-Security-Policy"].startswith("default-src 'self'")


def test_maps_without_a_basemap_need_nothing_beyond_the_platform_itself():
    assert content_security_policy("") == CONTENT_SECURITY_POLICY
    # A style served by the platform is already covered by `default-src 'self'`.
    assert content_security_policy("/static/fond/style.json") == CONTENT_SECURITY_POLICY
    assert "worker-src" not in CONTENT_SECURITY_POLICY and "blob:" not in CONTENT_SECURITY_POLICY


def test_a_basemap_on_another_origin_opens_that_origin_only_to_fetches_and_images(client, db, settings):
    settings.MAP_STYLE_URL = "https://tuiles.example.fr:8443/styles/plan.json?cle=x"
    policy = client.get(reverse("core:home"))["Content-Security-Policy"]
    assert "connect-src 'self' https://tuiles.example.fr:8443" in policy
    assert "img-src 'self' https://tuiles.example.fr:8443" in policy
    assert "script-src" not in policy and "style-src" not in policy and "cle=x" not in policy
