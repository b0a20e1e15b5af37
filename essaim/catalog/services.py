"""Writes on the catalogue: every change to an offer goes through here and leaves its history.

`offer_save` is the one way to save an offer's content (the operator's form, the import, the
admin, the test factories); `offer_transition` the one way to change its status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from essaim.catalog import text_search
from essaim.catalog.models import TAXONOMY_MODELS, Offer, OfferEvent, OfferTerritory, SearchLog
from essaim.catalog.workflows import MODERATION, publication_check
from essaim.core import history
from essaim.core.slugs import unique_slug
from essaim.core.text import fold
from essaim.core.workflows import TransitionRefused
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
    # Locked: two saves at once would each record the other's change as their own.
    existing = Offer.objects.select_for_update().filter(pk=offer.pk).first() if offer.pk else None
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
    if before and counts_as_review and changes and offer.reviewed_on != timezone.localdate():
        changes["reviewed_on"] = [before.get("reviewed_on"), timezone.localdate().isoformat()]
        offer.reviewed_on = timezone.localdate()
        offer.save(update_fields=["reviewed_on", "review_due_on"])
    # Always: the search also reads the operator's name and the terms' labels, which the
    # history does not follow, so a save with no recorded change may still refresh it.
    _search_refresh(offer)
    if changes or not before:
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
    """Recompute what the text search reads, once the offer and its relations are saved: the
    stems of the title, summary and description in order (ranking) and the distinct stems of
    all the offer's text, operator and taxonomy labels included (matching); written only when
    they moved."""
    labels = [term.label for name in TAXONOMY_MODELS for term in getattr(offer, name).all()]
    indexed = {
        "search_title": text_search.sequence(offer.title),
        "search_summary": text_search.sequence(offer.summary),
        "search_description": text_search.sequence(offer.description),
        "search_document": text_search.document(
            offer.title, offer.summary, offer.description, offer.operator.name, *labels
        ),
    }
    if any(getattr(offer, name) != value for name, value in indexed.items()):
        for name, value in indexed.items():
            setattr(offer, name, value)
        Offer.objects.filter(pk=offer.pk).update(**indexed)


@transaction.atomic
def offer_transition(*, offer: Offer, to: str, by: Any, roles: set[str], comment: str = "") -> Offer:
    """Move the offer to another status, if the moderation table lets these roles do it, and
    record who did it, and why. Refused moves raise `TransitionRefused` (a French message)."""
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    MODERATION.check(offer.status, to, roles=roles)
    if to == Offer.Status.PUBLISHED:
        publication_check(offer)
    summary = f"{MODERATION.label(offer.status)} → {MODERATION.label(to)}" + (f" : {comment}" if comment else "")
    with history.tracking(offer, by=by, summary=summary):
        offer.status = to
        if to == Offer.Status.PUBLISHED:
            offer.reviewed_on = timezone.localdate()
        offer.save()
    return offer


@transaction.atomic
def offer_mark_reviewed(*, offer: Offer, by: Any) -> None:
    """The operator confirms the offer is still right: its freshness starts again."""
    before = history.snapshot(offer)
    offer.reviewed_on = timezone.localdate()
    offer.save()
    history.record_event(
        offer, by=by, summary="Relue et confirmée à jour", changes=history.diff(before, history.snapshot(offer))
    )


@transaction.atomic
def offer_suggest(*, title: str, operator_name: str, summary: str, url: str = "", details: str = "") -> Offer:
    """A visitor points out an offer the catalogue lacks: it waits as a suggestion in the
    CRESS's moderation queue, held by a structure hidden from the directory under the name the
    visitor typed. Even when that name is a structure of the directory, the suggestion is not
    attached to it: anyone may type any name, and only the CRESS hands a suggestion to its
    operator (`offer_suggestion_assign`). The public sees nothing until the CRESS publishes."""
    offer = Offer(
        title=title,
        summary=summary,
        description=details,
        url=url,
        operator=_suggestion_holder(operator_name),
        status=Offer.Status.SUGGESTION,
    )
    return offer_save(offer=offer, by=None, summary="Suggestion du public").offer


def _suggestion_holder(operator_name: str) -> Organisation:
    """A hidden structure of that name that nobody belongs to (so no one's workspace shows its
    offers), created if there is none."""
    holder = Organisation.objects.filter(
        search_name=fold(operator_name)[:200], is_active=False, memberships__isnull=True
    ).first()
    return holder or Organisation.objects.create(name=operator_name, is_active=False)


@transaction.atomic
def offer_suggestion_assign(*, offer: Offer, operator: Organisation, by: Any, roles: set[str]) -> Offer:
    """The CRESS hands a suggestion to a structure of the directory: the offer becomes that
    structure's draft, for its editors to complete, and the hidden structure that held it goes
    if nothing else holds to it. Refused (`TransitionRefused`) unless the roles may take up a
    suggestion."""
    offer = Offer.objects.select_for_update().select_related("operator").get(pk=offer.pk)
    MODERATION.check(offer.status, Offer.Status.DRAFT, roles=roles)
    if not operator.is_active:
        raise TransitionRefused(f"« {operator.name} » n'est pas une structure visible de l'annuaire.")
    holder = offer.operator
    with history.tracking(offer, by=by, summary=f"Suggestion confiée à {operator.name}"):
        offer.operator = operator
        offer.status = Offer.Status.DRAFT
        offer.save()
    _search_refresh(offer)
    if not holder.is_active and not holder.memberships.exists() and not holder.offers.exists():
        try:
            with transaction.atomic():
                holder.delete()
        except ProtectedError:  # another module refers to it: it stays, hidden
            pass
    return offer


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
    "offer_suggestion_assign",
    "offer_transition",
    "search_log_record",
]
