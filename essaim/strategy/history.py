"""Keeping the history: every write to an action, an indicator value or a report goes through
`tracking`, which records who changed which field from what to what."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from essaim.strategy.models import Action, Bilan, Campaign, Change, Decision, IndicatorValue, Meeting, ProgressReport
from essaim.strategy.values import decimal_text

TRACKED: dict[type[models.Model], list[str]] = {
    Action: [
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
    IndicatorValue: ["measured_on", "value", "source", "vintage", "comment", "state"],
    ProgressReport: [
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
    Campaign: ["title", "period_label", "opens_on", "due_on", "meeting_id", "status"],
    Meeting: ["body_id", "held_on", "title", "agenda", "minutes", "is_public"],
    Decision: ["meeting_id", "text", "owner_id", "due_on", "status", "done_on"],
    Bilan: ["title", "as_of", "published_at"],
}


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return decimal_text(value)
    return value


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The tracked values of an object, JSON-ready ({} for an object not yet saved)."""
    if instance.pk is None:
        return {}
    values = {name: _plain(getattr(instance, name)) for name in TRACKED[type(instance)]}
    if isinstance(instance, Action):
        values["leads"] = sorted(instance.leads.values_list("email", flat=True))
        values["partners"] = sorted(instance.partners.values_list("name", flat=True))
        values["plans"] = sorted(instance.plans.values_list("code", flat=True))
    return values


def strategy_of(instance: models.Model) -> Any:
    if isinstance(instance, Action):
        return instance.strategy
    if isinstance(instance, IndicatorValue):
        return instance.indicator.strategy
    if isinstance(instance, ProgressReport):
        return instance.action.strategy
    if isinstance(instance, (Campaign, Bilan)):
        return instance.strategy
    if isinstance(instance, Meeting):
        return instance.body.strategy
    if isinstance(instance, Decision):
        return instance.meeting.body.strategy
    raise TypeError(type(instance))


def record(instance: models.Model, before: dict[str, Any], *, by: Any, summary: str) -> Change | None:
    """Write what changed since `before`; nothing when nothing changed (a creation is recorded
    with every field)."""
    after = snapshot(instance)
    changes = {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}
    if not changes:
        return None
    return record_event(instance, by=by, summary=summary, changes=changes)


def record_event(instance: models.Model, *, by: Any, summary: str, changes: dict[str, list[Any]]) -> Change:
    """Record a change that is not a field of the object itself (a milestone reached, a document
    added to an action)."""
    return Change.objects.create(
        strategy=strategy_of(instance),
        content_type=ContentType.objects.get_for_model(instance),
        object_id=instance.pk,
        object_label=str(instance)[:300],
        author=by if getattr(by, "is_authenticated", False) else None,
        summary=summary[:200],
        changes=changes,
    )


@contextmanager
def tracking(instance: models.Model, *, by: Any, summary: str) -> Iterator[None]:
    """with tracking(action, by=user, summary="…"): change and save; the change is recorded."""
    before = snapshot(instance)
    yield
    record(instance, before, by=by, summary=summary)


def changes_of(instance: models.Model) -> models.QuerySet[Change]:
    return Change.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
    ).select_related("author")
