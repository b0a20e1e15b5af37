"""The scheduler's entry points: `schedule` and `upper_bound`.

Two paths. When the request graph is bipartite, availability is the same for everyone, nothing
is locked and no two hosts share a table, the optimum is reached exactly: an integral b-matching
(a min-cost flow) chooses the pairs, and an equitable König edge colouring spreads them over the
slots, at most ceil(pairs / slots) <= tables per slot. Otherwise the heuristic of `search` runs.
Table numbers come last: a host keeps their table, a locked meeting keeps its own, the others
take the smallest free numbers of their slot.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from essaim.esspresso.scheduler.bound import Relaxation, bound_value, count_relaxation, relaxation, usable_edges
from essaim.esspresso.scheduler.checks import check_instance
from essaim.esspresso.scheduler.colouring import bipartite_edge_colouring
from essaim.esspresso.scheduler.model import Instance, Placed, Result
from essaim.esspresso.scheduler.problem import Problem, build_problem
from essaim.esspresso.scheduler.reasons import unplaced_pairs
from essaim.esspresso.scheduler.search import build
from essaim.esspresso.scheduler.timetable import Timetable


def upper_bound(instance: Instance) -> float:
    """No timetable of `instance` is worth more (the b-matching bound, see `bound`)."""
    check_instance(instance)
    problem = build_problem(instance)
    return bound_value(problem, relaxation(problem))


def schedule(instance: Instance, *, time_limit: float = 10.0, labels: Mapping[str, str] | None = None) -> Result:
    """A timetable of `instance` respecting every hard rule, with the pairs left out and why.
    `labels` maps person ids to the names used in the reasons. Same input, same output: the clock
    only cuts the improvement passes short (at 80 % of `time_limit`), which the targets of the
    benchmark (1,000 people, 8,000 requests in a few seconds) never reach."""
    started = time.monotonic()
    check_instance(instance)
    problem = build_problem(instance)
    relaxed = relaxation(problem)
    table = _exact(problem, relaxed) or build(problem, relaxed, started + max(0.5, time_limit * 0.8))
    meetings = _numbered(problem, table)
    value = (sum(m.scaled for m in problem.locked) + table.value) / problem.scale
    if not problem.exact:
        value = sum(m.weight for m in problem.locked) + sum(problem.edges[e].weight for e in table.slot_of)
    return Result(
        meetings=meetings,
        value=value,
        upper_bound=max(value, bound_value(problem, relaxed)),
        unplaced=tuple(unplaced_pairs(problem, table, labels or {})),
        seconds=time.monotonic() - started,
    )


def _exact(problem: Problem, relaxed: Relaxation) -> Timetable | None:
    """The optimal timetable of a bipartite instance with uniform availability, or None."""
    if relaxed.sides is None or problem.locked:
        return None
    tables = list(problem.hosts.values())
    if len(set(tables)) != len(tables):
        return None
    edges = usable_edges(problem)
    common = {e.slots for e in edges}
    if len(common) > 1:
        return None
    chosen = [e for e in edges if relaxed.share.get(e.index, 0) == 2]
    degree: dict[str, int] = {}
    for edge in chosen:
        degree[edge.u] = degree.get(edge.u, 0) + 1
        degree[edge.v] = degree.get(edge.v, 0) + 1
    if chosen and max(degree.values()) > len(chosen[0].slots):
        return None
    # The bound counts the tables of every slot; the pairs may share fewer slots than that
    # (everyone who asked is away for one): an even spread must still fit the tables.
    if chosen and problem.limit is not None and -(-len(chosen) // len(chosen[0].slots)) > problem.limit:
        return None
    table = Timetable(problem)
    if chosen:
        slots = chosen[0].slots
        colours = bipartite_edge_colouring([(e.u, e.v) for e in chosen], len(slots))
        for edge, colour in zip(chosen, colours, strict=True):
            table.place(edge.index, slots[colour])
    return table


def _numbered(problem: Problem, table: Timetable) -> tuple[Placed, ...]:
    """Every meeting with its table: fixed numbers first, then the smallest free ones."""
    rows: list[tuple[int, int | None, str, str]] = [(m.slot, m.table, m.u, m.v) for m in problem.locked]
    for index, slot in table.slot_of.items():
        edge = problem.edges[index]
        host = problem.hosts.get(edge.u, problem.hosts.get(edge.v))
        rows.append((slot, host, edge.u, edge.v))
    order = {p: i for i, p in enumerate(problem.people)}
    rows.sort(key=lambda r: (r[0], r[1] is None, r[1] or 0, order[r[2]], order[r[3]]))
    used: dict[int, set[int]] = {}
    for slot, fixed, _, _ in rows:
        if fixed is not None:
            used.setdefault(slot, set()).add(fixed)
    numbered: list[Placed] = []
    for slot, fixed, u, v in rows:
        taken = used.setdefault(slot, set())
        number = fixed
        if number is None:
            number = 1
            while number in taken:
                number += 1
            taken.add(number)
        numbered.append(Placed(problem.slots[slot], number, (u, v)))
    numbered.sort(key=lambda m: (problem.slots.index(m.slot), m.table or 0))
    return tuple(numbered)


def meeting_count_bound(instance: Instance) -> int:
    """No timetable of `instance` holds more meetings: the same bound with every pair worth 1,
    computed as a maximum flow (see `bound.count_relaxation`)."""
    check_instance(instance)
    problem = build_problem(instance)
    return len(problem.locked) + count_relaxation(problem)
