from essaim.strategy.views.actions import action_edit, document_add, milestone_done
from essaim.strategy.views.campaigns import campaign_create, campaign_transition
from essaim.strategy.views.exports import action_plan, bilan_file, indicator_values
from essaim.strategy.views.governance import decision_create, decision_update, governance, meeting_create
from essaim.strategy.views.public import (
    action_detail,
    bilan_compare,
    bilan_detail,
    detail,
    index,
    indicators,
)
from essaim.strategy.views.reports import report, report_review
from essaim.strategy.views.values import indicator_history, value_review
from essaim.strategy.views.workspace import bilan_create, bilan_publication, board, workspace

__all__ = [
    "action_detail",
    "action_edit",
    "action_plan",
    "bilan_compare",
    "bilan_create",
    "bilan_detail",
    "bilan_file",
    "bilan_publication",
    "board",
    "campaign_create",
    "campaign_transition",
    "decision_create",
    "decision_update",
    "detail",
    "document_add",
    "governance",
    "index",
    "indicator_history",
    "indicator_values",
    "indicators",
    "meeting_create",
    "milestone_done",
    "report",
    "report_review",
    "value_review",
    "workspace",
]
