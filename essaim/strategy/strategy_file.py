"""Reading and checking a strategy file (YAML, see docs/strategy-file.md). Pure: no Django import.

`parse(text)` returns a `StrategySpec` and the list of errors, each with its line. The caller
writes nothing unless the list is empty; references to the directory (organisations) and to
accounts are resolved by the caller, with the lines kept here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from essaim.strategy.values import ValueInputError, parse_value

STRATEGY_STATUSES = ("draft", "adopted", "running", "closed")
ACTION_STATUSES = ("a_lancer", "en_cours", "realisee", "suspendue", "abandonnee")
WEATHERS = ("securisee", "atteignable", "appuis", "compromise")
BODY_KINDS = ("groupe", "cotech", "copil", "conference")
INDICATOR_KINDS = ("contexte", "activite", "resultat")
MEMBER_ROLES = ("copilot", "reader")
BUDGET_KINDS = ("fonctionnement", "investissement", "etp")
DOCUMENT_KINDS = ("compte_rendu", "livrable", "convention", "presse", "photo", "autre")


@dataclass(frozen=True)
class FileError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"ligne {self.line} : {self.message}" if self.line else self.message


class LineDict(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys were written."""

    line: int = 0
    key_lines: dict[str, int]


class _AliasRefused(yaml.MarkedYAMLError):
    pass


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _LineLoader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasRefused(problem="alias", problem_mark=event.start_mark)
        return super().compose_node(parent, index)

    def construct_line_mapping(self, node: yaml.MappingNode) -> LineDict:
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            key = str(key)
            if key in mapping:
                raise _DuplicateKey(
                    problem=f"la clé « {key} » est répétée (déjà ligne {mapping.key_lines[key]})",
                    problem_mark=key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_line_mapping)
# YAML 1.1 reads on/off/yes/no as booleans ("on: 2018-12-31" would become "True: ..."): only
# true and false are booleans here, as in YAML 1.2.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class PersonSpec:
    email: str
    name: str
    line: int
    role: str = ""


@dataclass
class MilestoneSpec:
    title: str
    due_on: date | None
    done_on: date | None


@dataclass
class BudgetSpec:
    year: int
    kind: str
    funder: str
    planned: Decimal | None
    actual: Decimal | None
    line: int


@dataclass
class DocumentSpec:
    title: str
    url: str
    kind: str
    dated: date | None
    public: bool


@dataclass
class ActionSpec:
    code: str
    title: str
    node_code: str
    line: int
    description: str = ""
    public_summary: str = ""
    pilot: str = ""
    group: str = ""
    leads: list[PersonSpec] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)
    starts_on: date | None = None
    ends_on: date | None = None
    status: str = "a_lancer"
    weather: str = ""
    public: bool = True
    milestones: list[MilestoneSpec] = field(default_factory=list)
    budget: list[BudgetSpec] = field(default_factory=list)
    documents: list[DocumentSpec] = field(default_factory=list)


@dataclass
class NodeSpec:
    code: str
    title: str
    level: int
    parent_code: str
    line: int
    description: str = ""


@dataclass
class PlanSpec:
    code: str
    title: str
    starts_on: date
    ends_on: date


@dataclass
class BodySpec:
    code: str
    kind: str
    name: str
    line: int
    pilot: str = ""
    leads: list[PersonSpec] = field(default_factory=list)
    cadence: str = ""
    description: str = ""


@dataclass
class ValueSpec:
    on: date
    value: Decimal
    vintage: str
    source: str
    comment: str = ""


@dataclass
class IndicatorSpec:
    code: str
    name: str
    kind: str
    unit: str
    line: int
    decimals: int = 0
    definition: str = ""
    node: str = ""
    actions: list[str] = field(default_factory=list)
    leads: list[PersonSpec] = field(default_factory=list)
    baseline_value: Decimal | None = None
    baseline_on: date | None = None
    targets: list[tuple[date, Decimal]] = field(default_factory=list)
    source: str = ""
    platform_metric: str = ""
    public: bool = True
    values: list[ValueSpec] = field(default_factory=list)


