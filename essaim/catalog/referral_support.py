"""What the catalogue tells the support requests module (`essaim.referrals`), through
`core.registries`: what an offer a request starts from is, and which offers answer a need (the
apology of a request nobody took in hand). Neither module imports the other's models."""

from __future__ import annotations

from django.utils import timezone

from essaim.catalog import matching, orientation
from essaim.catalog.models import Offer
from essaim.core.registries import Link, RequestContext, offer_suggestions, request_contexts
from essaim.territories.models import Commune


def offer_request_context(offer_id: int) -> RequestContext | None:
    """A published offer of a structure in the directory: its title, page, operator and needs
    (the operator's teams receive the request first); None for any other id."""
    offer = (
        Offer.objects.published()
        .filter(pk=offer_id, operator__is_active=True)
        .only("pk", "title", "slug", "operator_id")
        .first()
    )
    if offer is None:
        return None
    needs = tuple(offer.needs.order_by("order", "pk").values_list("slug", flat=True))
    return RequestContext(
        label=offer.title, url=offer.get_absolute_url(), organisation_id=offer.operator_id, needs=needs
    )


def suggest_offers(*, need: str, stage: str = "", audience: str = "", commune: str = "", limit: int = 3) -> list[Link]:
    """At most `limit` published offers that fit these answers, best first, as the guided path
    ranks them (an unknown commune is as no commune: offers anywhere)."""
    if limit < 1:
        return []
    place = Commune.objects.with_places().filter(code=commune).first() if commune else None
    answers = matching.Answers(
        today=timezone.localdate(),
        stage=stage or None,
        needs=frozenset([need]) if need else frozenset(),
        audience=audience or None,
        place=place.places if place is not None else None,
    )
    ids = [found.offer_id for found in orientation.orient(answers)[:limit]]
    offers = Offer.objects.published().only("pk", "title", "slug").in_bulk(ids)
    return [Link(offers[pk].title, offers[pk].get_absolute_url()) for pk in ids if pk in offers]


request_contexts.add("offre", offer_request_context, order=10)
offer_suggestions.add("catalogue", suggest_offers, order=10)
