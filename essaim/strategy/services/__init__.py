"""Writes on the steering of a strategy, one module per behaviour. Every service is keyword-only,
atomic, checks the state change it makes (a refusal is a `TransitionRefused` with a French
message) and leaves a history entry."""

from essaim.strategy.services.actions import action_update, document_add, milestone_reach
from essaim.strategy.services.bilans import bilan_file_content, bilan_publish, bilan_take, bilan_withdraw
from essaim.strategy.services.campaigns import (
    RemindersSent,
    campaign_close,
    campaign_close_as_ended,
    campaign_create,
    campaign_open,
    campaign_reminders_send,
    campaigns_of_ended_strategies_close,
)
from essaim.strategy.services.governance import decision_create, decision_follow_up, meeting_create
from essaim.strategy.services.reports import (
    report_closed_message,
    report_return,
    report_save,
    report_submit,
    report_validate,
)
from essaim.strategy.services.values import (
    ProposedValue,
    platform_fed_indicators,
    platform_indicator_update,
    platform_indicators_update,
    value_propose,
    value_review,
)

__all__ = [
    "ProposedValue",
    "RemindersSent",
    "action_update",
    "bilan_file_content",
    "bilan_publish",
    "bilan_take",
    "bilan_withdraw",
    "campaign_close",
    "campaign_close_as_ended",
    "campaign_create",
    "campaign_open",
    "campaign_reminders_send",
    "campaigns_of_ended_strategies_close",
    "decision_create",
    "decision_follow_up",
    "document_add",
    "meeting_create",
    "milestone_reach",
    "platform_fed_indicators",
    "platform_indicator_update",
    "platform_indicators_update",
    "report_closed_message",
    "report_return",
    "report_save",
    "report_submit",
    "report_validate",
    "value_propose",
    "value_review",
]
