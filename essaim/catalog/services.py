"""Writes on the catalogue: every change to an offer goes through here and leaves its history.

`offer_save` is the one way to save an offer's content (the operator's form, the import, the
admin, the test factories); `offer_transition` the one way to change its status. An operator's
edit of a published offer goes through `offer_revise`: it waits for the CRESS as an
`OfferRevision` (`offer_revision_approve`, `offer_revision_refuse`), unless it only touches
fields the CRESS declared low-risk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from essaim.catalog import text_search
from essaim.catalog.models import (
    TAXONOMY_MODELS,
    Offer,
    OfferEvent,
    OfferRevision,
    OfferTerritory,
    RevisionPolicy,
    SearchLog,
    columns_apply,
)
from essaim.catalog.workflows import MODERATION, REVISION, publication_check
from essaim.core import history
from essaim.core.emails import send_templated_email
from essaim.core.slugs import unique_slug
from essaim.core.text import fold, without_control_characters
from essaim.core.workflows import TransitionRefused
from essaim.organisations.models import Organisation
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


@dataclass(frozen=True)
class OfferRevised:
    offer: Offer  # as the public sees it after the edit
    outcome: str  # one of the constants below
    revision: OfferRevision | None = None

    SAVED = "saved"  # not a published offer, or edited by the CRESS: saved as is
    PENDING = "pending"  # waits for the CRESS; the published version stays online
    LIVE = "live"  # only low-risk fields: online now, flagged for the CRESS
    UNCHANGED = "unchanged"
    WITHDRAWN = "withdrawn"  # brought back to the published version: the pending change is dropped


@transaction.atomic
def offer_revise(
    *,
    offer: Offer,
    by: Any,
    roles: set[str],
    relations: Mapping[str, Iterable[Any]] | None = None,
    territories: Iterable[Territory] | None = None,
) -> OfferRevised:
    """An edit of an existing offer from the workspace (`offer`: changed in memory, not saved).

    The CRESS's edits, and any edit of an offer the public does not see, are saved at once.
    An operator's edit of a published offer is compared with the published version: if it only
    touches fields the CRESS declared low-risk (`RevisionPolicy`), it goes live and is flagged
    for the CRESS; otherwise all of it waits, as the offer's one pending revision, which a new
    edit replaces. The rule is per edit, not per field: a low-risk field edited together with
    the title waits with it, so nothing of a risky edit ever goes online unseen."""
    published = Offer.objects.select_for_update().get(pk=offer.pk)
    if "cress" in roles or published.status != Offer.Status.PUBLISHED:
        saved = offer_save(offer=offer, by=by, relations=relations, territories=territories)
        return OfferRevised(offer=saved.offer, outcome=OfferRevised.SAVED if saved.changed else OfferRevised.UNCHANGED)
    changes = history.diff(history.snapshot(published), _proposed_snapshot(offer, relations, territories))
    pending = published.revisions.pending().first()
    if not changes:
        if pending is not None:
            pending.delete()
            history.record_event(published, by=by, summary="Modification en attente retirée", changes={})
            return OfferRevised(offer=published, outcome=OfferRevised.WITHDRAWN)
        return OfferRevised(offer=published, outcome=OfferRevised.UNCHANGED)
    if set(changes) <= RevisionPolicy.current().low_risk():
        if pending is not None:
            pending.delete()
            history.record_event(published, by=by, summary="Modification en attente retirée", changes={})
        _changes_apply(
            offer=published,
            changes=changes,
            by=by,
            summary="Modification publiée sans attente (champs à faible risque)",
        )
        live = published.revisions.filter(status=OfferRevision.Status.LIVE).first()
        if live is None:
            live = OfferRevision(offer=published, status=OfferRevision.Status.LIVE, changes={})
        # One flag per offer: each field keeps, as "before", the value it had when it was flagged.
        flagged = dict(live.changes)
        for name, (before, after) in changes.items():
            first = flagged.get(name, [before])[0]
            if first == after:
                flagged.pop(name, None)
            else:
                flagged[name] = [first, after]
        if not flagged:
            if live.pk:
                live.delete()
            return OfferRevised(offer=published, outcome=OfferRevised.LIVE)
        live.changes = flagged
        live.author = by if getattr(by, "is_authenticated", False) else None
        live.save()
        return OfferRevised(offer=published, outcome=OfferRevised.LIVE, revision=live)
    revision = pending or OfferRevision(offer=published, status=OfferRevision.Status.PENDING)
    revision.changes = changes
    revision.author = by if getattr(by, "is_authenticated", False) else None
    revision.save()
    labels = ", ".join(line.label for line in history.describe_changes(Offer, changes))
    history.record_event(
        published,
        by=by,
        summary=f"Modification {'reprise' if pending else 'proposée'}, en attente de la CRESS : {labels}",
        changes={},
    )
    return OfferRevised(offer=published, outcome=OfferRevised.PENDING, revision=revision)


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


@transaction.atomic
def offer_revision_approve(*, revision: OfferRevision, by: Any) -> OfferRevision:
    """The CRESS accepts a pending change: it goes online (through `offer_save`, in the offer's
    history) and its author is told by e-mail."""
    offer, revision = _revision_lock(revision)
    REVISION.check(revision.status, OfferRevision.Status.APPROVED, roles={"cress"})
    _changes_apply(offer=offer, changes=revision.changes, by=by, summary="Modification acceptée par la CRESS")
    return _revision_decide(revision, status=OfferRevision.Status.APPROVED, by=by)


@transaction.atomic
def offer_revision_refuse(*, revision: OfferRevision, by: Any, reason: str) -> OfferRevision:
    """The CRESS refuses a pending change, saying why: the published version stays as it was,
    and the author reads the reason in the workspace and by e-mail."""
    reason = " ".join(without_control_characters(reason).split())[:500]
    if not reason:
        raise TransitionRefused("Indiquez à l'opérateur pourquoi la modification est refusée.")
    _offer, revision = _revision_lock(revision)
    REVISION.check(revision.status, OfferRevision.Status.REFUSED, roles={"cress"})
    revision.reason = reason
    history.record_event(revision.offer, by=by, summary=f"Modification refusée par la CRESS : {reason}", changes={})
    return _revision_decide(revision, status=OfferRevision.Status.REFUSED, by=by)


@transaction.atomic
def offer_revision_dismiss(*, revision: OfferRevision, by: Any) -> OfferRevision:
    """The CRESS has looked at a low-risk change that went online at once: the flag goes."""
    _offer, revision = _revision_lock(revision)
    REVISION.check(revision.status, OfferRevision.Status.SEEN, roles={"cress"})
    revision.status = OfferRevision.Status.SEEN
    revision.decided_by = by
    revision.decided_at = timezone.now()
    revision.save()
    return revision


def _revision_lock(revision: OfferRevision) -> tuple[Offer, OfferRevision]:
    """Lock the offer, then its revision, in the order `offer_revise` and `offer_transition`
    take them (the offer first), so that a decision and an edit at once never deadlock."""
    offer = Offer.objects.select_for_update().get(pk=revision.offer_id)
    locked = OfferRevision.objects.select_for_update().get(pk=revision.pk)
    locked.offer = offer
    return offer, locked


def _revision_decide(revision: OfferRevision, *, status: str, by: Any) -> OfferRevision:
    revision.status = status
    revision.decided_by = by
    revision.decided_at = timezone.now()
    revision.save()
    author = revision.author
    if author is not None and author.email and author.is_active:
        offer = revision.offer
        send_templated_email(
            template="emails/offer_revision_decided",
            to=[author.email],
            context={
                "offer": offer,
                "revision": revision,
                "lines": history.describe_changes(Offer, revision.changes),
                "edit_url": f"{settings.SITE_URL}{reverse('catalog:offer_edit', args=[offer.pk])}",
                "public_url": f"{settings.SITE_URL}{offer.get_absolute_url()}",
            },
        )
    return revision


def search_log_record(*, kind: str, criteria: dict[str, Any], result_count: int) -> None:
    """Keep what a search asked (criteria only, nothing personal) and how many offers it found,
    for the CRESS's gaps dashboard."""
    SearchLog.objects.create(kind=kind, criteria=criteria, result_count=result_count)


def offer_event_record(*, offer: Offer, kind: str) -> None:
    """Count a view of an offer or a click on one of its links (no visitor data)."""
    OfferEvent.objects.create(offer=offer, kind=kind)


__all__ = [
    "OfferRevised",
    "TransitionRefused",
    "offer_create",
    "offer_event_record",
    "offer_mark_reviewed",
    "offer_revise",
    "offer_revision_approve",
    "offer_revision_dismiss",
    "offer_revision_refuse",
    "offer_save",
    "offer_suggest",
    "offer_suggestion_assign",
    "offer_transition",
    "search_log_record",
]
