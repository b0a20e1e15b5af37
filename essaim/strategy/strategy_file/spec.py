"""What a strategy file describes, once read and checked: plain data, references still by name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from essaim.strategy.vocabulary import ACTION_STATUS, STRATEGY_STATUS


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
    status: str = ACTION_STATUS.value_of("TO_START")
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
    line: int = 0


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
    line: int = 1  # of the « strategy » block
    code: str = ""
    title: str = ""
    short_title: str = ""
    region: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    adopted_on: date | None = None
    status: str = STRATEGY_STATUS.value_of("DRAFT")
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
