"""Writes on the catalogue: every change to an offer goes through here and leaves its history.

`offer_save` is the one way to save an offer's content (the operator's form, the import, the
admin, the test factories); `offer_transition` the one way to change its status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from essaim.catalog import text_search
from essaim.catalog.models import TAXONOMY_MODELS, Offer, OfferEvent, OfferTerritory, SearchLog
from essaim.core import history
from essaim.core.slugs import unique_slug
from essaim.core.text import fold
from essaim.core.workflows import TransitionRefused, Workflow
from essaim.organisations.models import Organisation

Territory = tuple[str, str, str]  # (kind, code, name): ("departement", "44", "Loire-Atlantique")


@dataclass(frozen=True)
class OfferSaved:
    offer: Offer
    created: bool
    changed: bool  # False when the save changed nothing the history follows


@transaction.atomic
def offer_save(
    *,
    offer: Offer,
    by: Any,
    relations: Mapping[str, Iterable[Any]] | None = None,
    territories: Iterable[Territory] | None = None,
    summary: str = "",
    counts_as_review: bool = False,
) -> OfferSaved:
    """Save an offer with its taxonomy terms (`relations`: field name → terms) and its
    territories, refresh what the text search reads, and record what changed. A relation or
    the territories left to None stay as they are. With `counts_as_review`, a save that changed
    something vouches for the offer as of today (an import of the operator's current data)."""
    existing = Offer.objects.filter(pk=offer.pk).first() if offer.pk else None
    before = history.snapshot(existing) if existing else {}
    if not offer.slug:
        offer.slug = unique_slug(offer.title, Offer.objects.all(), fallback="offre")
    offer.save()
    for name, terms in (relations or {}).items():
        if name not in TAXONOMY_MODELS:
            raise ValueError(f"{name} is not a taxonomy of offers")
        getattr(offer, name).set(terms)
    if territories is not None:
        _territories_replace(offer, territories)
    changes = history.diff(before, history.snapshot(offer))
    if before and counts_as_review and changes:
        offer.reviewed_on = date.today()
        offer.save(update_fields=["reviewed_on", "review_due_on"])
    if changes or not before:
        _search_refresh(offer)
        history.record_event(
            offer, by=by, summary=summary or ("Modification" if before else "Création"), changes=changes
        )
    return OfferSaved(offer=offer, created=not before, changed=bool(changes) or not before)


def _territories_replace(offer: Offer, territories: Iterable[Territory]) -> None:
    # A territory named twice (a commune typed twice in the form) is one territory.
    wanted = {(kind, code): name for kind, code, name in territories}
    if {(territory.kind, territory.code) for territory in offer.territories.all()} == set(wanted):
        return
    offer.territories.all().delete()
    OfferTerritory.objects.bulk_create(
        [OfferTerritory(offer=offer, kind=kind, code=code, name=name) for (kind, code), name in wanted.items()]
    )


def _search_refresh(offer: Offer) -> None:
    """Recompute the stems the text search looks into (title, summary, description, operator,
    taxonomy labels), once the offer and its relations are saved."""
    labels = [term.label for name in TAXONOMY_MODELS for term in getattr(offer, name).all()]
    offer.search_title = text_search.document(offer.title)
    offer.search_document = text_search.document(
        offer.title, offer.summary, offer.description, offer.operator.name, *labels
    )
    Offer.objects.filter(pk=offer.pk).update(search_title=offer.search_title, search_document=offer.search_document)


# Moderation: who may move an offer from one status to another, "operator" (the editors of its
# structure) or "cress" (CRESS staff, who hold both roles).
S = Offer.Status
MODERATION = Workflow(
    "offer",
    dict(S.choices),
    [
        (S.SUGGESTION, S.DRAFT, "Reprendre en brouillon", "cress"),
        (S.DRAFT, S.REVIEW, "Soumettre à la CRESS", "operator"),
        (S.REVIEW, S.DRAFT, "Repasser en brouillon", "operator"),
        (S.REVIEW, S.PUBLISHED, "Publier", "cress"),
        (S.PUBLISHED, S.ARCHIVED, "Archiver", "operator"),
        (S.ARCHIVED, S.DRAFT, "Repasser en brouillon", "operator"),
        (S.SUGGESTION, S.ARCHIVED, "Archiver", "cress"),
        (S.DRAFT, S.ARCHIVED, "Archiver", "operator"),
    ],
)


@transaction.atomic
def offer_transition(*, offer: Offer, to: str, by: Any, roles: set[str], comment: str = "") -> Offer:
    """Move the offer to another status, if the moderation table lets these roles do it, and
    record who did it, and why. Refused moves raise `TransitionRefused` (a French message)."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    MODERATION.check(offer.status, to, roles=roles)
    summary = f"{MODERATION.label(offer.status)} → {MODERATION.label(to)}" + (f" : {comment}" if comment else "")
    with history.tracking(offer, by=by, summary=summary):
        offer.status = to
        if to == Offer.Status.PUBLISHED:
            offer.reviewed_on = date.today()
        offer.save()
    return offer


@transaction.atomic
def offer_mark_reviewed(*, offer: Offer, by: Any) -> None:
    """The operator confirms the offer is still right: its freshness starts again."""
    before = history.snapshot(offer)
    offer.reviewed_on = date.today()
    offer.save()
    history.record_event(
        offer, by=by, summary="Relue et confirmée à jour", changes=history.diff(before, history.snapshot(offer))
    )


@transaction.atomic
def offer_suggest(*, title: str, operator_name: str, summary: str, url: str = "", details: str = "") -> Offer:
    """A visitor points out an offer the catalogue lacks: it waits as a suggestion in the
    CRESS's moderation queue. An operator the directory does not know is created hidden from it,
    for the CRESS to check; the public sees nothing until the CRESS publishes."""
    operator = Organisation.objects.filter(search_name=fold(operator_name)[:200]).first()
    if operator is None:
        operator = Organisation.objects.create(name=operator_name, is_active=False)
    offer = Offer(
        title=title,
        summary=summary,
        description=details,
        url=url,
        operator=operator,
        status=Offer.Status.SUGGESTION,
    )
    return offer_save(offer=offer, by=None, summary="Suggestion du public").offer


def search_log_record(*, kind: str, criteria: dict[str, Any], result_count: int) -> None:
    """Keep what a search asked (criteria only, nothing personal) and how many offers it found,
    for the CRESS's gaps dashboard."""
    SearchLog.objects.create(kind=kind, criteria=criteria, result_count=result_count)


def offer_event_record(*, offer: Offer, kind: str) -> None:
    """Count a view of an offer or a click on one of its links (no visitor data)."""
    OfferEvent.objects.create(offer=offer, kind=kind)


__all__ = [
    "TransitionRefused",
    "offer_event_record",
    "offer_mark_reviewed",
    "offer_save",
    "offer_suggest",
    "offer_transition",
    "search_log_record",
]