@dataclass
class StrategySpec:
    code: str = ""
    title: str = ""
    short_title: str = ""
    region: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    adopted_on: date | None = None
    status: str = "draft"
    public: bool = False
    summary: str = ""
    document_url: str = ""
    levels: list[str] = field(default_factory=list)
    copilots: list[tuple[str, int]] = field(default_factory=list)
    members: list[PersonSpec] = field(default_factory=list)
    plans: list[PlanSpec] = field(default_factory=list)
    bodies: list[BodySpec] = field(default_factory=list)
    nodes: list[NodeSpec] = field(default_factory=list)
    actions: list[ActionSpec] = field(default_factory=list)
    indicators: list[IndicatorSpec] = field(default_factory=list)


_MISSING = object()


class _Reader:
    """Reads typed values out of LineDicts, collecting errors instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[FileError] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(FileError(line, message))

    def mapping(self, value: Any, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.error(line, f"{what} doit être un bloc de clés (clé: valeur).")
        return None

    def keys(self, block: LineDict, allowed: tuple[str, ...], what: str) -> None:
        for key in block:
            if key not in allowed:
                self.error(
                    block.key_lines.get(key, block.line),
                    f"clé « {key} » inconnue dans {what} (clés possibles : {', '.join(allowed)}).",
                )

    def line_of(self, block: LineDict, key: str) -> int:
        return block.key_lines.get(key, block.line)

    def text(self, block: LineDict, key: str, *, required: bool = False, max_length: int = 0) -> str:
        value = block.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.error(block.line, f"la clé « {key} » est obligatoire.")
            return ""
        if isinstance(value, (dict, list)):
            self.error(self.line_of(block, key), f"« {key} » doit être un texte.")
            return ""
        text = str(value).strip()
        if required and not text:
            self.error(self.line_of(block, key), f"« {key} » ne peut pas être vide.")
        if max_length and len(text) > max_length:
            self.error(self.line_of(block, key), f"« {key} » dépasse {max_length} caractères.")
        return text

    def choice(self, block: LineDict, key: str, choices: tuple[str, ...], default: str = "") -> str:
        value = self.text(block, key)
        if not value:
            return default
        if value not in choices:
            self.error(
                self.line_of(block, key),
                f"« {value} » n'est pas une valeur possible pour « {key} » (valeurs : {', '.join(choices)}).",
            )
            return default
        return value

    def day(self, block: LineDict, key: str, *, required: bool = False) -> date | None:
        value = block.get(key)
        if value is None:
            if required:
                self.error(block.line, f"la clé « {key} » est obligatoire (date AAAA-MM-JJ).")
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(self.line_of(block, key), f"« {value} » n'est pas une date : écrivez AAAA-MM-JJ.")
            return None

    def number(self, block: LineDict, key: str, unit: str = "", *, required: bool = False) -> Decimal | None:
        value = block.get(key)
        if value is None:
            if required:
                self.error(block.line, f"la clé « {key} » est obligatoire.")
            return None
        if isinstance(value, (bool, dict, list)):
            self.error(self.line_of(block, key), f"« {key} » doit être un nombre.")
            return None
        try:
            return parse_value(str(value), unit)
        except ValueInputError as error:
            self.error(self.line_of(block, key), str(error))
            return None

    def boolean(self, block: LineDict, key: str, default: bool) -> bool:
        value = block.get(key, default)
        if not isinstance(value, bool):
            self.error(self.line_of(block, key), f"« {key} » vaut true ou false.")
            return default
        return value

    def items(self, block: LineDict, key: str) -> list[Any]:
        value = block.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(self.line_of(block, key), f"« {key} » doit être une liste (lignes commençant par « - »).")
            return []
        return value

    def texts(self, block: LineDict, key: str) -> list[str]:
        values = []
        for item in self.items(block, key):
            if isinstance(item, (dict, list)) or item is None:
                self.error(self.line_of(block, key), f"« {key} » doit être une liste de textes.")
                continue
            values.append(str(item).strip())
        return values

    def people(self, block: LineDict, key: str, *, with_role: bool = False) -> list[PersonSpec]:
        people = []
        line = self.line_of(block, key)
        for item in self.items(block, key):
            if isinstance(item, LineDict):
                allowed = ("email", "name", "role") if with_role else ("email", "name")
                self.keys(item, allowed, f"une personne de « {key} »")
                email = self.text(item, "email", required=True).lower()
                role = self.choice(item, "role", MEMBER_ROLES, default="") if with_role else ""
                if with_role and not role:
                    self.error(item.line, f"donnez le rôle de {email} : {' ou '.join(MEMBER_ROLES)}.")
                person = PersonSpec(email=email, name=self.text(item, "name"), line=item.line, role=role)
            elif isinstance(item, str):
                person = PersonSpec(email=item.strip().lower(), name="", line=line)
            else:
                self.error(line, f"« {key} » : donnez une adresse e-mail ou {{email: ..., name: ...}}.")
                continue
            if "@" not in person.email:
                self.error(person.line, f"« {person.email} » n'est pas une adresse e-mail.")
                continue
            people.append(person)
        return people


def read_yaml(text: str) -> Any:
    """YAML as this module reads it (only true/false are booleans, no aliases, no repeated key)."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader derives from SafeLoader


