import math
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings, strategies as st

from essaim.esspresso.rotations import rotate


def people(count):
    return [f"p{index:02d}" for index in range(count)]


def meetings(rotation):
    """How many times each pair sits at one table (counted here on its own)."""
    return Counter(frozenset(pair) for tables in rotation.rounds for table in tables for pair in combinations(table, 2))


def seated(tables):
    return [person for table in tables for person in table]


def test_pairs_meet_everyone_once_in_a_full_round_robin():
    rotation = rotate(people(10), {}, rounds=9)
    assert rotation.repeated_pairs == 0
    assert len(meetings(rotation)) == 45
    assert all(sorted(seated(tables)) == people(10) for tables in rotation.rounds)
    assert rotation.resting == ((),) * 9


def test_with_an_odd_number_of_pairs_one_person_rests_each_round_and_each_in_turn():
    rotation = rotate(people(7), {}, rounds=7)
    assert rotation.repeated_pairs == 0
    assert len(meetings(rotation)) == 21
    assert all(len(resting) == 1 for resting in rotation.resting)
    assert sorted(person for resting in rotation.resting for person in resting) == people(7)


def test_rounds_beyond_a_round_robin_repeat_only_the_pairs_they_must():
    assert rotate(people(6), {}, rounds=6).repeated_pairs == 3
    rotation = rotate(people(6), {}, rounds=7)
    assert rotation.repeated_pairs == 6
    assert max(meetings(rotation).values()) == 2


def test_colleagues_never_sit_together_and_are_seated_with_others_instead():
    team = people(12)
    organisation_of = {person: f"org{index % 3}" for index, person in enumerate(team)}
    for size in (2, 3, 4):
        rotation = rotate(team, organisation_of, rounds=5, table_size=size)
        for tables in rotation.rounds:
            for table in tables:
                assert len({organisation_of[person] for person in table}) == len(table)
        if size == 2:
            assert rotation.repeated_pairs == 0


def test_tables_hold_k_or_k_minus_one_people():
    rotation = rotate(people(22), {}, rounds=3, table_size=4)
    for tables in rotation.rounds:
        assert sorted(len(table) for table in tables) == [3, 3, 4, 4, 4, 4]


def test_nine_people_in_threes_meet_everyone_once_in_four_rounds():
    rotation = rotate(people(9), {}, rounds=4, table_size=3)
    assert rotation.repeated_pairs == 0
    assert len(meetings(rotation)) == 36


def test_kirkman_fifteen_people_in_threes_meet_everyone_once_in_seven_rounds():
    rotation = rotate(people(15), {}, rounds=7, table_size=3)
    assert rotation.repeated_pairs == 0
    assert len(meetings(rotation)) == 105


def test_sixteen_people_in_fours_meet_everyone_once_in_five_rounds():
    rotation = rotate(people(16), {}, rounds=5, table_size=4)
    assert rotation.repeated_pairs == 0
    assert len(meetings(rotation)) == 120


def test_loose_tables_of_four_never_repeat_a_pair():
    rotation = rotate(people(60), {}, rounds=12, table_size=4)
    assert rotation.repeated_pairs == 0


def test_an_organisation_larger_than_the_number_of_tables_rests_in_turn():
    team = people(6)
    organisation_of = {"p00": "big", "p01": "big", "p02": "big"}
    rotation = rotate(team, organisation_of, rounds=3, table_size=3)
    assert [len(resting) for resting in rotation.resting] == [1, 1, 1]
    assert sorted(person for resting in rotation.resting for person in resting) == ["p00", "p01", "p02"]


def test_the_same_seed_gives_the_same_rotation():
    organisation_of = {person: f"org{index % 4}" for index, person in enumerate(people(20))}
    assert rotate(people(20), organisation_of, rounds=6, table_size=4, seed=3) == rotate(
        people(20), organisation_of, rounds=6, table_size=4, seed=3
    )


def test_nobody_or_no_round_gives_empty_rounds():
    assert rotate([], {}, rounds=2).rounds == ((), ())
    assert rotate(["alone"], {}, rounds=1, table_size=3).resting == (("alone",),)
    assert rotate(people(4), {}, rounds=0).rounds == ()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"people": ["a", "a"], "rounds": 1}, "deux fois"),
        ({"people": ["a", "b"], "rounds": -1}, "négatif"),
        ({"people": ["a", "b"], "rounds": 1, "table_size": 1}, "au moins deux"),
    ],
)
def test_impossible_requests_are_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        rotate(organisation_of={}, **arguments)


@settings(max_examples=80, deadline=None)
@given(
    count=st.integers(0, 14),
    organisations=st.lists(st.sampled_from(["", "a", "b", "c"]), min_size=14, max_size=14),
    rounds=st.integers(0, 5),
    table_size=st.integers(2, 5),
    seed=st.integers(0, 3),
)
def test_every_rotation_keeps_the_rules(count, organisations, rounds, table_size, seed):
    team = people(count)
    organisation_of = {person: organisation for person, organisation in zip(team, organisations, strict=False)}
    rotation = rotate(team, organisation_of, rounds=rounds, table_size=table_size, seed=seed)
    assert len(rotation.rounds) == rounds == len(rotation.resting)
    met = meetings(rotation)
    assert rotation.repeated_pairs == sum(times - 1 for times in met.values())
    for tables, resting in zip(rotation.rounds, rotation.resting, strict=True):
        everyone = seated(tables) + list(resting)
        assert sorted(everyone) == team  # each person once per round, sitting or resting
        assert all(2 <= len(table) <= table_size for table in tables)
        for table in tables:
            named = [organisation_of[person] for person in table if organisation_of[person]]
            assert len(named) == len(set(named))
        if table_size > 2 and tables:
            assert max(map(len, tables)) - min(map(len, tables)) <= 1
    largest = max(Counter(organisation for organisation in organisations[:count] if organisation).values(), default=1)
    if table_size > 2 and count >= 2 and largest <= math.ceil(count / table_size):
        assert rotation.resting == ((),) * rounds
    if table_size == 2 and rounds <= (count if count % 2 else count - 1):
        assert rotation.repeated_pairs == 0
    if table_size == 2 and not any(organisations[:count]):
        assert all(len(resting) == count % 2 for resting in rotation.resting)
