"""Writes on the catalogue: every change to an offer goes through here and leaves a revision."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from essaim.catalog import text_search
from essaim.catalog.models import Offer, OfferRevision
from essaim.core.slugs import unique_slug
from essaim.core.text import fold
from essaim.organisations.models import Organisation

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


# Who may move an offer from one status to another: "operator" (its editors) or "cress" (staff).
TRANSITIONS: dict[tuple[str, str], str] = {
    (Offer.Status.SUGGESTION, Offer.Status.DRAFT): "cress",
    (Offer.Status.DRAFT, Offer.Status.REVIEW): "operator",
    (Offer.Status.REVIEW, Offer.Status.DRAFT): "operator",
    (Offer.Status.REVIEW, Offer.Status.PUBLISHED): "cress",
    (Offer.Status.PUBLISHED, Offer.Status.ARCHIVED): "operator",
    (Offer.Status.ARCHIVED, Offer.Status.DRAFT): "operator",
    (Offer.Status.SUGGESTION, Offer.Status.ARCHIVED): "cress",
    (Offer.Status.DRAFT, Offer.Status.ARCHIVED): "operator",
}
TRANSITION_LABELS = {
    Offer.Status.REVIEW: "Soumettre à la CRESS",
    Offer.Status.PUBLISHED: "Publier",
    Offer.Status.DRAFT: "Repasser en brouillon",
    Offer.Status.ARCHIVED: "Archiver",
}


class TransitionRefused(Exception):
    """The move is not allowed; the message says why, in French."""


def allowed_transitions(offer: Offer, *, is_cress: bool) -> list[str]:
    """The statuses this person may move the offer to (the CRESS may do what operators do)."""
    return [
        target
        for (source, target), who in TRANSITIONS.items()
        if source == offer.status and (who == "operator" or is_cress)
    ]


@transaction.atomic
def offer_transition(*, offer: Offer, to: str, by: Any, is_cress: bool, comment: str = "") -> Offer:
    """Move the offer to another status and record who did it, and why."""
    if to not in allowed_transitions(offer, is_cress=is_cress):
        raise TransitionRefused(
            f"Impossible de passer une offre « {offer.get_status_display().lower()} » à "
            f"« {Offer.Status(to).label.lower()} »."
        )
    before = offer_snapshot(offer)
    offer.status = to
    if to == Offer.Status.PUBLISHED:
        offer.reviewed_on = date.today()
    offer.save()
    summary = f"{Offer.Status(before['status']).label} → {Offer.Status(to).label}"
    revision = offer_record_revision(
        offer=offer, before=before, by=by, summary=summary + (f" : {comment}" if comment else "")
    )
    assert revision is not None
    return offer


@transaction.atomic
def offer_mark_reviewed(*, offer: Offer, by: Any) -> None:
    """The operator confirms the offer is still right: its freshness starts again."""
    before = offer_snapshot(offer)
    offer.reviewed_on = date.today()
    offer.save()
    OfferRevision.objects.create(
        offer=offer, author=by, summary="Relue et confirmée à jour", changes=diff(before, offer_snapshot(offer))
    )


@transaction.atomic
def offer_suggest(*, title: str, operator_name: str, summary: str, url: str = "", details: str = "") -> Offer:
    """A visitor points out an offer the catalogue lacks: it waits as a suggestion in the
    CRESS's moderation queue. An operator the directory does not know is created hidden from it,
    for the CRESS to check; the public sees nothing until the CRESS publishes."""
    operator = Organisation.objects.filter(search_name=fold(operator_name)[:200]).first()
    if operator is None:
        operator = Organisation.objects.create(name=operator_name, is_active=False)
    offer = Offer.objects.create(
        title=title,
        slug=unique_slug(title, Offer.objects.all(), fallback="offre"),
        summary=summary,
        description=details,
        url=url,
        operator=operator,
        status=Offer.Status.SUGGESTION,
    )
    offer_refresh_search(offer)
    offer_record_revision(offer=offer, before={}, by=None, summary="Suggestion du public")
    return offer