def parse(text: str) -> tuple[StrategySpec, list[FileError]]:
    """Read the whole file and check it; return what it describes and every error found."""
    spec = StrategySpec()
    try:
        document = read_yaml(text)
    except _AliasRefused as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        return spec, [FileError(line, "les alias YAML (*nom) sont refusés : écrivez chaque élément une fois.")]
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        return spec, [FileError(line, f"le fichier n'est pas un YAML valide ({error.problem}).")]
    except yaml.YAMLError:
        return spec, [FileError(0, "le fichier n'est pas un YAML valide.")]
    reader = _Reader()
    root = reader.mapping(document, 1, "Le fichier")
    if root is None:
        return spec, reader.errors
    reader.keys(root, ("strategy", "plans", "bodies", "nodes", "indicators"), "le fichier")
    head = reader.mapping(root.get("strategy"), 1, "La partie « strategy »") if "strategy" in root else None
    if head is None:
        if "strategy" not in root:
            reader.error(1, "la partie « strategy » est obligatoire.")
        return spec, reader.errors
    _read_head(reader, head, spec)
    _read_plans(reader, root, spec)
    _read_bodies(reader, root, spec)
    _read_nodes(reader, root, spec)
    _read_indicators(reader, root, spec)
    _check_references(reader, spec)
    return spec, reader.errors


def _read_head(reader: _Reader, head: LineDict, spec: StrategySpec) -> None:
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
    spec.status = reader.choice(head, "status", STRATEGY_STATUSES, default="draft")
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


def _read_plans(reader: _Reader, root: LineDict, spec: StrategySpec) -> None:
    seen: dict[str, int] = {}
    for item in reader.items(root, "plans"):
        block = reader.mapping(item, reader.line_of(root, "plans"), "Un plan d'actions")
        if block is None:
            continue
        reader.keys(block, ("code", "title", "starts_on", "ends_on"), "un plan d'actions")
        code = _unique(reader, block, seen, "plan")
        starts_on, ends_on = reader.day(block, "starts_on", required=True), reader.day(block, "ends_on", required=True)
        if starts_on and ends_on and ends_on < starts_on:
            reader.error(reader.line_of(block, "ends_on"), "la fin du plan précède son début.")
        if code and starts_on and ends_on:
            spec.plans.append(PlanSpec(code, reader.text(block, "title", required=True), starts_on, ends_on))


def _read_bodies(reader: _Reader, root: LineDict, spec: StrategySpec) -> None:
    seen: dict[str, int] = {}
    for item in reader.items(root, "bodies"):
        block = reader.mapping(item, reader.line_of(root, "bodies"), "Un groupe ou une instance")
        if block is None:
            continue
        reader.keys(block, ("code", "kind", "name", "pilot", "leads", "cadence", "description"), "un groupe")
        code = _unique(reader, block, seen, "groupe")
        kind = reader.choice(block, "kind", BODY_KINDS)
        if not kind and "kind" not in block:
            reader.error(block.line, f"donnez le type du groupe (kind : {', '.join(BODY_KINDS)}).")
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


def _read_nodes(reader: _Reader, root: LineDict, spec: StrategySpec) -> None:
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
            code = _unique(reader, block, seen_nodes, "nœud", others=seen_actions)
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
                    _read_action(reader, action, code, reader.line_of(block, "actions"), spec, seen_actions, seen_nodes)
            else:
                read(reader.items(block, "children"), level + 1, code, reader.line_of(block, "children"))

    read(reader.items(root, "nodes"), 1, "", reader.line_of(root, "nodes"))


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


def _read_action(
    reader: _Reader,
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
        code=_unique(reader, block, seen, "numéro", others=seen_nodes),
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
        status=reader.choice(block, "status", ACTION_STATUSES, default="a_lancer"),
        weather=reader.choice(block, "weather", WEATHERS),
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
                kind=reader.choice(sub, "kind", BUDGET_KINDS, default="fonctionnement"),
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
                kind=reader.choice(sub, "kind", DOCUMENT_KINDS, default="autre"),
                dated=reader.day(sub, "dated"),
                public=reader.boolean(sub, "public", False),
            )
        )
    spec.actions.append(action)


