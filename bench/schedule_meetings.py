"""Benchmark: the ESSpresso meeting scheduler (issue #11) against a plain greedy and an exact
solver given a time limit, on generated instances, in the same run.

Usage (from the project root):
    make install-bench                                   # highspy and ortools, benchmark only
    .venv/bin/python bench/schedule_meetings.py          # HiGHS MILP, 60 s per instance
    .venv/bin/python bench/schedule_meetings.py --solver cpsat --only bip-1000
    .venv/bin/python bench/schedule_meetings.py --solver none   # scheduler and greedy only

Instances (seeded): a uniform requester asks a target drawn by Zipf-like popularity (weight
1/rank^0.8), weights in {1, 2, 3}; 15 % of people are there in the morning only and 15 % in the
afternoon only; 20 % want at most half as many meetings as there are slots. "bip-" instances
have a bipartite request graph (two halves of the people) and everyone available all day: there
the scheduler must reach its bound. Every timetable is checked against the hard rules
(tests/esspresso/timetable_rules.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from essaim.esspresso.scheduler import Instance, Person, Placed, Result, Wish, schedule  # noqa: E402
from tests.esspresso.timetable_rules import broken_rules, pair_values  # noqa: E402

INSTALL_HINT = "installer les solveurs du banc d'essai : make install-bench (highspy, ortools)"


@dataclass(frozen=True)
class Spec:
    name: str
    people: int
    requests: int
    slots: int
    tables: int
    seed: int
    bipartite: bool = False


SPECS = [
    Spec("s-60", 60, 300, 8, 20, 1),
    Spec("s-200", 200, 1000, 10, 60, 2),
    Spec("s-500-t12", 500, 2000, 12, 150, 3),
    Spec("s-500-t8", 500, 3000, 8, 200, 4),
    Spec("s-1000-l300", 1000, 8000, 16, 300, 5),
    Spec("s-1000-l200", 1000, 8000, 16, 200, 6),
    Spec("bip-300", 300, 1500, 10, 80, 7, bipartite=True),
    Spec("bip-1000", 1000, 6000, 16, 250, 8, bipartite=True),
]


def generate(spec: Spec) -> Instance:
    rng = random.Random(spec.seed)
    slots = tuple(f"s{i + 1:02d}" for i in range(spec.slots))
    people = []
    for i in range(spec.people):
        available, cap = None, None
        if not spec.bipartite:
            draw = rng.random()
            if draw < 0.15:
                available = frozenset(slots[: spec.slots // 2])
            elif draw < 0.30:
                available = frozenset(slots[spec.slots // 2 :])
            if rng.random() < 0.2:
                cap = spec.slots // 2
        people.append(Person(f"p{i}", available, cap))
    half = spec.people // 2
    size = half if spec.bipartite else spec.people
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(size)]
    wishes: dict[tuple[int, int], int] = {}
    while len(wishes) < spec.requests:
        if spec.bipartite:
            a, b = rng.randrange(half), half + rng.choices(range(size), popularity)[0]
            if rng.random() < 0.5:
                a, b = b, a
        else:
            a, b = rng.randrange(spec.people), rng.choices(range(size), popularity)[0]
        if a != b and (a, b) not in wishes:
            wishes[(a, b)] = rng.randint(1, 3)
    return Instance(
        slots, spec.tables, tuple(people), tuple(Wish(f"p{a}", f"p{b}", float(w)) for (a, b), w in wishes.items())
    )


def greedy(instance: Instance) -> Result:
    """Best weight first, each pair in the earliest slot free for both (tables and caps kept)."""
    started = time.perf_counter()
    people = {p.id: p for p in instance.people}
    values = pair_values(instance)
    busy: set[tuple[str, str]] = set()
    load = dict.fromkeys(instance.slots, 0)
    count = dict.fromkeys(people, 0)
    meetings = []
    for pair, _weight in sorted(values.items(), key=lambda item: (-item[1], sorted(item[0]))):
        a, b = sorted(pair)
        if any(people[p].max_meetings is not None and count[p] >= people[p].max_meetings for p in (a, b)):  # type: ignore[operator]
            continue
        for slot in instance.slots:
            free = all(
                (p, slot) not in busy and (people[p].available is None or slot in people[p].available)  # type: ignore[operator]
                for p in (a, b)
            )
            if free and (instance.tables is None or load[slot] < instance.tables):
                load[slot] += 1
                busy.update({(a, slot), (b, slot)})
                count[a] += 1
                count[b] += 1
                meetings.append(Placed(slot, load[slot], (a, b)))
                break
    value = sum(values[frozenset(m.participants)] for m in meetings)
    return Result(tuple(meetings), value, 0.0, (), time.perf_counter() - started)


@dataclass(frozen=True)
class Exact:
    value: float | None
    dual: float | None
    seconds: float
    status: str


def _variables(instance: Instance) -> list[tuple[frozenset[str], str, float]]:
    people = {p.id: p for p in instance.people}
    columns = []
    for pair, weight in sorted(pair_values(instance).items(), key=lambda item: sorted(item[0])):
        for slot in instance.slots:
            if all(people[p].available is None or slot in people[p].available for p in pair):  # type: ignore[operator]
                columns.append((pair, slot, weight))
    return columns


def _rows(instance: Instance, columns: list[tuple[frozenset[str], str, float]]) -> tuple[list[list[int]], list[int]]:
    """For each column, the rows it enters; each row's upper limit. Rows: each pair once, each
    person once per slot, each slot's tables, each person's cap."""
    index: dict[object, int] = {}
    upper: list[int] = []
    caps = {p.id: p.max_meetings for p in instance.people}

    def row(key: object, limit: int) -> int:
        if key not in index:
            index[key] = len(upper)
            upper.append(limit)
        return index[key]

    entries = []
    for pair, slot, _ in columns:
        rows = [row(("pair", pair), 1), *(row(("busy", p, slot), 1) for p in sorted(pair))]
        if instance.tables is not None:
            rows.append(row(("slot", slot), instance.tables))
        rows += [row(("cap", p), caps[p]) for p in sorted(pair) if caps[p] is not None]  # type: ignore[misc]
        entries.append(rows)
    return entries, upper


def solve_highs(instance: Instance, limit: float) -> Exact:
    import highspy
    import numpy as np

    started = time.perf_counter()
    columns = _variables(instance)
    entries, upper = _rows(instance, columns)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(columns), len(upper)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.array([w for _, _, w in columns], dtype=float)
    lp.col_lower_ = np.zeros(len(columns))
    lp.col_upper_ = np.ones(len(columns))
    lp.row_lower_ = np.full(len(upper), -highspy.kHighsInf)
    lp.row_upper_ = np.array(upper, dtype=float)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.cumsum([0] + [len(r) for r in entries]).astype(np.int32)
    lp.a_matrix_.index_ = np.array([i for r in entries for i in r], dtype=np.int32)
    lp.a_matrix_.value_ = np.ones(sum(len(r) for r in entries))
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(columns)
    solver = highspy.Highs()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("time_limit", limit)
    solver.setOptionValue("mip_rel_gap", 1e-4)
    solver.setOptionValue("threads", 2)
    solver.setOptionValue("random_seed", 1)
    solver.passModel(lp)
    solver.run()
    info = solver.getInfo()
    status = solver.modelStatusToString(solver.getModelStatus())
    value = info.objective_function_value if info.primal_solution_status == 2 else None
    return Exact(value, info.mip_dual_bound, time.perf_counter() - started, status)


def solve_cpsat(instance: Instance, limit: float) -> Exact:
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    columns = _variables(instance)
    entries, upper = _rows(instance, columns)
    model = cp_model.CpModel()
    x = [model.new_bool_var(f"x{i}") for i in range(len(columns))]
    members: list[list[int]] = [[] for _ in upper]
    for column, rows in enumerate(entries):
        for r in rows:
            members[r].append(column)
    for r, limit_r in enumerate(upper):
        model.add(sum(x[c] for c in members[r]) <= limit_r)
    model.maximize(sum(int(w) * x[i] for i, (_, _, w) in enumerate(columns)))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 1
    status = solver.solve(model)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return Exact(
        solver.objective_value if found else None,
        solver.best_objective_bound,
        time.perf_counter() - started,
        solver.status_name(status),
    )


def cell(value: float | None, seconds: float, bound: float) -> str:
    if value is None:
        return f"none ({seconds:.1f} s)"
    return f"{value:g} = {100 * value / bound:.2f} % ({seconds:.1f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--solver", choices=["highs", "cpsat", "none"], default="highs")
    parser.add_argument("--time-limit", type=float, default=60.0, help="exact solver's limit, seconds")
    parser.add_argument("--only", help="run only the instances whose name starts with this")
    args = parser.parse_args()
    exact = {"highs": solve_highs, "cpsat": solve_cpsat, "none": None}[args.solver]
    if exact is not None:
        try:
            __import__("highspy" if args.solver == "highs" else "ortools")
        except ImportError:
            print(f"{args.solver} absent : {INSTALL_HINT}.", file=sys.stderr)
            exact = None
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPU, exact solver: {args.solver if exact else 'none'}")
    header = (
        "| instance | people / requests / slots / tables | bound | scheduler | greedy | exact solver (dual bound) |"
    )
    print(header)
    print("|---|---|---|---|---|---|")
    for spec in SPECS:
        if args.only and not spec.name.startswith(args.only):
            continue
        instance = generate(spec)
        cpu = time.process_time()
        ours = schedule(instance, time_limit=10.0)
        cpu = time.process_time() - cpu
        plain = greedy(instance)
        for name, result in (("scheduler", ours), ("greedy", plain)):
            broken = broken_rules(instance, result) if name == "scheduler" else []
            if broken:
                raise SystemExit(f"{spec.name}: {name} breaks {broken[:3]}")
        bound = ours.upper_bound

        solved = ""
        if exact is not None:
            run = exact(instance, args.time_limit)
            solved = (
                f"{cell(run.value, run.seconds, bound)}, {run.status} ({run.dual:g})"
                if run.dual is not None
                else cell(run.value, run.seconds, bound)
            )
        size = f"{spec.people} / {len(instance.wishes)} / {spec.slots} / {spec.tables}"
        print(
            f"| {spec.name} | {size} | {bound:g} | {cell(ours.value, ours.seconds, bound)[:-1]}, CPU {cpu:.1f} s) "
            f"| {cell(plain.value, plain.seconds, bound)} | {solved} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
