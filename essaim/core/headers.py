"""Headers every response of the platform carries, whatever the module.

- `Content-Security-Policy`: only the platform's own files run or style a page. No inline
  `<script>` and no `style="…"` attribute, so an injected fragment of HTML can neither run nor
  disguise itself; `tests/core/test_headers.py` renders the main pages and refuses either.
- `Cache-Control: private, no-store` on every page that is someone's: anything shown to a logged-in
  person (their name is in the header, and workspaces, moderation and internal strategy pages are
  behind login), the account pages, the admin, any page reached by a link carrying a token (sent to
  one person by e-mail), and any response that sets a cookie. Public pages seen anonymously keep their caching.

Static files are served by WhiteNoise before this middleware runs: they keep their long caching.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ]
)
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
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if is_personal(request, response):
            response.headers["Cache-Control"] = PRIVATE
            response.headers.pop("Expires", None)
        return response
