"""An instance turned into what the algorithms work on: slots as indices, pairs wished one way
or both ways merged into one edge, locked meetings set aside, each person's budget of meetings.

Weights are scaled to integers (`scale`) so that the flow computations are exact; when that
would need too fine a scale (many decimals), scaled weights are rounded up, which keeps the bound
an upper bound, a little looser.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from essaim.esspresso.scheduler.model import Instance

SCALES = (1, 10, 100, 1000, 10_000, 100_000, 1_000_000)


@dataclass(frozen=True)
class Edge:
    """A requested pair (u before v in the instance's order of people), worth `weight`,
    `scaled` in integer units; `slots`: the slot indices where both are available and not
    held by a locked meeting."""

    index: int
    u: str
    v: str
    weight: float
    scaled: int
    slots: tuple[int, ...]


@dataclass(frozen=True)
class Locked:
    slot: int
    u: str
    v: str
    table: int | None
    weight: float
    scaled: int


@dataclass(frozen=True)
class Problem:
    slots: tuple[str, ...]
    limit: int | None
    people: tuple[str, ...]
    available: dict[str, frozenset[int]]
    budget: dict[str, int]
    degree: dict[str, int]
    caps: dict[str, int | None]
    held: dict[str, frozenset[int]]
    hosts: dict[str, int]
    edges: tuple[Edge, ...]
    host_clashes: tuple[tuple[str, str, float], ...]
    locked: tuple[Locked, ...]
    scale: int
    exact: bool

    def capacity(self) -> int | None:
        """Meetings the free tables can still hold, over all slots (None: no limit)."""
        if self.limit is None:
            return None
        return max(0, self.limit * len(self.slots) - len(self.locked))


def build_problem(instance: Instance) -> Problem:
    """The problem of a checked instance."""
    slot_index = {slot: i for i, slot in enumerate(instance.slots)}
    order = {p.id: i for i, p in enumerate(instance.people)}
    every = frozenset(range(len(instance.slots)))
    available = {
        p.id: every if p.available is None else frozenset(slot_index[s] for s in p.available) for p in instance.people
    }
    merged: dict[tuple[str, str], float] = {}
    for wish in instance.wishes:
        key = (wish.a, wish.b) if order[wish.a] < order[wish.b] else (wish.b, wish.a)
        merged[key] = merged.get(key, 0.0) + float(wish.weight)
    degree = dict.fromkeys(order, 0)
    for u, v in merged:
        degree[u] += 1
        degree[v] += 1
    scale, exact = _scale(list(merged.values()))

    def scaled(weight: float) -> int:
        return round(weight * scale) if exact else math.ceil(weight * scale - 1e-9)

    locked: list[Locked] = []
    held: dict[str, set[int]] = {p: set() for p in order}
    taken_tables: set[tuple[int, int]] = set()
    for meeting in instance.locked:
        a, b = meeting.participants
        key = (a, b) if order[a] < order[b] else (b, a)
        weight = merged.pop(key, 0.0)
        slot = slot_index[meeting.slot]
        held[a].add(slot)
        held[b].add(slot)
        table = meeting.table
        if table is None:
            table = instance.host_tables.get(a, instance.host_tables.get(b))
        if table is not None:
            taken_tables.add((slot, table))
        locked.append(Locked(slot, key[0], key[1], table, weight, scaled(weight)))
    budget = {}
    for person in instance.people:
        free = len(available[person.id] - held[person.id])
        cap = free if person.max_meetings is None else min(free, person.max_meetings - len(held[person.id]))
        budget[person.id] = max(0, cap)
    hosts = dict(instance.host_tables)
    edges: list[Edge] = []
    clashes: list[tuple[str, str, float]] = []
    for (u, v), weight in sorted(merged.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])):
        if u in hosts and v in hosts and hosts[u] != hosts[v]:
            clashes.append((u, v, weight))
            continue
        common = (available[u] - held[u]) & (available[v] - held[v])
        host_table = hosts.get(u, hosts.get(v))
        if host_table is not None:
            common = frozenset(s for s in common if (s, host_table) not in taken_tables)
        edges.append(Edge(len(edges), u, v, weight, scaled(weight), tuple(sorted(common))))
    return Problem(
        slots=instance.slots,
        limit=instance.tables,
        people=tuple(order),
        available=available,
        budget=budget,
        degree=degree,
        caps={p.id: p.max_meetings for p in instance.people},
        held={p: frozenset(slots) for p, slots in held.items()},
        hosts=hosts,
        edges=tuple(edges),
        host_clashes=tuple(clashes),
        locked=tuple(locked),
        scale=scale,
        exact=exact,
    )


def _scale(weights: list[float]) -> tuple[int, bool]:
    """The smallest power of ten that makes every weight an integer, as long as the largest
    stays under 10,000 (the flow's phases grow with the range of gains); otherwise a scale that
    keeps the largest near 1,000, weights being rounded up (inexact)."""
    top = max(weights, default=1.0)
    for scale in SCALES:
        if top * scale > 10_000:
            break
        if all(abs(w * scale - round(w * scale)) <= 1e-9 * max(1.0, w * scale) for w in weights):
            return scale, True
    coarse = 1
    while top * coarse * 10 <= 1000:
        coarse *= 10
    return coarse, False
