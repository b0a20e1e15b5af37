"""What the history follows in the steering of a strategy (read by `essaim.core.history`),
registered at start-up: actions, indicator values, progress reports, campaigns, meetings,
decisions and bilans, field by field."""

from __future__ import annotations

from typing import Any

from essaim.core.history import Extra, track
from essaim.strategy.models import Action, Bilan, Campaign, Decision, IndicatorValue, Meeting, ProgressReport


def _sorted(relation: str, column: str) -> Any:
    return lambda instance: sorted(getattr(instance, relation).values_list(column, flat=True))


track(
    Action,
    fields=[
        "title",
        "description",
        "public_summary",
        "node_id",
        "pilot_id",
        "group_id",
        "planned_start",
        "planned_end",
        "status",
        "weather",
        "is_public",
    ],
    extras={
        "leads": Extra("référents", _sorted("leads", "email")),
        "partners": Extra("partenaires", _sorted("partners", "name")),
        "plans": Extra("plans d'actions", _sorted("plans", "code")),
    },
)
track(IndicatorValue, fields=["measured_on", "value", "source", "vintage", "comment", "state"])
track(
    ProgressReport,
    fields=[
        "state",
        "status",
        "weather",
        "done",
        "next_steps",
        "blockers",
        "support_needed",
        "highlights",
        "review_comment",
    ],
)
track(Campaign, fields=["title", "period_label", "opens_on", "due_on", "meeting_id", "status"])
track(Meeting, fields=["body_id", "held_on", "title", "agenda", "minutes", "is_public"])
track(Decision, fields=["meeting_id", "text", "owner_id", "due_on", "status", "done_on"])
track(Bilan, fields=["title", "as_of", "published_at"])
