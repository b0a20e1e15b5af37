"""The catalogue's state machine: who may move an offer from one status to another."""

from __future__ import annotations

from essaim.catalog.models import Offer
from essaim.core.workflows import Workflow

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
