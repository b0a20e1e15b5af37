"""The scheduler's data: what the organiser gives and what the scheduler returns.

A person meets one other person per slot at most. A wish goes one way, from `a` to `b`; a pair
wished both ways is one meeting worth the sum of both weights. Slots are opaque identifiers given
in time order; tables are numbered from 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

CAUSES = ("over_requested", "no_common_slot", "cap", "tables", "conflict")


class InstanceError(ValueError):
    """An inconsistent instance; the message (in French) names the faulty element."""


@dataclass(frozen=True)
class Person:
    """`available`: the slots this person can attend, None for every slot.
    `max_meetings`: the most meetings this person wants, None for no cap."""

    id: str
    available: frozenset[str] | None = None
    max_meetings: int | None = None


@dataclass(frozen=True)
class Wish:
    """A request from `a` to meet `b`, worth `weight` (> 0)."""

    a: str
    b: str
    weight: float = 1.0


@dataclass(frozen=True)
class Placed:
    """A meeting of two people in a slot, at a table (None: not numbered yet)."""

    slot: str
    table: int | None
    participants: tuple[str, str]


def _empty_mapping() -> Mapping[str, int]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Instance:
    """`tables`: meetings per slot at most, None for no limit. `locked`: meetings kept as they
    are (they count towards caps and tables; their table is kept when given). `host_tables`:
    person id -> the table where that person holds all their meetings."""

    slots: tuple[str, ...]
    tables: int | None
    people: tuple[Person, ...]
    wishes: tuple[Wish, ...]
    locked: tuple[Placed, ...] = ()
    host_tables: Mapping[str, int] = field(default_factory=_empty_mapping)


@dataclass(frozen=True)
class Unplaced:
    """A requested pair left out, with a cause code (one of CAUSES) and a French reason."""

    participants: tuple[str, str]
    cause: str
    reason: str


@dataclass(frozen=True)
class Result:
    """`value`: total weight of the meetings (locked ones included); `upper_bound`: no timetable
    of the instance is worth more; `seconds`: wall time of the run."""

    meetings: tuple[Placed, ...]
    value: float
    upper_bound: float
    unplaced: tuple[Unplaced, ...]
    seconds: float
