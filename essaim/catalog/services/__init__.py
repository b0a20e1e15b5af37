"""Writes on the catalogue: every change to an offer goes through here and leaves its history.

`offer_save` is the one way to save an offer's content (the operator's form, the import, the
admin, the test factories); `offer_transition` the one way to change its status. An operator's
edit of a published offer goes through `offer_revise`: it waits for the CRESS as an
`OfferRevision` (`offer_revision_approve`, `offer_revision_refuse`), unless it only touches
fields the CRESS declared low-risk.
"""

from essaim.catalog.services.offers import (
    OfferSaved,
    offer_create,
    offer_event_record,
    offer_mark_reviewed,
    offer_save,
    offer_transition,
    search_log_record,
)
from essaim.catalog.services.revisions import (
    OfferRevised,
    offer_revise,
    offer_revision_approve,
    offer_revision_dismiss,
    offer_revision_refuse,
)
from essaim.catalog.services.suggestions import offer_suggest, offer_suggestion_assign
from essaim.core.workflows import TransitionRefused

__all__ = [
    "OfferRevised",
    "OfferSaved",
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
