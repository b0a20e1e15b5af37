"""Saving offers and moving them through moderation: `offer_save` is the one way to save an
offer's content (the operator's form, the import, the admin, the test factories), `offer_transition`
the one way to change its status; also what the public pages record (searches, views)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from essaim.catalog import text_search
from essaim.catalog.models import (
    TAXONOMY_MODELS,
    Offer,
    OfferEvent,
    OfferTerritory,
    SearchLog,
    columns_apply,
)
from essaim.catalog.workflows import MODERATION, publication_check
from essaim.core import history
from essaim.core.slugs import unique_slug
from essaim.territories.names import TerritoryNames

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
    pending = offer.revisions.pending().first()
    if pending is not None and offer.status == Offer.Status.PUBLISHED:
        # Off the public pages, the change needs no approval now (the offer goes through
        # moderation again before it is published): the operator's work is applied, not lost.
        _changes_apply(offer=offer, changes=pending.changes, by=by, summary="Modification en attente appliquée")
        pending.delete()
        offer.refresh_from_db()
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
def offer_create(
    *,
    offer: Offer,
    by: Any,
    token: str,
    relations: Mapping[str, Iterable[Any]] | None = None,
    territories: Iterable[Territory] | None = None,
) -> OfferSaved:
    """Create an offer from a form carrying a one-time `token`: the same form sent twice (a
    double click, a reload, two requests at once) gives back the offer the first one created
    (`created` False), never a second one. An empty token creates without this check."""
    offer.creation_token = token or None
    try:
        with transaction.atomic():
            return offer_save(offer=offer, by=by, relations=relations, territories=territories)
    except IntegrityError:
        # The token is a unique column: the first sending holds it, even one still running
        # (the database makes the second wait, then refuse). Give back the first one's offer.
        existing = Offer.objects.filter(creation_token=token).first() if token else None
        if existing is None:
            raise
        offer.pk = None
        return OfferSaved(offer=existing, created=False, changed=False)


def _proposed_snapshot(
    offer: Offer, relations: Mapping[str, Iterable[Any]] | None, territories: Iterable[Territory] | None
) -> dict[str, Any]:
    """What the history would read from the offer once saved with these relations."""
    values = history.snapshot(offer)
    for name, terms in (relations or {}).items():
        values[name] = sorted({term.slug for term in terms})
    if territories is not None:
        values["territories"] = sorted(
            {kind if kind == "france" else f"{kind}:{code}" for kind, code, _ in territories}
        )
    return values


def _changes_apply(*, offer: Offer, changes: Mapping[str, list[Any]], by: Any, summary: str) -> OfferSaved:
    """Apply to the offer the proposed value of each changed field (history format), through
    `offer_save`: the fields not in `changes` keep their current value."""
    relations: dict[str, Iterable[Any]] = {}
    territories: list[Territory] | None = None
    names = TerritoryNames()
    for name, (_before, after) in changes.items():
        if name in TAXONOMY_MODELS:
            relations[name] = TAXONOMY_MODELS[name]._default_manager.filter(slug__in=after or [])
        elif name == "territories":
            territories = []
            for token in after or []:
                kind, _, code = str(token).partition(":")
                label = "France entière" if kind == "france" else names.name(kind, code) or code
                territories.append((kind, code, label))
    columns_apply(offer, dict(changes))
    return offer_save(offer=offer, by=by, relations=relations, territories=territories, summary=summary)


def search_log_record(*, kind: str, criteria: dict[str, Any], result_count: int) -> None:
    """Keep what a search asked (criteria only, nothing personal) and how many offers it found,
    for the CRESS's gaps dashboard."""
    SearchLog.objects.create(kind=kind, criteria=criteria, result_count=result_count)


def offer_event_record(*, offer: Offer, kind: str) -> None:
    """Count a view of an offer or a click on one of its links (no visitor data)."""
    OfferEvent.objects.create(offer=offer, kind=kind)
