"""The b-matching bound (research note, B3): no timetable is worth more than the best set of
pairs in which each person has at most b_v = min(cap, free slots) meetings and the total fits the
free tables (T·L minus locked meetings). Its linear relaxation is computed exactly as a min-cost
flow: on the request graph itself when it is bipartite (the relaxation is then integral), on its
bipartite double cover otherwise (each person split into a "left" and a "right" copy, each pair
into two arcs; half the flow is the optimum of the fractional b-matching, a valid upper bound).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from .problem import Edge, Problem

SOURCE, SINK = -1, -2


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


def relaxation(problem: Problem) -> Relaxation:
    """The optimal fractional b-matching under the table capacity (see module docstring)."""
    edges = usable_edges(problem)
    if not edges:
        return Relaxation(0, {}, {})
    sides = bipartition(edges)
    people = sorted({p for e in edges for p in (e.u, e.v)}, key=problem.people.index)
    copies = 1 if sides is not None else 2
    supply = copies * sum(problem.budget[p] for p in people)
    capacity = problem.capacity()
    if capacity is not None:
        supply = min(supply, copies * capacity)
    graph = nx.DiGraph()
    graph.add_node(SOURCE, demand=-supply)
    graph.add_node(SINK, demand=supply)
    graph.add_edge(SOURCE, SINK, weight=0, capacity=supply)
    number = {p: i for i, p in enumerate(people)}
    for person in people:
        left, right = 2 * number[person], 2 * number[person] + 1
        if sides is None or sides[person] == 0:
            graph.add_edge(SOURCE, left, weight=0, capacity=problem.budget[person])
        if sides is None or sides[person] == 1:
            graph.add_edge(right, SINK, weight=0, capacity=problem.budget[person])
    arcs: list[tuple[int, int, int]] = []
    for e in edges:
        u, v = number[e.u], number[e.v]
        if sides is None:
            arcs += [(e.index, 2 * u, 2 * v + 1), (e.index, 2 * v, 2 * u + 1)]
        elif sides[e.u] == 0:
            arcs.append((e.index, 2 * u, 2 * v + 1))
        else:
            arcs.append((e.index, 2 * v, 2 * u + 1))
    for _, tail, head in arcs:
        graph.add_edge(tail, head, weight=-problem.edges[_].scaled, capacity=1)
    cost, flow = nx.network_simplex(graph)
    share: dict[int, int] = {}
    for index, tail, head in arcs:
        if flow[tail][head]:
            share[index] = share.get(index, 0) + (2 if sides is not None else 1)
    return Relaxation(-cost * (2 if sides is not None else 1), share, sides)


def bound_value(problem: Problem, relaxed: Relaxation) -> float:
    """The upper bound in weight units: locked meetings plus half the doubled relaxation."""
    locked = sum(m.scaled for m in problem.locked)
    return (2 * locked + relaxed.total) / (2 * problem.scale)
