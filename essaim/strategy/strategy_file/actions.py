"""Reading one action of a strategy file, with its milestones, budget and documents."""

from __future__ import annotations

from typing import Any

from essaim.strategy.strategy_file.reader import Reader, unique_code
from essaim.strategy.strategy_file.spec import ActionSpec, BudgetSpec, DocumentSpec, MilestoneSpec, StrategySpec
from essaim.strategy.vocabulary import ACTION_STATUS, BUDGET_KIND, DOCUMENT_KIND, JUDGED_WEATHERS

ACTION_KEYS = (
    "code",
    "title",
    "description",
    "public_summary",
    "pilot",
    "group",
    "leads",
    "partners",
    "plans",
    "starts_on",
    "ends_on",
    "status",
    "weather",
    "public",
    "milestones",
    "budget",
    "documents",
)


def read_action(
    reader: Reader,
    item: Any,
    node_code: str,
    line: int,
    spec: StrategySpec,
    seen: dict[str, int],
    seen_nodes: dict[str, int],
) -> None:
    block = reader.mapping(item, line, "Une action")
    if block is None:
        return
    reader.keys(block, ACTION_KEYS, "une action")
    action = ActionSpec(
        code=unique_code(reader, block, seen, "numéro", others=seen_nodes),
        title=reader.text(block, "title", required=True, max_length=300),
        node_code=node_code,
        line=block.line,
        description=reader.text(block, "description"),
        public_summary=reader.text(block, "public_summary"),
        pilot=reader.text(block, "pilot"),
        group=reader.text(block, "group"),
        leads=reader.people(block, "leads"),
        partners=reader.texts(block, "partners"),
        plans=reader.texts(block, "plans"),
        starts_on=reader.day(block, "starts_on"),
        ends_on=reader.day(block, "ends_on"),
        status=reader.choice(block, "status", ACTION_STATUS.values, default=ACTION_STATUS.value_of("TO_START")),
        weather=reader.choice(block, "weather", JUDGED_WEATHERS),
        public=reader.boolean(block, "public", True),
    )
    if action.starts_on and action.ends_on and action.ends_on < action.starts_on:
        reader.error(reader.line_of(block, "ends_on"), f"la fin de l'action {action.code} précède son début.")
    for entry in reader.items(block, "milestones"):
        sub = reader.mapping(entry, reader.line_of(block, "milestones"), "Un jalon")
        if sub is not None:
            reader.keys(sub, ("title", "due_on", "done_on"), "un jalon")
            action.milestones.append(
                MilestoneSpec(
                    reader.text(sub, "title", required=True), reader.day(sub, "due_on"), reader.day(sub, "done_on")
                )
            )
    for entry in reader.items(block, "budget"):
        sub = reader.mapping(entry, reader.line_of(block, "budget"), "Une ligne de budget")
        if sub is None:
            continue
        reader.keys(sub, ("year", "kind", "funder", "planned", "actual"), "une ligne de budget")
        year = reader.number(sub, "year", required=True)
        action.budget.append(
            BudgetSpec(
                year=int(year) if year is not None else 0,
                kind=reader.choice(sub, "kind", BUDGET_KIND.values, default=BUDGET_KIND.value_of("OPERATING")),
                funder=reader.text(sub, "funder"),
                planned=reader.number(sub, "planned", "€"),
                actual=reader.number(sub, "actual", "€"),
                line=sub.line,
            )
        )
    for entry in reader.items(block, "documents"):
        sub = reader.mapping(entry, reader.line_of(block, "documents"), "Un document")
        if sub is None:
            continue
        reader.keys(sub, ("title", "url", "kind", "dated", "public"), "un document")
        url = reader.text(sub, "url", required=True)
        if url and not url.startswith(("https://", "http://")):
            reader.error(reader.line_of(sub, "url"), f"« {url} » n'est pas une adresse web (https://…).")
        action.documents.append(
            DocumentSpec(
                title=reader.text(sub, "title", required=True, max_length=250),
                url=url,
                kind=reader.choice(sub, "kind", DOCUMENT_KIND.values, default=DOCUMENT_KIND.value_of("OTHER")),
                dated=reader.day(sub, "dated"),
                public=reader.boolean(sub, "public", False),
            )
        )
    spec.actions.append(action)
