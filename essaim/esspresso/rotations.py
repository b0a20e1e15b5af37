"""Speed-meeting rotations: everyone meets as many others as possible. Pure Python, no Django.

Rules, the same for every table size:
- Two people of the same organisation never sit at one table (hard). People without an
  organisation count as their own.
- Each person sits at most once per round; whoever sits at no table rests (`Rotation.resting`).
- As few pairs as possible meet twice; `repeated_pairs` counts, exactly, every meeting of a
  pair beyond its first.

Pairs (`table_size=2`) follow the circle method (round robin): n people give n − 1 rounds (n
when n is odd, one person resting each round) in which no pair meets twice; of these, the rounds
with the fewest pairs of colleagues are used. Colleagues drawn together do not sit; whoever is
left resting meets, where possible, someone they meet in no other round (`_seat_resting`).
Rounds beyond a full round robin come from the heuristic below, which spreads the repeats.

Tables of k ≥ 3 (the social golfer problem, hard in general) use a heuristic: each round is
seated greedily (people of the largest organisations first, each at the table where they have
met fewest people already), then a tabu search swaps people between tables of a round to remove
repeats (after Dotú and Van Hentenryck's search for social golfers), within a fixed budget.
Loose events end with no repeat, and some perfect designs are found (Kirkman's fifteen people
in threes over 7 rounds); the tightest keep a few (32 people in fours over 10 rounds: 29 of 480).
Everything is deterministic for a given `seed`.

Table sizes: a round with m people seated uses ⌈m / k⌉ tables, as evenly filled as possible
(sizes differ by one at most), so no table has fewer than k − 1 people once m ≥ k(k − 1);
below that, the smallest tables have ⌊m / ⌈m / k⌉⌋ people. An organisation with more people
than tables cannot seat them all: the extra ones rest, those who rested least first.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

Table = list[int]
# The search stops after MAX_STEPS swaps, MAX_WORK seats looked at (about two seconds of CPython)
# or RESTARTS restarts without a better schedule, whichever comes first: deterministic, unlike a
# time limit. It restarts after PATIENCE swaps without a better schedule.
MAX_STEPS = 5_000
MAX_WORK = 2_000_000
PATIENCE = 200
RESTARTS = 8
SMALL = 40


@dataclass(frozen=True)
class Rotation:
    """Round → tables → person ids; `resting` holds, for each round, who sits at no table."""

    rounds: tuple[tuple[tuple[str, ...], ...], ...]
    repeated_pairs: int
    resting: tuple[tuple[str, ...], ...] = ()


def repeated_pairs(rounds: Sequence[Sequence[Sequence[str]]]) -> int:
    """How many meetings are repeats: for each pair, its meetings beyond the first."""
    met = Counter(frozenset(pair) for tables in rounds for table in tables for pair in combinations(table, 2))
    return sum(count - 1 for count in met.values())


def rotate(
    people: Sequence[str],
    organisation_of: Mapping[str, str],
    *,
    rounds: int,
    table_size: int = 2,
    seed: int = 0,
) -> Rotation:
    """`rounds` rounds of tables of `table_size` people (see the module's rules)."""
    for wrong, message in (
        (len(set(people)) != len(people), "Une même personne figure deux fois dans la liste."),
        (rounds < 0, "Le nombre de tours ne peut pas être négatif."),
        (table_size < 2, "Une table réunit au moins deux personnes."),
    ):
        if wrong:
            raise ValueError(message)
    rng = random.Random(seed)
    order = list(people)
    rng.shuffle(order)
    names = {organisation_of.get(person) or f"\0{person}" for person in order}
    number = {name: index for index, name in enumerate(sorted(names))}
    organisations = [number[organisation_of.get(person) or f"\0{person}"] for person in order]
    planner = _Planner(organisations, table_size, rng)
    if table_size == 2:
        schedule = _pairs(planner, rounds)
    else:
        schedule = [planner.seat_round() for _ in range(rounds)]
        planner.search(schedule, list(range(rounds)))
    position = {person: index for index, person in enumerate(people)}

    def names_of(table: Table) -> tuple[str, ...]:
        return tuple(sorted((order[member] for member in table), key=position.__getitem__))

    result = tuple(
        tuple(sorted((names_of(table) for table in tables), key=lambda table: position[table[0]]))
        for tables in schedule
    )
    resting = tuple(tuple(person for person in people if person not in set().union(*tables)) for tables in result)
    return Rotation(rounds=result, repeated_pairs=repeated_pairs(result), resting=resting)


def _pairs(planner: _Planner, rounds: int) -> list[list[Table]]:
    """The circle method, then the heuristic for rounds beyond a full round robin."""
    circle = _circle(planner.size)
    organisation = planner.organisations
    colleagues = [sum(organisation[a] == organisation[b] for a, b in pairs) for pairs in circle]
    chosen = sorted(sorted(range(len(circle)), key=lambda index: (colleagues[index], index))[:rounds])
    used = {frozenset(pair) for index in chosen for pair in circle[index]}
    schedule: list[list[Table]] = []
    for index in chosen:
        tables = [[a, b] for a, b in circle[index] if organisation[a] != organisation[b]]
        seated = {member for table in tables for member in table}
        _seat_resting(tables, [person for person in range(planner.size) if person not in seated], used, organisation)
        schedule.append(tables)
        planner.record(tables)
    schedule += [planner.seat_round() for _ in range(rounds - len(chosen))]
    planner.search(schedule, list(range(len(chosen), rounds)))
    return schedule


def _seat_resting(tables: list[Table], resting: list[int], used: set[frozenset[int]], organisation: list[int]) -> None:
    """Seat people resting in a round of pairs without making anyone meet twice: two of them
    together if they meet in no other round, or, when they cannot (colleagues), each with one
    person of a pair (u, v) of the round, which is then not held (one meeting lost, two won)."""

    def fits(a: int, b: int) -> bool:
        return organisation[a] != organisation[b] and frozenset((a, b)) not in used

    def seat() -> bool:
        for x, y in combinations(resting, 2):
            if fits(x, y):
                tables.append([x, y])
                used.add(frozenset((x, y)))
                resting[:] = [person for person in resting if person not in (x, y)]
                return True
            for index, (u, v) in enumerate(tables):
                for p, q in ((u, v), (v, u)):
                    if fits(x, p) and fits(y, q):
                        used.discard(frozenset((u, v)))
                        used.update((frozenset((x, p)), frozenset((y, q))))
                        tables[index] = [x, p]
                        tables.append([y, q])
                        resting[:] = [person for person in resting if person not in (x, y)]
                        return True
        return False

    while len(resting) >= 2 and seat():
        pass


def _circle(size: int) -> list[list[tuple[int, int]]]:
    """The rounds of a round robin of `size` people (a ghost, -1, added when size is odd): the
    first stays put, the others turn one place each round."""
    players = list(range(size)) + ([-1] if size % 2 else [])
    if len(players) < 2:
        return []
    fixed, others = players[0], players[1:]
    rounds = []
    for turn in range(len(others)):
        line = [fixed, *others[turn:], *others[:turn]]
        pairs = [(line[i], line[-1 - i]) for i in range(len(line) // 2)]
        rounds.append([(a, b) for a, b in pairs if a >= 0 and b >= 0])
    return rounds


class _Planner:
    """Who has met whom so far and who has rested; seats a round greedily, then improves
    rounds by a tabu search on swaps (after Dotú and Van Hentenryck's social golfer search)."""

    def __init__(self, organisations: list[int], table_size: int, rng: random.Random) -> None:
        self.organisations = organisations
        self.size = len(organisations)
        self.table_size = table_size
        self.rng = rng
        self.met = [[0] * self.size for _ in range(self.size)]
        self.rested = [0] * self.size

    def record(self, tables: list[Table]) -> None:
        """Count the meetings and rests of a round."""
        seated = set()
        for table in tables:
            seated.update(table)
            for a, b in combinations(table, 2):
                self.met[a][b] += 1
                self.met[b][a] += 1
        for person in range(self.size):
            if person not in seated:
                self.rested[person] += 1

    def _seated(self) -> list[int]:
        """Who sits this round: everyone, except people of an organisation larger than the
        number of tables (and, for pairs, one person of an odd number), those who rested least
        resting first."""
        seated = sorted(range(self.size), key=lambda person: (-self.rested[person], self.rng.random()))
        while True:
            tables = math.ceil(len(seated) / self.table_size)
            count: Counter[int] = Counter()
            kept = []
            for person in seated:
                count[self.organisations[person]] += 1
                if count[self.organisations[person]] <= tables:
                    kept.append(person)
            if (self.table_size == 2 and len(kept) % 2) or len(kept) == 1:
                kept.pop()
            if len(kept) == len(seated):
                return seated
            seated = kept

    def seat_round(self) -> list[Table]:
        """Seat one round greedily: people of the largest organisations first, each at the
        table (with room and no colleague) where they have met fewest people; recorded."""
        seated = self._seated()
        count = len(seated)
        number = math.ceil(count / self.table_size)
        sizes = [count // number + (1 if index < count % number else 0) for index in range(number)]
        members: Counter[int] = Counter(self.organisations[person] for person in seated)
        order = sorted(seated, key=lambda person: (-members[self.organisations[person]], self.rng.random()))
        tables: list[Table] = [[] for _ in sizes]
        for person in order:
            options = [
                (sum(self.met[person][other] for other in table), len(table), self.rng.random(), index)
                for index, table in enumerate(tables)
                if len(table) < sizes[index]
                and all(self.organisations[other] != self.organisations[person] for other in table)
            ]
            if not options:
                tables = self._dealt(order, len(sizes))
                break
            tables[min(options)[3]].append(person)
        self.record(tables)
        return tables

    def _dealt(self, seated: list[int], number: int) -> list[Table]:
        """Always valid when no organisation has more people than tables: people grouped by
        organisation, largest first, dealt to the tables in turn (sizes then differ by one)."""
        groups: dict[int, list[int]] = {}
        for person in seated:
            groups.setdefault(self.organisations[person], []).append(person)
        line = [person for group in sorted(groups.values(), key=len, reverse=True) for person in group]
        tables: list[Table] = [[] for _ in range(number)]
        for index, person in enumerate(line):
            tables[index % number].append(person)
        return tables

    def _repeats(self) -> int:
        return sum(max(count - 1, 0) for row in self.met for count in row) // 2

    def _fewest_repeats(self, schedule: list[list[Table]]) -> int:
        """A lower bound on the repeats: each person's meetings beyond the people they may meet."""
        meetings: Counter[int] = Counter()
        for table in (table for tables in schedule for table in tables):
            meetings.update(dict.fromkeys(table, len(table) - 1))
        colleagues = Counter(self.organisations)
        excess = sum(
            max(meetings[person] - (self.size - colleagues[self.organisations[person]]), 0)
            for person in range(self.size)
        )
        return (excess + 1) // 2

    def search(self, schedule: list[list[Table]], movable: list[int]) -> None:
        """Lower the repeats by swapping two people of one round (rounds `movable` only): at
        each step, in a round where a pair meets again, the best swap of one of them, not
        undone for a few steps (tabu) unless it beats the best schedule found. After PATIENCE
        steps without a new best, start again from the best with a few random swaps. The best
        schedule found is kept."""
        repeats, bound = self._repeats(), self._fewest_repeats(schedule)
        if repeats <= bound or not movable:
            return
        met, organisation, rng = self.met, self.organisations, self.rng
        where = {index: [-1] * self.size for index in movable}
        for index in movable:
            for number, table in enumerate(schedule[index]):
                for person in table:
                    where[index][person] = number
        twice = {(a, b) for a in range(self.size) for b in range(a + 1, self.size) if met[a][b] >= 2}

        def meet(a: int, b: int, change: int) -> None:
            met[a][b] += change
            met[b][a] += change
            if met[a][b] >= 2:
                twice.add((min(a, b), max(a, b)))
            else:
                twice.discard((min(a, b), max(a, b)))

        def swap(index: int, a: int, b: int) -> None:
            tables, seat = schedule[index], where[index]
            left, right = tables[seat[a]], tables[seat[b]]
            for other in left:
                if other != a:
                    meet(a, other, -1)
                    meet(b, other, 1)
            for other in right:
                if other != b:
                    meet(b, other, -1)
                    meet(a, other, 1)
            left[left.index(a)], right[right.index(b)] = b, a
            seat[a], seat[b] = seat[b], seat[a]

        def snapshot() -> dict[int, list[Table]]:
            return {index: [list(table) for table in schedule[index]] for index in movable}

        def restore(rounds: dict[int, list[Table]]) -> None:
            for index, tables in rounds.items():
                for table in schedule[index]:
                    for a, b in combinations(table, 2):
                        meet(a, b, -1)
                schedule[index] = [list(table) for table in tables]
                for number, table in enumerate(schedule[index]):
                    for a, b in combinations(table, 2):
                        meet(a, b, 1)
                    for person in table:
                        where[index][person] = number

        def may_swap(index: int, a: int, b: int) -> bool:
            left, right = schedule[index][where[index][a]], schedule[index][where[index][b]]
            beside_a, beside_b = ({organisation[o] for o in table if o not in (a, b)} for table in (left, right))
            return left is not right and organisation[a] not in beside_b and organisation[b] not in beside_a

        best, best_rounds, best_step = repeats, snapshot(), 0
        tabu: dict[tuple[int, int], int] = {}
        work = restarts = 0
        for step in range(MAX_STEPS):
            if work > MAX_WORK or not twice:
                break
            if step - best_step > PATIENCE:
                restarts += 1
                if restarts > RESTARTS:
                    break
                restore(best_rounds)
                for _ in range(1 + self.size // 8):
                    index = movable[rng.randrange(len(movable))]
                    seated = [person for table in schedule[index] for person in table]
                    if len(seated) > 1:
                        a, b = rng.sample(seated, 2)
                        if may_swap(index, a, b):
                            swap(index, a, b)
                repeats, best_step = self._repeats(), step
                work += self.size * self.size
            # The rounds where a pair meets again, and who in them.
            stuck: dict[int, set[int]] = {}
            for a, b in twice:
                for index in movable:
                    if where[index][a] == where[index][b] != -1:
                        stuck.setdefault(index, set()).update((a, b))
            work += len(twice) * len(movable)
            if not stuck:
                break
            choice: tuple[int, float, int, int, int] | None = None
            # Small events look at every round with a repeat for the best swap; large ones,
            # where a step costs more, at one round drawn at random (measured best both ways).
            looked = sorted(stuck)
            if self.size > SMALL:
                looked = [looked[rng.randrange(len(looked))]]
            for index in looked:
                tables, seat = schedule[index], where[index]
                work += self.size * self.table_size
                organisations = [{organisation[person] for person in table} for table in tables]
                # What each person of the round would lose by leaving their table (pairs met again).
                lost = {person: sum(met[person][other] >= 2 for other in table) for table in tables for person in table}
                for a in sorted(stuck[index]):
                    left = [other for other in tables[seat[a]] if other != a]
                    row_a = met[a]
                    work += self.size * len(left)
                    for number, right in enumerate(tables):
                        if number == seat[a]:
                            continue
                        foreign = organisation[a] not in organisations[number]
                        gain_a = sum(1 for other in right if row_a[other] >= 1) - lost[a]
                        for b in right:
                            if organisation[b] != organisation[a] and (
                                not foreign or organisation[b] in organisations[seat[a]]
                            ):
                                continue
                            row_b = met[b]
                            delta = gain_a - (row_a[b] >= 1) + sum(1 for other in left if row_b[other] >= 1) - lost[b]
                            if (tabu.get((index, a), -1) >= step or tabu.get((index, b), -1) >= step) and (
                                repeats + delta >= best
                            ):
                                continue
                            option = (delta, rng.random(), a, b, index)
                            if choice is None or option < choice:
                                choice = option
            if choice is None:
                continue
            delta, _, a, b, index = choice
            swap(index, a, b)
            repeats += delta
            tabu[(index, a)] = tabu[(index, b)] = step + 3 + rng.randrange(8)
            if repeats < best:
                best, best_rounds, best_step, restarts = repeats, snapshot(), step, 0
                if best <= bound:
                    break
        restore(best_rounds)
