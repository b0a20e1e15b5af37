"""What the database can store of a checked strategy file: each value against its column,
with its line, before anything is written (`loading.load_strategy_file`)."""

from __future__ import annotations

from typing import Any

from essaim.accounts.models import User
from essaim.core.imports import RowError
from essaim.core.imports.fields import field_problems
from essaim.strategy.models import (
    Action,
    ActionDocument,
    ActionPlan,
    Body,
    BudgetLine,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Milestone,
    Strategy,
    StrategyNode,
)
from essaim.strategy.strategy_file import StrategySpec

# The file's key for a column that the file names differently.
YAML_KEYS = {"planned_amount": "planned", "actual_amount": "actual", "baseline_value": "baseline", "full_name": "name"}


def unstorable(spec: StrategySpec) -> list[RowError]:
    """Values the file gives that their column cannot hold (too long, out of range, NUL), each
    with its line: checked before any write, so that every database refuses the same file."""
    checks: list[tuple[int, type[Any], dict[str, Any]]] = [
        (
            spec.line,
            Strategy,
            {"code": spec.code, "title": spec.title, "short_title": spec.short_title, "summary": spec.summary},
        ),
        (spec.line, Strategy, {"document_url": spec.document_url}),
    ]
    people = [*spec.members]
    checks += [(plan.line, ActionPlan, {"code": plan.code, "title": plan.title}) for plan in spec.plans]
    for body in spec.bodies:
        checks.append(
            (
                body.line,
                Body,
                {"code": body.code, "name": body.name, "cadence": body.cadence, "description": body.description},
            )
        )
        people += body.leads
    checks += [
        (node.line, StrategyNode, {"code": node.code, "title": node.title, "description": node.description})
        for node in spec.nodes
    ]
    for action in spec.actions:
        checks.append(
            (
                action.line,
                Action,
                {
                    "code": action.code,
                    "title": action.title,
                    "description": action.description,
                    "public_summary": action.public_summary,
                },
            )
        )
        checks += [(action.line, Milestone, {"title": item.title}) for item in action.milestones]
        checks += [
            (item.line, BudgetLine, {"year": item.year, "planned_amount": item.planned, "actual_amount": item.actual})
            for item in action.budget
        ]
        checks += [(action.line, ActionDocument, {"title": item.title, "url": item.url}) for item in action.documents]
        people += action.leads
    for indicator in spec.indicators:
        values = {
            "code": indicator.code,
            "name": indicator.name,
            "unit": indicator.unit,
            "decimals": indicator.decimals,
            "definition": indicator.definition,
            "baseline_value": indicator.baseline_value,
            "source": indicator.source,
            "platform_metric": indicator.platform_metric,
        }
        checks.append((indicator.line, Indicator, values))
        checks += [(indicator.line, IndicatorTarget, {"value": value}) for _on, value in indicator.targets]
        checks += [
            (
                indicator.line,
                IndicatorValue,
                {"value": item.value, "vintage": item.vintage, "source": item.source, "comment": item.comment},
            )
            for item in indicator.values
        ]
        people += indicator.leads
    checks += [(person.line, User, {"email": person.email, "full_name": person.name}) for person in people]
    return [
        RowError(line, f"« {YAML_KEYS.get(key, key)} » : {problem}.")
        for line, model, values in checks
        for key, problem in field_problems(model, values).items()
    ]