INDICATOR_KEYS = (
    "code",
    "name",
    "kind",
    "unit",
    "decimals",
    "definition",
    "node",
    "actions",
    "leads",
    "baseline",
    "targets",
    "source",
    "platform_metric",
    "public",
    "values",
)


def _read_indicators(reader: _Reader, root: LineDict, spec: StrategySpec) -> None:
    seen: dict[str, int] = {}
    for item in reader.items(root, "indicators"):
        block = reader.mapping(item, reader.line_of(root, "indicators"), "Un indicateur")
        if block is None:
            continue
        reader.keys(block, INDICATOR_KEYS, "un indicateur")
        unit = reader.text(block, "unit", required=True, max_length=30)
        decimals = reader.number(block, "decimals")
        indicator = IndicatorSpec(
            code=_unique(reader, block, seen, "indicateur"),
            name=reader.text(block, "name", required=True, max_length=250),
            kind=reader.choice(block, "kind", INDICATOR_KINDS),
            unit=unit,
            line=block.line,
            decimals=int(decimals) if decimals is not None else 0,
            definition=reader.text(block, "definition"),
            node=reader.text(block, "node"),
            actions=reader.texts(block, "actions"),
            leads=reader.people(block, "leads"),
            source=reader.text(block, "source", max_length=250),
            platform_metric=reader.text(block, "platform_metric"),
            public=reader.boolean(block, "public", True),
        )
        if not indicator.kind and "kind" not in block:
            reader.error(block.line, f"donnez la nature de l'indicateur (kind : {', '.join(INDICATOR_KINDS)}).")
        if "baseline" in block:
            baseline = reader.mapping(block["baseline"], reader.line_of(block, "baseline"), "« baseline »")
            if baseline is not None:
                reader.keys(baseline, ("value", "on"), "« baseline »")
                indicator.baseline_value = reader.number(baseline, "value", unit, required=True)
                indicator.baseline_on = reader.day(baseline, "on")
        dates: set[date] = set()
        for entry in reader.items(block, "targets"):
            target = reader.mapping(entry, reader.line_of(block, "targets"), "Une cible")
            if target is None:
                continue
            reader.keys(target, ("value", "on"), "une cible")
            on, value = reader.day(target, "on", required=True), reader.number(target, "value", unit, required=True)
            if on in dates:
                reader.error(target.line, f"deux cibles à la même date ({on}).")
            if on and value is not None:
                dates.add(on)
                indicator.targets.append((on, value))
        for entry in reader.items(block, "values"):
            measure = reader.mapping(entry, reader.line_of(block, "values"), "Une valeur")
            if measure is None:
                continue
            reader.keys(measure, ("on", "value", "vintage", "source", "comment"), "une valeur")
            on, value = reader.day(measure, "on", required=True), reader.number(measure, "value", unit, required=True)
            source = reader.text(measure, "source") or indicator.source
            if not source:
                reader.error(measure.line, "chaque valeur a une source (ici ou dans l'indicateur).")
            if on and value is not None:
                vintage = reader.text(measure, "vintage") or str(on.year)
                indicator.values.append(ValueSpec(on, value, vintage, source, reader.text(measure, "comment")))
        spec.indicators.append(indicator)


def _unique(
    reader: _Reader, block: LineDict, seen: dict[str, int], what: str, others: dict[str, int] | None = None
) -> str:
    code = reader.text(block, "code", required=True, max_length=60 if what == "indicateur" else 40)
    if not code:
        return ""
    line = reader.line_of(block, "code")
    if isinstance(block.get("code"), float):
        reader.error(line, f'écrivez le code entre guillemets ("{code}") : sinon 1.10 serait lu 1.1.')
    first = seen.get(code, (others or {}).get(code))
    if first is not None:
        reader.error(line, f"le code « {code} » est déjà utilisé ligne {first} ; chaque {what} a un code unique.")
    else:
        seen[code] = line
    return code


def _check_references(reader: _Reader, spec: StrategySpec) -> None:
    plans = {plan.code for plan in spec.plans}
    groups = {body.code for body in spec.bodies if body.kind == "groupe"}
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
