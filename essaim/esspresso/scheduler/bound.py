"""The b-matching bound (research note, B3): no timetable is worth more than the best set of
pairs in which each person has at most b_v = min(cap, free slots) meetings and the total fits the
free tables (T·L minus locked meetings). Its linear relaxation is computed exactly as a
maximum-gain flow (`flow`): on the request graph itself when it is bipartite (the relaxation is then integral), on its
bipartite double cover otherwise (each person split into a "left" and a "right" copy, each pair
into two arcs; half the flow is the optimum of the fractional b-matching, a valid upper bound).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from essaim.esspresso.scheduler.flow import max_gain_flow
from essaim.esspresso.scheduler.problem import Edge, Problem

SOURCE, SINK = 0, 1


@dataclass(frozen=True)
class Relaxation:
    """`total`: twice the optimum in scaled units; `share`: per edge index, 0, 1 or 2 halves."""

    total: int
    share: dict[int, int]
    sides: dict[str, int] | None


def usable_edges(problem: Problem) -> list[Edge]:
    """Edges that some timetable could hold: a common free slot, both people with a budget."""
    return [e for e in problem.edges if e.slots and problem.budget[e.u] > 0 and problem.budget[e.v] > 0]


def bipartition(edges: Sequence[Edge]) -> dict[str, int] | None:
    """A side (0 or 1) per person when the graph of `edges` is bipartite, else None."""
    neighbours: dict[str, list[str]] = {}
    for e in edges:
        neighbours.setdefault(e.u, []).append(e.v)
        neighbours.setdefault(e.v, []).append(e.u)
    side: dict[str, int] = {}
    for start in neighbours:
        if start in side:
            continue
        side[start] = 0
        queue = deque([start])
        while queue:
            person = queue.popleft()
            for other in neighbours[person]:
                if other not in side:
                    side[other] = 1 - side[person]
                    queue.append(other)
                elif side[other] == side[person]:
                    return None
    return side


def relaxation(problem: Problem, *, unit: bool = False) -> Relaxation:
    """The optimal fractional b-matching under the table capacity (see module docstring);
    with `unit`, every pair is worth 1 (the most meetings instead of the most value)."""
    edges = usable_edges(problem)
    if not edges:
        return Relaxation(0, {}, {})
    sides = bipartition(edges)
    order = {p: i for i, p in enumerate(problem.people)}
    people = sorted({p for e in edges for p in (e.u, e.v)}, key=order.__getitem__)
    copies = 1 if sides is not None else 2
    limit = copies * sum(problem.budget[p] for p in people)
    capacity = problem.capacity()
    if capacity is not None:
        limit = min(limit, copies * capacity)
    number = {p: i for i, p in enumerate(people)}
    arcs: list[tuple[int, int, int, int]] = []
    for person in people:
        left, right = 2 + 2 * number[person], 3 + 2 * number[person]
        if sides is None or sides[person] == 0:
            arcs.append((SOURCE, left, problem.budget[person], 0))
        if sides is None or sides[person] == 1:
            arcs.append((right, SINK, problem.budget[person], 0))
    owners: list[int] = []
    for e in edges:
        u, v = number[e.u], number[e.v]
        gain = 1 if unit else e.scaled
        if sides is None or sides[e.u] == 0:
            arcs.append((2 + 2 * u, 3 + 2 * v, 1, gain))
            owners.append(e.index)
        if sides is None or sides[e.u] == 1:
            arcs.append((2 + 2 * v, 3 + 2 * u, 1, gain))
            owners.append(e.index)
    total, flows = max_gain_flow(2 + 2 * len(people), SOURCE, SINK, arcs, limit)
    share: dict[int, int] = {}
    for index, flow in zip(owners, flows[len(arcs) - len(owners) :], strict=True):
        if flow:
            share[index] = share.get(index, 0) + (2 if sides is not None else 1)
    return Relaxation(total * (2 if sides is not None else 1), share, sides)


def bound_value(problem: Problem, relaxed: Relaxation) -> float:
    """The upper bound in weight units: locked meetings plus half the doubled relaxation."""
    locked = sum(m.scaled for m in problem.locked)
    return (2 * locked + relaxed.total) / (2 * problem.scale)


def count_relaxation(problem: Problem) -> int:
    """The most meetings the fractional b-matching holds, floored."""
    return relaxation(problem, unit=True).total // 2
