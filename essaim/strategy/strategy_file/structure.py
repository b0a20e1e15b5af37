"""Reading the head of a strategy file, its plans, bodies and tree of nodes, and checking the
references between them."""

from __future__ import annotations

from typing import Any

from essaim.strategy.strategy_file.actions import read_action
from essaim.strategy.strategy_file.reader import Reader, unique_code
from essaim.strategy.strategy_file.spec import BodySpec, NodeSpec, PlanSpec, StrategySpec
from essaim.strategy.strategy_file.yaml_lines import LineDict
from essaim.strategy.vocabulary import BODY_KIND, STRATEGY_STATUS


def read_head(reader: Reader, head: LineDict, spec: StrategySpec) -> None:
    reader.keys(
        head,
        (
            "code",
            "title",
            "short_title",
            "region",
            "starts_on",
            "ends_on",
            "adopted_on",
            "status",
            "public",
            "summary",
            "document_url",
            "levels",
            "copilots",
            "members",
        ),
        "« strategy »",
    )
    spec.line = head.line
    spec.code = reader.text(head, "code", required=True, max_length=80)
    if spec.code and not all(char.isalnum() or char == "-" for char in spec.code):
        reader.error(reader.line_of(head, "code"), "le code ne contient que des lettres, chiffres et tirets.")
    spec.title = reader.text(head, "title", required=True, max_length=250)
    spec.short_title = reader.text(head, "short_title", max_length=80) or spec.title[:80]
    spec.region = reader.text(head, "region", required=True)
    spec.starts_on = reader.day(head, "starts_on", required=True)
    spec.ends_on = reader.day(head, "ends_on", required=True)
    if spec.starts_on and spec.ends_on and spec.ends_on < spec.starts_on:
        reader.error(reader.line_of(head, "ends_on"), "la fin de la stratégie précède son début.")
    spec.adopted_on = reader.day(head, "adopted_on")
    spec.status = reader.choice(head, "status", STRATEGY_STATUS.values, default=STRATEGY_STATUS.value_of("DRAFT"))
    spec.public = reader.boolean(head, "public", False)
    spec.summary = reader.text(head, "summary")
    spec.document_url = reader.text(head, "document_url")
    spec.levels = reader.texts(head, "levels")
    if not 2 <= len(spec.levels) <= 4 or not all(spec.levels):
        reader.error(
            reader.line_of(head, "levels"),
            "« levels » liste de 2 à 4 noms de niveaux, actions comprises (ex. [Axe, Action]).",
        )
    spec.copilots = [(name, reader.line_of(head, "copilots")) for name in reader.texts(head, "copilots")]
    spec.members = reader.people(head, "members", with_role=True)


def read_plans(reader: Reader, root: LineDict, spec: StrategySpec) -> None:
    seen: dict[str, int] = {}
    for item in reader.items(root, "plans"):
        block = reader.mapping(item, reader.line_of(root, "plans"), "Un plan d'actions")
        if block is None:
            continue
        reader.keys(block, ("code", "title", "starts_on", "ends_on"), "un plan d'actions")
        code = unique_code(reader, block, seen, "plan")
        starts_on, ends_on = reader.day(block, "starts_on", required=True), reader.day(block, "ends_on", required=True)
        if starts_on and ends_on and ends_on < starts_on:
            reader.error(reader.line_of(block, "ends_on"), "la fin du plan précède son début.")
        if code and starts_on and ends_on:
            spec.plans.append(
                PlanSpec(code, reader.text(block, "title", required=True), starts_on, ends_on, line=block.line)
            )


def read_bodies(reader: Reader, root: LineDict, spec: StrategySpec) -> None:
    seen: dict[str, int] = {}
    for item in reader.items(root, "bodies"):
        block = reader.mapping(item, reader.line_of(root, "bodies"), "Un groupe ou une instance")
        if block is None:
            continue
        reader.keys(block, ("code", "kind", "name", "pilot", "leads", "cadence", "description"), "un groupe")
        code = unique_code(reader, block, seen, "groupe")
        kind = reader.choice(block, "kind", BODY_KIND.values)
        if not kind and "kind" not in block:
            reader.error(block.line, f"donnez le type du groupe (kind : {', '.join(BODY_KIND.values)}).")
        spec.bodies.append(
            BodySpec(
                code=code,
                kind=kind,
                name=reader.text(block, "name", required=True, max_length=200),
                line=block.line,
                pilot=reader.text(block, "pilot"),
                leads=reader.people(block, "leads"),
                cadence=reader.text(block, "cadence", max_length=100),
                description=reader.text(block, "description"),
            )
        )


def read_nodes(reader: Reader, root: LineDict, spec: StrategySpec) -> None:
    if "nodes" not in root:
        reader.error(root.line, "la partie « nodes » (l'arborescence) est obligatoire.")
        return
    node_depth = max(len(spec.levels) - 1, 1)
    seen_nodes: dict[str, int] = {}
    seen_actions: dict[str, int] = {}

    def read(items: list[Any], level: int, parent: str, line: int) -> None:
        for item in items:
            block = reader.mapping(item, line, "Un nœud de l'arborescence")
            if block is None:
                continue
            last = level == node_depth
            allowed = ("code", "title", "description", "actions" if last else "children")
            reader.keys(block, allowed, f"un nœud de niveau {level}")
            code = unique_code(reader, block, seen_nodes, "nœud", others=seen_actions)
            spec.nodes.append(
                NodeSpec(
                    code=code,
                    title=reader.text(block, "title", required=True, max_length=300),
                    level=level,
                    parent_code=parent,
                    line=block.line,
                    description=reader.text(block, "description"),
                )
            )
            if last:
                for action in reader.items(block, "actions"):
                    read_action(reader, action, code, reader.line_of(block, "actions"), spec, seen_actions, seen_nodes)
            else:
                read(reader.items(block, "children"), level + 1, code, reader.line_of(block, "children"))

    read(reader.items(root, "nodes"), 1, "", reader.line_of(root, "nodes"))


def check_references(reader: Reader, spec: StrategySpec) -> None:
    plans = {plan.code for plan in spec.plans}
    groups = {body.code for body in spec.bodies if body.kind == BODY_KIND.value_of("PROJECT_GROUP")}
    nodes = {node.code for node in spec.nodes}
    actions = {action.code for action in spec.actions}
    for action in spec.actions:
        for plan in action.plans:
            if plan not in plans:
                reader.error(action.line, f"action {action.code} : le plan « {plan} » n'est pas dans « plans ».")
        if action.group and action.group not in groups:
            reader.error(
                action.line, f"action {action.code} : « {action.group} » n'est pas un groupe-projet de « bodies »."
            )
    for indicator in spec.indicators:
        if indicator.node and indicator.node not in nodes:
            reader.error(indicator.line, f"indicateur {indicator.code} : le nœud « {indicator.node} » n'existe pas.")
        for code in indicator.actions:
            if code not in actions:
                reader.error(indicator.line, f"indicateur {indicator.code} : l'action « {code} » n'existe pas.")
