"""A bilan's frozen document (`Bilan.data`): its format, its versions, and the one way to read it.

`snapshots.build` writes the current version; every reader (bilan page, comparison, PDF and ODT
exports) goes through `read_bilan`, which upgrades an older document in memory, step by step
(`core.documents.upgrade`). Stored bilans are never rewritten, so a format change needs no data
migration: add a step to `STEPS`, say what changed in the list below, and keep the test that a
document of the oldest version still renders (tests/strategy/test_bilan_document.py). The
observatory's vintages follow the same pattern.

Versions:
1. The first bilans: the content described by `BilanContent`, without a `version` key.
2. The same content, stamped with `version`.

Pure: no Django import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypedDict, cast

from essaim.core.documents import Step, current_version, upgrade, version_of


class Counts(TypedDict):
    total: int
    status: dict[str, int]  # action status -> number of actions
    weather: dict[str, int]  # météo ("" when none was given) -> number of actions
    late: int


class StrategyHeader(TypedDict):
    code: str
    title: str
    level_labels: list[str]


class NodeRow(TypedDict):
    code: str
    title: str
    level: int
    level_label: str
    parent: str  # "" for a top-level node
    counts: Counts  # of the actions under this node and its descendants


class ReportRow(TypedDict):
    campaign: str
    done: str
    next_steps: str
    blockers: str  # internal: dropped from the public view
    highlights: str


class ActionRow(TypedDict):
    code: str
    title: str
    node: str
    public: bool
    public_summary: str
    status: str
    weather: str
    late: bool
    planned_end: str | None  # ISO date
    pilot: str
    leads: list[str]  # people's names: dropped from the public view
    milestones: int
    milestones_done: int
    report: ReportRow | None  # the last report validated by the bilan's date


class ValueRow(TypedDict):
    on: str  # ISO date
    value: str  # decimal as text, exactly as stored
    source: str
    vintage: str


class IndicatorRow(TypedDict):
    code: str
    name: str
    kind: str
    unit: str
    decimals: int
    public: bool
    baseline: str | None
    target: str | None
    target_on: str | None
    current: str | None
    current_on: str | None
    source: str
    vintage: str
    progress: float | None
    values: list[ValueRow]


class BilanContent(TypedDict):
    version: int
    strategy: StrategyHeader
    as_of: str  # ISO date
    nodes: list[NodeRow]
    actions: list[ActionRow]
    indicators: list[IndicatorRow]
    counts: Counts


def _stamp_version(document: dict[str, Any]) -> dict[str, Any]:
    """1 -> 2: the content is unchanged; `upgrade` writes the version."""
    return document


STEPS: tuple[Step, ...] = (_stamp_version,)
CURRENT_VERSION = current_version(STEPS)


@dataclass(frozen=True)
class BilanDocument:
    written_in: int  # the version the stored document was written in
    content: BilanContent  # always in CURRENT_VERSION

    @property
    def as_of(self) -> date:
        return date.fromisoformat(self.content["as_of"])


def read_bilan(data: Mapping[str, Any]) -> BilanDocument:
    """The stored document, upgraded to the current version (`data` is left untouched)."""
    return BilanDocument(written_in=version_of(data), content=cast(BilanContent, upgrade(data, STEPS)))
