"""Writes on the catalogue: every change to an offer goes through here and leaves a revision."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from essaim.catalog import text_search
from essaim.catalog.models import Offer, OfferRevision

# Fields whose changes the history records (with their value before and after).
TRACKED_FIELDS = [
    "title",
    "summary",
    "description",
    "operator_id",
    "parent_id",
    "amount_min",
    "amount_max",
    "fees",
    "url",
    "application_url",
    "contact_email",
    "contact_phone",
    "opens_on",
    "deadline",
    "recurrence",
    "min_years",
    "max_years",
    "min_employees",
    "max_employees",
    "status",
    "review_every_months",
    "required_answers",
]
RELATED_FIELDS = ["offer_types", "stages", "needs", "audiences", "sectors"]


def offer_snapshot(offer: Offer) -> dict[str, Any]:
    """The tracked values of an offer, as JSON-ready values (for the history)."""
    snapshot: dict[str, Any] = {}
    for name in TRACKED_FIELDS:
        value = getattr(offer, name)
        snapshot[name] = value.isoformat() if isinstance(value, date) else value
    if offer.pk:
        for name in RELATED_FIELDS:
            snapshot[name] = sorted(getattr(offer, name).values_list("slug", flat=True))
        snapshot["territories"] = sorted(territory.token for territory in offer.territories.all())
    return snapshot


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for every field whose value changed."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def offer_refresh_search(offer: Offer) -> None:
    """Recompute the stems the text search looks into (title, summary, description, operator,
    taxonomy labels); call after the offer and its relations are saved."""
    labels = [term.label for name in RELATED_FIELDS for term in getattr(offer, name).all()]
    offer.search_title = text_search.document(offer.title)
    offer.search_document = text_search.document(
        offer.title, offer.summary, offer.description, offer.operator.name, *labels
    )
    Offer.objects.filter(pk=offer.pk).update(search_title=offer.search_title, search_document=offer.search_document)


@transaction.atomic
def offer_record_revision(*, offer: Offer, before: dict[str, Any], by: Any, summary: str) -> OfferRevision | None:
    """Keep what changed since `before` (a snapshot); nothing is written when nothing changed."""
    changes = diff(before, offer_snapshot(offer))
    if not changes and before:
        return None
    return OfferRevision.objects.create(offer=offer, author=by, summary=summary, changes=changes)
