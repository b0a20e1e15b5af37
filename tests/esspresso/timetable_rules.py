"""The scheduler's hard rules restated on their own (issue #11), to check any result against
its instance without trusting the scheduler's code. Also used by bench/schedule_meetings.py."""

from __future__ import annotations

from collections import Counter

from essaim.esspresso.scheduler import CAUSES, Instance, Result


def pair_values(instance: Instance) -> dict[frozenset[str], float]:
    """Each requested pair and its value: the sum of the weights of its one or two requests."""
    values: dict[frozenset[str], float] = {}
    for wish in instance.wishes:
        pair = frozenset((wish.a, wish.b))
        values[pair] = values.get(pair, 0.0) + wish.weight
    return values


def broken_rules(instance: Instance, result: Result) -> list[str]:
    """Every hard rule the result breaks, as short English descriptions (empty: all kept)."""
    broken: list[str] = []
    people = {p.id: p for p in instance.people}
    values = pair_values(instance)
    locked_pairs = {frozenset(m.participants) for m in instance.locked}
    busy: Counter[tuple[str, str]] = Counter()
    pairs: Counter[frozenset[str]] = Counter()
    per_slot: Counter[str] = Counter()
    tables_used: Counter[tuple[str, int]] = Counter()
    count: Counter[str] = Counter()
    for m in result.meetings:
        a, b = m.participants
        pair = frozenset((a, b))
        if m.slot not in instance.slots:
            broken.append(f"unknown slot {m.slot}")
        if a == b or a not in people or b not in people:
            broken.append(f"bad participants {m.participants}")
            continue
        for person in (a, b):
            available = people[person].available
            if available is not None and m.slot not in available:
                broken.append(f"{person} not available in {m.slot}")
            busy[(person, m.slot)] += 1
            count[person] += 1
        pairs[pair] += 1
        if pair not in values and pair not in locked_pairs:
            broken.append(f"pair {sorted(pair)} was not requested")
        per_slot[m.slot] += 1
        if m.table is None or m.table < 1 or (instance.tables is not None and m.table > instance.tables):
            broken.append(f"bad table {m.table} for {m}")
        else:
            tables_used[(m.slot, m.table)] += 1
        is_locked = any(frozenset(k.participants) == pair and k.slot == m.slot for k in instance.locked)
        if not is_locked:
            for person in (a, b):
                host_table = instance.host_tables.get(person)
                if host_table is not None and m.table != host_table:
                    broken.append(f"host {person} away from table {host_table}: {m}")
    broken += [f"{person} twice in {slot}" for (person, slot), n in busy.items() if n > 1]
    broken += [f"pair {sorted(pair)} met {n} times" for pair, n in pairs.items() if n > 1]
    if instance.tables is not None:
        broken += [f"{n} meetings in {slot}" for slot, n in per_slot.items() if n > instance.tables]
    broken += [f"table {t} twice in {slot}" for (slot, t), n in tables_used.items() if n > 1]
    for person in instance.people:
        locked_count = sum(person.id in m.participants for m in instance.locked)
        if person.max_meetings is not None and count[person.id] > max(person.max_meetings, locked_count):
            broken.append(f"{person.id} above their cap")
    placed = {(m.slot, frozenset(m.participants)): m.table for m in result.meetings}
    for m in instance.locked:
        key = (m.slot, frozenset(m.participants))
        if key not in placed or (m.table is not None and placed[key] != m.table):
            broken.append(f"locked meeting lost or moved: {m}")
    value = sum(values.get(frozenset(m.participants), 0.0) for m in result.meetings)
    if abs(value - result.value) > 1e-6 * max(1.0, value):
        broken.append(f"value {result.value} but the meetings are worth {value}")
    if result.value > result.upper_bound + 1e-6 * max(1.0, result.value):
        broken.append(f"value {result.value} above the bound {result.upper_bound}")
    missing = {pair for pair in values if pair not in pairs}
    reported = Counter(frozenset(u.participants) for u in result.unplaced)
    if set(reported) != missing or any(n > 1 for n in reported.values()):
        broken.append("unplaced pairs do not match the requested pairs left out")
    broken += [f"bad cause {u.cause}" for u in result.unplaced if u.cause not in CAUSES or not u.reason]
    return broken
