"""Random scheduler instances for the property tests: small, with partial availability, caps,
locked meetings and hosts, including empty instances and people with no available slot."""

from __future__ import annotations

from types import MappingProxyType

from hypothesis import strategies as st

from essaim.esspresso.scheduler import Instance, Person, Placed, Wish

WEIGHTS = st.sampled_from([1.0, 2.0, 3.0, 0.5])


@st.composite
def instances(draw: st.DrawFn, *, locked: bool = True, hosts: bool = True, max_people: int = 8) -> Instance:
    slots = tuple(f"s{i}" for i in range(draw(st.integers(0, 4))))
    tables = draw(st.one_of(st.none(), st.integers(1, 3)))
    ids = [f"p{i}" for i in range(draw(st.integers(0, max_people)))]
    people = tuple(
        Person(
            id=person,
            available=draw(
                st.one_of(st.none(), st.frozensets(st.sampled_from(slots)) if slots else st.just(frozenset()))
            ),
            max_meetings=draw(st.one_of(st.none(), st.integers(0, 3))),
        )
        for person in ids
    )
    wishes: tuple[Wish, ...] = ()
    if len(ids) >= 2:
        pairs = draw(
            st.lists(
                st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1]),
                unique=True,
                max_size=16,
            )
        )
        wishes = tuple(Wish(a, b, draw(WEIGHTS)) for a, b in pairs)
    host_tables: dict[str, int] = {}
    if hosts and ids:
        for person in draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)):
            host_tables[person] = draw(st.integers(1, tables or 3))
    kept: tuple[Placed, ...] = ()
    if locked and slots and len(ids) >= 2:
        candidates = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(slots),
                    st.sampled_from(ids),
                    st.sampled_from(ids),
                    st.one_of(st.none(), st.integers(1, tables or 3)),
                ),
                max_size=4,
            )
        )
        kept = _valid_locked(people, tables, host_tables, candidates)
    return Instance(slots, tables, people, wishes, kept, MappingProxyType(host_tables))


def _valid_locked(
    people: tuple[Person, ...],
    tables: int | None,
    hosts: dict[str, int],
    candidates: list[tuple[str, str, str, int | None]],
) -> tuple[Placed, ...]:
    """The candidates a consistent instance may lock, in order, the others dropped."""
    by_id = {p.id: p for p in people}
    kept: list[Placed] = []
    for slot, a, b, table in candidates:
        if a == b or any(frozenset((a, b)) == frozenset(m.participants) for m in kept):
            continue
        if any(by_id[p].available is not None and slot not in by_id[p].available for p in (a, b)):  # type: ignore[operator]
            continue
        same_slot = [m for m in kept if m.slot == slot]
        if any(p in m.participants for m in same_slot for p in (a, b)):
            continue
        if tables is not None and len(same_slot) >= tables:
            continue
        caps = [by_id[p].max_meetings for p in (a, b)]
        if any(
            c is not None and sum(p in m.participants for m in kept) >= c for p, c in zip((a, b), caps, strict=True)
        ):
            continue
        effective = table
        if effective is None:
            host_tables = {hosts[p] for p in (a, b) if p in hosts}
            if len(host_tables) > 1:
                continue
            effective = next(iter(host_tables), None)
        if effective is not None and any(_table_of(m, hosts) == effective for m in same_slot):
            continue
        kept.append(Placed(slot, table, (a, b)))
    return tuple(kept)


def _table_of(meeting: Placed, hosts: dict[str, int]) -> int | None:
    if meeting.table is not None:
        return meeting.table
    return next((hosts[p] for p in meeting.participants if p in hosts), None)
