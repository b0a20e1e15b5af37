"""The self-diagnostic's writes (one module per behaviour)."""

from essaim.diagnostics.services.advisers import adviser_invite, adviser_remove, comment_add
from essaim.diagnostics.services.answers import answer_save
from essaim.diagnostics.services.bank import item_version_save
from essaim.diagnostics.services.campaigns import (
    DiagnosticRefused,
    campaign_close,
    campaign_delete,
    campaign_open,
    campaign_share_with_peers,
    respondent_invite,
)
from essaim.diagnostics.services.plan import action_save, position_save
from essaim.diagnostics.services.support import support_request

__all__ = [
    "DiagnosticRefused",
    "action_save",
    "adviser_invite",
    "adviser_remove",
    "answer_save",
    "campaign_close",
    "campaign_delete",
    "campaign_open",
    "campaign_share_with_peers",
    "comment_add",
    "item_version_save",
    "position_save",
    "respondent_invite",
    "support_request",
]
