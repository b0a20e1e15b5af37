"""An operator's edit of a published offer: it waits for the CRESS as the offer's one pending
`OfferRevision` (approved or refused in moderation), unless it only touches fields the CRESS
declared low-risk, which go live and are flagged."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from essaim.catalog.models import (
    Offer,
    OfferRevision,
    RevisionPolicy,
)
from essaim.catalog.services.offers import Territory, _changes_apply, _proposed_snapshot, offer_save
from essaim.catalog.workflows import REVISION
from essaim.core import history
from essaim.core.emails import send_templated_email
from essaim.core.text import without_control_characters
from essaim.core.workflows import TransitionRefused


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
