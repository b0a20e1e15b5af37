"""The catalogue's state machine: who may move an offer from one status to another."""

from __future__ import annotations

from essaim.catalog.models import Offer, OfferRevision
from essaim.catalog.quality import Channels, publication_missing
from essaim.core.workflows import TransitionRefused, Workflow

# Moderation: the moves between statuses and who may make each, "operator" (the editors of its
# structure) or "cress" (CRESS staff, who hold both roles).
S = Offer.Status
MODERATION = Workflow(
    "offer",
    dict(S.choices),
    [
        # In each state, the first move listed is the one a moderator is expected to make.
        (S.SUGGESTION, S.DRAFT, "Reprendre en brouillon", "cress"),
        (S.SUGGESTION, S.ARCHIVED, "Écarter", "cress"),
        (S.DRAFT, S.REVIEW, "Soumettre à la CRESS", "operator"),
        (S.DRAFT, S.ARCHIVED, "Archiver", "operator"),
        (S.REVIEW, S.PUBLISHED, "Publier", "cress"),
        (S.REVIEW, S.DRAFT, "Renvoyer en brouillon", "operator"),
        (S.PUBLISHED, S.ARCHIVED, "Archiver", "operator"),
        (S.ARCHIVED, S.DRAFT, "Repasser en brouillon", "operator"),
    ],
)

# A change to a published offer: the CRESS accepts or refuses a pending one, and marks as seen a
# low-risk one that went live at once.
R = OfferRevision.Status
REVISION = Workflow(
    "offer_revision",
    dict(R.choices),
    [
        (R.PENDING, R.APPROVED, "Accepter la modification", "cress"),
        (R.PENDING, R.REFUSED, "Refuser la modification", "cress"),
        (R.LIVE, R.SEEN, "Marquer comme vue", "cress"),
    ],
)


def offer_channels(offer: Offer) -> Channels:
    """The offer's ways to act, its operator's included."""
    operator = offer.operator
    return Channels(
        application_url=offer.application_url,
        url=offer.url,
        contact_email=offer.contact_email,
        contact_phone=offer.contact_phone,
        operator_website=operator.website if operator else "",
        operator_email=operator.email if operator else "",
        operator_phone=operator.phone if operator else "",
    )


def publication_check(offer: Offer) -> None:
    """Refuse to publish an offer that gives the reader no way to act (`TransitionRefused`, in
    French, saying what to add)."""
    missing = publication_missing(offer_channels(offer))
    if missing:
        raise TransitionRefused(f"« {offer.title} » ne peut pas être publiée : il lui manque {', '.join(missing)}.")
