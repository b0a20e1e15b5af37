"""Taking a bilan: the strategy as validated reports described it at a date, frozen in JSON
(the format and its versions: `strategy/bilan_document.py`, through which every reader goes)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from essaim.core.history import entries_of_many
from essaim.core.models import HistoryEntry
from essaim.strategy import bilan_data
from essaim.strategy.bilan_document import CURRENT_VERSION
from essaim.strategy.models import Action, IndicatorValue, ProgressReport, Strategy
from essaim.strategy.progress import indicator_progress
from essaim.strategy.values import decimal_text


def _last_report(action: Action, as_of: date) -> ProgressReport | None:
    """The last report validated by `as_of` (end of that day)."""
    reports = [
        report
        for report in action.reports.all()
        if report.state == ProgressReport.State.VALIDATED
        and report.reviewed_at is not None
        and timezone.localdate(report.reviewed_at) <= as_of
    ]
    return max(reports, key=lambda report: (report.reviewed_at, report.pk), default=None)


def _values_at(action: Action, as_of: date, history: list[HistoryEntry]) -> tuple[str, str]:
    """The action's status and météo at the end of `as_of`, read back from its history: the
    "after" of the last change made by then, else the "before" of the first change made later,
    else the current values."""
    values = {"status": action.status, "weather": action.weather}
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

    `live` (the dashboard of today) takes every action's current status and météo instead."""
    actions = (
        strategy.actions.select_related("pilot", "node")
        .prefetch_related(
            "leads",
            "milestones",
            Prefetch("reports", queryset=ProgressReport.objects.select_related("campaign")),
        )
        .order_by("order")
    )
    history: dict[int, list[HistoryEntry]] = {}
    if not live:
        changes = entries_of_many(Action, actions.values("pk"))
        for change in changes:
            history.setdefault(change.object_id, []).append(change)
    action_rows = []
    for action in actions:
        report = _last_report(action, as_of)
        if live:
            status, weather = action.status, action.weather
        elif report:
            status, weather = report.status or action.status, report.weather
        else:
            status, weather = _values_at(action, as_of, history.get(action.pk, []))
        milestones = list(action.milestones.all())
        action_rows.append(
            {
                "code": action.code,
                "title": action.title,
                "node": action.node.code,
                "public": action.is_public,
                "public_summary": action.public_summary,
                "status": status,
                "weather": weather,
                # Still open after its planned end, or after the strategy's end (then "non réalisée").
                "late": status not in Action.CLOSED_STATUSES
                and (bool(action.planned_end and action.planned_end < as_of) or strategy.is_ended_on(as_of)),
                "planned_end": action.planned_end.isoformat() if action.planned_end else None,
                "pilot": action.pilot.name if action.pilot else "",
                "leads": sorted(lead.get_full_name() for lead in action.leads.all()),
                "milestones": len(milestones),
                "milestones_done": sum(
                    1 for milestone in milestones if milestone.done_on and milestone.done_on <= as_of
                ),
                "report": None
                if report is None
                else {
                    "campaign": report.campaign.title if report.campaign else "",
                    "done": report.done,
                    "next_steps": report.next_steps,
                    "blockers": report.blockers,
                    "highlights": report.highlights,
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
