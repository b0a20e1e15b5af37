"""Headers every response of the platform carries, whatever the module.

- `Content-Security-Policy`: only the platform's own files run or style a page. No inline
  `<script>` and no `style="…"` attribute, so an injected fragment of HTML can neither run nor
  disguise itself; `tests/core/test_headers.py` renders the main pages and refuses either. A
  configured basemap's origin is the one addition (`content_security_policy`).
- `Cache-Control: private, no-store` on every page that is someone's: anything shown to a logged-in
  person (their name is in the header, and workspaces, moderation and internal strategy pages are
  behind login), the account pages, the admin, any page reached by a link carrying a token (sent to
  one person by e-mail), and any response that sets a cookie. Public pages seen anonymously keep their caching.

Static files are served by WhiteNoise before this middleware runs: they keep their long caching.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse


@lru_cache(maxsize=4)
def content_security_policy(map_style_url: str = "") -> str:
    """The policy of every page. Maps need nothing more by default: MapLibre's CSP build runs its
    worker from our own static file (`default-src 'self'` covers `worker-src`), never evaluates
    code, and map.js draws its own controls rather than MapLibre's, whose icons are `data:`
    images. Only a configured basemap (`settings.MAP_STYLE_URL` on another origin) widens it, to
    that one origin: MapLibre fetches the style, tiles, fonts and sprite (`connect-src`) and may
    show the sprite through an `<img>` (`img-src`)."""
    directives = [
        "default-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ]
    origin = _origin(map_style_url)
    if origin:
        directives += [f"connect-src 'self' {origin}", f"img-src 'self' {origin}"]
    return "; ".join(directives)


def _origin(url: str) -> str:
    """scheme://host[:port] of an absolute URL; empty for a path on the platform itself."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in {"http", "https"} and parts.netloc else ""


CONTENT_SECURITY_POLICY = content_security_policy()
PRIVATE = "private, no-store"
# URL namespaces whose every page is personal, even before logging in.
PERSONAL_NAMESPACES = {"accounts", "admin"}


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether this response belongs to one person, so that no cache may keep it."""
    user = getattr(request, "user", None)
    if getattr(user, "is_authenticated", False):
        return True
    match = request.resolver_match
    if match is not None and PERSONAL_NAMESPACES & set(match.namespaces):
        return True
    # A link carrying a token (password reset, alert confirmation) was sent to one person.
    if match is not None and any("token" in name for name in match.kwargs):
        return True
    return bool(response.cookies)


class ResponseHeadersMiddleware:
    """Adds the Content-Security-Policy to every response and forbids caching personal pages.
    Placed outside the other middlewares, so that a refused request's page gets them too; who is
    logged in is read on the way out, once the authentication middleware has run."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy(settings.MAP_STYLE_URL))
        if is_personal(request, response):
            response.headers["Cache-Control"] = PRIVATE
            response.headers.pop("Expires", None)
        return response
