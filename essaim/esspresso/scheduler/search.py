"""The heuristic for general instances (research note, section 2.5): place the pairs of the
optimal fractional b-matching first, heaviest first, each in a free common slot or after a Kempe
chain move; then improve by swapping a missing pair in for cheaper meetings that block it, the
evicted meetings being put back elsewhere when they can. Deterministic: no randomness, and the
clock only stops the improvement early on instances far larger than the targets."""

from __future__ import annotations

import time

from essaim.esspresso.scheduler.bound import Relaxation
from essaim.esspresso.scheduler.problem import Problem
from essaim.esspresso.scheduler.timetable import LOCKED, Timetable


def build(problem: Problem, relaxed: Relaxation, deadline: float) -> Timetable:
    table = Timetable(problem)
    order = sorted(
        range(len(problem.edges)),
        key=lambda i: (-relaxed.share.get(i, 0), -problem.edges[i].scaled, len(problem.edges[i].slots), i),
    )
    for index in order:
        if problem.edges[index].slots:
            table.insert_with_chain(index)
    for _ in range(20):
        if time.monotonic() > deadline or not _improve(table, order, deadline):
            break
    return table


def _improve(table: Timetable, order: list[int], deadline: float) -> bool:
    """One pass of swap-ins over the missing pairs; True when the value grew."""
    start = table.value
    for index in order:
        if index in table.slot_of or not table.edges[index].slots:
            continue
        if time.monotonic() > deadline:
            break
        if table.insert_with_chain(index):
            continue
        _swap_in(table, index)
    return table.value > start


def _swap_in(table: Timetable, index: int) -> None:
    """Try each slot: evict what blocks the pair there (cheapest first), place it, put the
    evicted meetings back where possible; keep the best strict gain."""
    edge = table.edges[index]
    for person in (edge.u, edge.v):
        # A person at their budget loses a meeting: hopeless when all are worth more.
        if table.count[person] >= table.problem.budget[person]:
            own = [table.edges[m].scaled for held in table.at if (m := held.get(person, LOCKED)) != LOCKED]
            if not own or min(own) > edge.scaled:
                return
    before = table.value
    best: tuple[int, int] | None = None
    for slot in edge.slots:
        held = table.at[slot]
        direct = {held.get(r) for r in table.resources[index]}
        if LOCKED in direct or sum(table.edges[m].scaled for m in direct if m is not None) > edge.scaled:
            continue
        evicted = _blockers(table, index, slot)
        if evicted is None or sum(table.edges[e].scaled for e in evicted) > edge.scaled:
            continue
        mark = len(table.log)
        _apply(table, index, slot, evicted)
        gain = table.value - before
        table.undo(mark)
        if gain > 0 and (best is None or gain > best[0]):
            best = (gain, slot)
    if best is not None:
        slot = best[1]
        evicted = _blockers(table, index, slot)
        if evicted is not None:
            _apply(table, index, slot, evicted)


def _apply(table: Timetable, index: int, slot: int, evicted: list[int]) -> None:
    for other in evicted:
        table.remove(other)
    table.place(index, slot)
    for other in sorted(evicted, key=lambda e: -table.edges[e].scaled):
        table.insert_with_chain(other, longest=20)


def _blockers(table: Timetable, index: int, slot: int) -> list[int] | None:
    """The meetings to remove so that the pair fits in `slot`, or None if a locked one blocks."""
    held = table.at[slot]
    found: list[int] = []
    for resource in table.resources[index]:
        meeting = held.get(resource)
        if meeting == LOCKED:
            return None
        if meeting is not None and meeting not in found:
            found.append(meeting)
    limit = table.problem.limit
    if limit is not None and table.load[slot] - len(found) >= limit:
        cheapest = table.cheapest(slot, found)
        if cheapest is None:
            return None
        found.append(cheapest)
    edge = table.edges[index]
    for person in (edge.u, edge.v):
        involved = sum(1 for m in found if person in (table.edges[m].u, table.edges[m].v))
        if table.count[person] - involved >= table.problem.budget[person]:
            own = [m for held_then in table.at if (m := held_then.get(person, LOCKED)) != LOCKED and m not in found]
            if not own:
                return None
            found.append(min(own, key=lambda m: (table.edges[m].scaled, m)))
    return found
