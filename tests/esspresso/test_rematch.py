from itertools import combinations

import pytest
from hypothesis import given, settings, strategies as st

from essaim.esspresso.rematch import rematch


def scores_from(table):
    def score(a, b):
        return table.get(frozenset((a, b)), 0.0)

    return score


def all_matchings(edges):
    """Every set of disjoint edges (the independent oracle for small cases)."""
    if not edges:
        yield []
        return
    first, rest = edges[0], edges[1:]
    yield from all_matchings(rest)
    for matching in all_matchings([edge for edge in rest if not set(edge) & set(first)]):
        yield [first, *matching]


def test_rematch_maximises_the_total_rather_than_the_best_pair():
    score = scores_from({frozenset("ab"): 10, frozenset("ac"): 6, frozenset("bd"): 6})
    assert rematch(["a", "b", "c", "d"], score) == [("a", "c"), ("b", "d")]


def test_a_forbidden_pair_is_never_formed_even_when_it_is_the_best():
    score = scores_from({frozenset("ab"): 10, frozenset("cd"): 1})
    assert rematch(["a", "b", "c", "d"], score, forbidden={frozenset("ab")}) == [("c", "d")]


def test_pairs_scoring_at_or_below_the_minimum_are_left_out():
    score = scores_from({frozenset("ab"): 0.3, frozenset("cd"): 0.2})
    assert rematch(["a", "b", "c", "d"], score, minimum=0.2) == [("a", "b")]
    assert rematch(["a", "b", "c", "d"], score, minimum=0.3) == []


def test_most_pairs_pairs_more_people_at_a_lower_total():
    score = scores_from({frozenset("ab"): 10, frozenset("ac"): 1, frozenset("bd"): 1})
    assert rematch(["a", "b", "c", "d"], score) == [("a", "b")]
    assert rematch(["a", "b", "c", "d"], score, most_pairs=True) == [("a", "c"), ("b", "d")]


def test_pairs_follow_the_order_of_the_free_list_and_repeats_are_ignored():
    score = scores_from({frozenset("ab"): 1, frozenset("cd"): 1})
    assert rematch(["d", "b", "a", "c", "b"], score) == [("d", "c"), ("b", "a")]


def test_nobody_free_or_one_person_free_gives_no_pair():
    assert rematch([], scores_from({})) == []
    assert rematch(["a"], scores_from({})) == []


def test_a_score_that_is_not_a_number_is_refused():
    with pytest.raises(ValueError, match="a – b"):
        rematch(["a", "b"], lambda a, b: float("nan"))


PEOPLE = list("abcdefg")


@settings(max_examples=150, deadline=None)
@given(
    free=st.lists(st.sampled_from(PEOPLE), unique=True, max_size=7),
    weights=st.dictionaries(
        st.sampled_from([frozenset(pair) for pair in combinations(PEOPLE, 2)]),
        st.integers(min_value=-2, max_value=20).map(lambda value: value / 2),
    ),
    forbidden=st.sets(st.sampled_from([frozenset(pair) for pair in combinations(PEOPLE, 2)]), max_size=6),
)
def test_rematch_reaches_the_best_total_of_allowed_pairs(free, weights, forbidden):
    score = scores_from(weights)
    pairs = rematch(free, score, forbidden=forbidden)
    seated = [person for pair in pairs for person in pair]
    assert len(seated) == len(set(seated))
    assert set(seated) <= set(free)
    assert all(frozenset(pair) not in forbidden and score(*pair) > 0 for pair in pairs)
    allowed = [(a, b) for a, b in combinations(free, 2) if frozenset((a, b)) not in forbidden and score(a, b) > 0]
    best = max(sum(score(*edge) for edge in matching) for matching in all_matchings(allowed))
    assert sum(score(*pair) for pair in pairs) == pytest.approx(best)
