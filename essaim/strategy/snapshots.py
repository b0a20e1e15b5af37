"""Taking a bilan: the strategy as validated reports described it at a date, frozen in JSON
(the format and its versions: `strategy/bilan_document.py`, through which every reader goes)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from essaim.core.history import entries_of_many
from essaim.core.models import HistoryEntry
from essaim.strategy import bilan_data
from essaim.strategy.bilan_document import CURRENT_VERSION
from essaim.strategy.models import Action, IndicatorValue, Milestone, ProgressReport, Strategy
from essaim.strategy.progress import indicator_progress
from essaim.strategy.values import decimal_text


def _by_action(rows: Any) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["action_id"]].append(row)
    return grouped


def _last_report(reports: list[dict[str, Any]], as_of: date) -> dict[str, Any] | None:
    """The last report validated by `as_of` (end of that day), among the action's validated ones."""
    reports = [report for report in reports if timezone.localdate(report["reviewed_at"]) <= as_of]
    return max(reports, key=lambda report: (report["reviewed_at"], report["pk"]), default=None)


def _values_at(current: dict[str, Any], as_of: date, history: list[HistoryEntry]) -> tuple[str, str]:
    """The action's status and météo at the end of `as_of`, read back from its history: the
    "after" of the last change made by then, else the "before" of the first change made later,
    else the current values."""
    values = {"status": current["status"], "weather": current["weather"]}
    for name in values:
        changes = [change for change in history if name in change.changes]
        done = [change for change in changes if timezone.localdate(change.created_at) <= as_of]
        later = [change for change in changes if timezone.localdate(change.created_at) > as_of]
        if done:
            values[name] = max(done, key=lambda change: (change.created_at, change.pk)).changes[name][1]
        elif later:
            first = min(later, key=lambda change: (change.created_at, change.pk)).changes[name][0]
            values[name] = first if first is not None else values[name]
    return values["status"] or "", values["weather"] or ""


def build(strategy: Strategy, as_of: date, *, live: bool = False) -> dict[str, Any]:
    """The data of a bilan. For each action, the status and météo come from its last report
    validated by `as_of`; without one, from the action's history at that date. Indicator values
    are the validated ones measured by `as_of`.

    `live` (the dashboard of today) takes every action's current status and météo instead.

    Each kind of row (actions, leads, milestones, reports) is read once for the whole strategy, as
    plain values, and grouped by action here: the cost grows with the strategy's size only (a
    strategy of 15,000 actions), without a model instance per row."""
    in_strategy = {"action__strategy": strategy}
    actions = list(
        strategy.actions.order_by("order").values(
            "pk",
            "code",
            "title",
            "node__code",
            "is_public",
            "public_summary",
            "status",
            "weather",
            "planned_end",
            "pilot__name",
        )
    )
    leads = _by_action(
        Action.leads.through.objects.filter(**in_strategy).values("action_id", "user__full_name", "user__email")
    )
    milestones = _by_action(Milestone.objects.filter(**in_strategy).values("action_id", "done_on"))
    reports = _by_action(
        ProgressReport.objects.filter(
            **in_strategy, state=ProgressReport.State.VALIDATED, reviewed_at__isnull=False
        ).values(
            "action_id",
            "pk",
            "reviewed_at",
            "status",
            "weather",
            "campaign__title",
            "done",
            "next_steps",
            "blockers",
            "highlights",
        )
    )
    history: dict[int, list[HistoryEntry]] = {}
    if not live:
        for change in entries_of_many(Action, strategy.actions.values("pk")):
            history.setdefault(change.object_id, []).append(change)
    ended = strategy.is_ended_on(as_of)
    action_rows = []
    for action in actions:
        report = _last_report(reports.get(action["pk"], []), as_of)
        if live:
            status, weather = action["status"], action["weather"]
        elif report:
            status, weather = report["status"] or action["status"], report["weather"]
        else:
            status, weather = _values_at(action, as_of, history.get(action["pk"], []))
        action_milestones = milestones.get(action["pk"], [])
        planned_end = action["planned_end"]
        action_rows.append(
            {
                "code": action["code"],
                "title": action["title"],
                "node": action["node__code"],
                "public": action["is_public"],
                "public_summary": action["public_summary"],
                "status": status,
                "weather": weather,
                # Still open after its planned end, or after the strategy's end (then "non réalisée").
                "late": status not in Action.CLOSED_STATUSES and (bool(planned_end and planned_end < as_of) or ended),
                "planned_end": planned_end.isoformat() if planned_end else None,
                "pilot": action["pilot__name"] or "",
                "leads": sorted(lead["user__full_name"] or lead["user__email"] for lead in leads.get(action["pk"], [])),
                "milestones": len(action_milestones),
                "milestones_done": sum(
                    1 for milestone in action_milestones if milestone["done_on"] and milestone["done_on"] <= as_of
                ),
                "report": None
                if report is None
                else {
                    "campaign": report["campaign__title"] or "",
                    "done": report["done"],
                    "next_steps": report["next_steps"],
                    "blockers": report["blockers"],
                    "highlights": report["highlights"],
                },
            }
        )
    indicator_rows = []
    indicators = strategy.indicators.prefetch_related(
        "targets", Prefetch("values", queryset=IndicatorValue.objects.filter(state=IndicatorValue.State.VALIDATED))
    )
    for indicator in indicators:
        values = sorted(
            (value for value in indicator.values.all() if value.measured_on <= as_of), key=lambda v: v.measured_on
        )
        current = values[-1] if values else None
        target = indicator.final_target()
        indicator_rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "kind": indicator.kind,
                "unit": indicator.unit,
                "decimals": indicator.decimals,
                "public": indicator.is_public,
                "baseline": _number(indicator.baseline_value),
                "target": _number(target.value) if target else None,
                "target_on": target.due_on.isoformat() if target else None,
                "current": _number(current.value) if current else None,
                "current_on": current.measured_on.isoformat() if current else None,
                "source": current.source if current else indicator.source,
                "vintage": current.vintage if current else "",
                "progress": indicator_progress(
                    baseline=indicator.baseline_value,
                    target=target.value if target else None,
                    current=current.value if current else None,
                ),
                "values": [
                    {
                        "on": v.measured_on.isoformat(),
                        "value": _number(v.value),
                        "source": v.source,
                        "vintage": v.vintage,
                    }
                    for v in values
                ],
            }
        )
    nodes = [
        {
            "code": node.code,
            "title": node.title,
            "level": node.level,
            "level_label": strategy.label_of_level(node.level),
            "parent": node.parent.code if node.parent_id else "",
        }
        for node in strategy.nodes.select_related("parent").order_by("order")
    ]
    data = {
        "version": CURRENT_VERSION,
        "strategy": {"code": strategy.code, "title": strategy.title, "level_labels": strategy.level_labels},
        "as_of": as_of.isoformat(),
        "nodes": nodes,
        "actions": action_rows,
        "indicators": indicator_rows,
    }
    data["counts"] = bilan_data.counts(action_rows)
    data["nodes"] = bilan_data.with_node_counts(data)
    return data


def _number(value: Any) -> str | None:
    """Decimals are kept as text in the JSON, exactly as stored."""
    return None if value is None else decimal_text(value)
