"""Links to the request form, for other modules' pages: the guided path's results ("Être mis en
relation"), an offer page ("Contacter cet opérateur par la plateforme"). The form reads the same
names as the guided path, so its answers prefill it."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.http import urlencode

# The query name and value that mark a request as coming from the guided path's results
# (`Source.ORIENTATION`; this module imports no model, so that any module may import it).
ORIGIN = "origine"
ORIENTATION = "parcours"


def request_url(
    *,
    needs: Iterable[str] = (),
    stage: str = "",
    audience: str = "",
    commune: str = "",
    years: int | None = None,
    employees: int | None = None,
    offer: int | None = None,
    from_orientation: bool = False,
) -> str:
    """The request form, prefilled with what is known (empty values left out). A request from
    the guided path's results says so (`from_orientation`), for the CRESS's figures."""
    query: list[tuple[str, str]] = [("needs", need) for need in needs]
    for name, value in (("stage", stage), ("audience", audience), ("commune", commune)):
        if value:
            query.append((name, value))
    for name, number in (("years", years), ("employees", employees), ("offre", offer)):
        if number is not None:
            query.append((name, str(number)))
    if from_orientation:
        query.append((ORIGIN, ORIENTATION))
    base = reverse("referrals:new")
    return f"{base}?{urlencode(query)}" if query else base
