"""A timetable being built: which edge sits in which slot, with the moves the heuristic uses.

Each meeting holds resources in its slot: its two people and, for a host, the host's table
(written "#<number>"), so that two hosts sharing a table never sit there at once. Locked
meetings hold theirs for good. Every change goes through `place` and `remove`, which keep a log
so that a tentative move can be undone.
"""

from __future__ import annotations

from essaim.esspresso.scheduler.problem import Edge, Problem

LOCKED = -1


class Timetable:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.edges = problem.edges
        slots = len(problem.slots)
        self.at: list[dict[str, int]] = [{} for _ in range(slots)]
        self.load = [0] * slots
        self.count = dict.fromkeys(problem.people, 0)
        self.slot_of: dict[int, int] = {}
        self.value = 0
        self.log: list[tuple[bool, int, int]] = []
        self.resources = [self._resources(e) for e in problem.edges]
        # Per slot, the movable meetings by scaled weight: the cheapest one is found at once.
        self.by_weight: list[dict[int, set[int]]] = [{} for _ in range(slots)]
        for meeting in problem.locked:
            held = [meeting.u, meeting.v] + ([f"#{meeting.table}"] if meeting.table is not None else [])
            for resource in held:
                self.at[meeting.slot][resource] = LOCKED
            self.load[meeting.slot] += 1

    def _resources(self, edge: Edge) -> tuple[str, ...]:
        tables = {self.problem.hosts[p] for p in (edge.u, edge.v) if p in self.problem.hosts}
        return (edge.u, edge.v, *(f"#{t}" for t in sorted(tables)))

    # -- state -----------------------------------------------------------------------------
    def room(self, slot: int) -> bool:
        return self.problem.limit is None or self.load[slot] < self.problem.limit

    def fits(self, index: int, slot: int) -> bool:
        held = self.at[slot]
        return self.room(slot) and not any(r in held for r in self.resources[index])

    def has_budget(self, index: int) -> bool:
        edge, budget = self.edges[index], self.problem.budget
        return self.count[edge.u] < budget[edge.u] and self.count[edge.v] < budget[edge.v]

    def place(self, index: int, slot: int) -> None:
        edge = self.edges[index]
        for resource in self.resources[index]:
            self.at[slot][resource] = index
        self.load[slot] += 1
        self.count[edge.u] += 1
        self.count[edge.v] += 1
        self.slot_of[index] = slot
        self.by_weight[slot].setdefault(edge.scaled, set()).add(index)
        self.value += edge.scaled
        self.log.append((True, index, slot))

    def remove(self, index: int) -> None:
        edge, slot = self.edges[index], self.slot_of.pop(index)
        for resource in self.resources[index]:
            del self.at[slot][resource]
        self.load[slot] -= 1
        self.count[edge.u] -= 1
        self.count[edge.v] -= 1
        self.by_weight[slot][edge.scaled].discard(index)
        self.value -= edge.scaled
        self.log.append((False, index, slot))

    def undo(self, mark: int) -> None:
        """Undo every change logged after `mark` (a length of the log)."""
        while len(self.log) > mark:
            placed, index, slot = self.log.pop()
            if placed:
                self.remove(index)
            else:
                self.place(index, slot)
            self.log.pop()

    def cheapest(self, slot: int, besides: list[int]) -> int | None:
        """The movable meeting of least weight in `slot` (lowest index on ties), `besides` excepted."""
        buckets = self.by_weight[slot]
        for weight in sorted(buckets):
            left = buckets[weight].difference(besides)
            if left:
                return min(left)
        return None

    # -- moves -----------------------------------------------------------------------------
    def insert(self, index: int) -> bool:
        """Place the edge in a slot free for both people (the least loaded one), if any."""
        if not self.has_budget(index):
            return False
        free = [s for s in self.edges[index].slots if self.fits(index, s)]
        if not free:
            return False
        self.place(index, min(free, key=lambda s: (self.load[s], s)))
        return True

    def insert_with_chain(self, index: int, longest: int = 60) -> bool:
        """Place the edge after moving meetings along a Kempe chain: one person is free in slot
        a, the other in slot b; swapping a and b along the other person's alternating path frees
        them in a too (a 1-step move when the path has one meeting)."""
        if self.insert(index):
            return True
        if not self.has_budget(index):
            return False
        edge = self.edges[index]
        for first, second in ((edge.u, edge.v), (edge.v, edge.u)):
            free_first = [s for s in edge.slots if first not in self.at[s]]
            free_second = [s for s in edge.slots if second not in self.at[s]]
            for a in free_first:
                if second not in self.at[a]:
                    continue
                for b in free_second:
                    if b == a or not (self.room(a) or self.room(b)):
                        continue
                    path = self._chain(second, a, b, first, longest)
                    if path is None or not self.room(b if len(path) % 2 else a):
                        continue
                    mark = len(self.log)
                    for meeting in path:
                        self.remove(meeting)
                    for position, meeting in enumerate(path):
                        self.place(meeting, b if position % 2 == 0 else a)
                    if self.fits(index, a):
                        self.place(index, a)
                        return True
                    self.undo(mark)
        return False

    def _chain(self, start: str, a: int, b: int, avoid: str, longest: int) -> list[int] | None:
        """The meetings on `start`'s path alternating slots a and b, if they can all swap."""
        path: list[int] = []
        person, here, there = start, a, b
        while person in self.at[here]:
            meeting = self.at[here][person]
            if meeting == LOCKED or len(self.resources[meeting]) > 2 or len(path) >= longest:
                return None
            edge = self.edges[meeting]
            if there not in edge.slots:
                return None
            path.append(meeting)
            person = edge.v if edge.u == person else edge.u
            if person == avoid:
                return None
            here, there = there, here
        return path
