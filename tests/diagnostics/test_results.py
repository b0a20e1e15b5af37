"""The results as maturity (pure module): the rules restated on their own and checked against it."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, strategies as st

from essaim.diagnostics.results import (
    CLOSE,
    CONSENSUS,
    DIVIDED,
    MIN_ROLE,
    OTHER_ROLES,
    item_result,
    mean_level,
    median_level,
    role_groups,
    segments,
    shown_role_labels,
    spread,
    stacked_chart,
    theme_result,
)
from essaim.diagnostics.vocabulary import ANSWERS, MATURITY

SCALE = [value for value, _label in MATURITY]
levels = st.lists(st.sampled_from([value for value, _label in ANSWERS] + [""]), max_size=12)


def test_the_median_is_the_highest_level_more_than_half_reach():
    assert median_level(["pas_encore", "formalise"]) == "pas_encore"
    assert median_level(["reflexion", "engage", "evalue"]) == "engage"
    assert median_level(["engage", "engage", "formalise", "evalue"]) == "engage"


def test_outside_the_scale_weighs_on_no_median_and_no_spread():
    assert median_level(["ne_sait_pas", "non_applicable", "evalue"]) == "evalue"
    assert median_level(["ne_sait_pas", ""]) is None
    assert spread(["ne_sait_pas", "pas_encore", "evalue"]) == DIVIDED
    assert spread(["ne_sait_pas", "engage"]) is None


def test_answers_agree_are_close_or_divide():
    assert spread(["engage", "engage"]) == CONSENSUS
    assert spread(["engage", "formalise", "engage"]) == CLOSE
    assert spread(["reflexion", "formalise"]) == DIVIDED


@given(levels)
def test_median_matches_its_definition(answers):
    ranks = [SCALE.index(level) for level in answers if level in SCALE]
    median = median_level(answers)
    if not ranks:
        assert median is None
        return
    # Independent oracle: the highest level reached by more than half of the answers on the scale.
    reached = [rank for rank in range(len(SCALE)) if sum(r >= rank for r in ranks) * 2 > len(ranks)]
    assert median == SCALE[max(reached)]


@given(levels)
def test_an_item_counts_every_answer_once(answers):
    result = item_result(1, [("salarie", level) for level in answers], respondents=12)
    assert result.answered == sum(1 for level in answers if level)
    shown = sum(result.by_role.get("salarie", {}).values())
    assert shown == (result.answered if result.answered >= MIN_ROLE else 0)
    assert 0 <= result.share_answered <= 1
    bar = segments(result.counts, 12)
    assert sum(segment.count for segment in bar) == result.answered
    assert round(sum(segment.width for segment in bar)) <= 100


def test_two_roles_who_diverge():
    answers = [("direction", "formalise")] * 3 + [("salarie", "pas_encore")] * 3 + [("benevole", "")]
    result = item_result(7, answers, 7)
    assert result.counts["formalise"] == 3 and result.counts["pas_encore"] == 3
    assert result.answered == 6 and round(result.share_answered, 2) == 0.86
    assert result.median == "pas_encore" and result.divided
    assert result.role_medians == {"direction": "formalise", "salarie": "pas_encore"}
    assert result.roles_diverge


def test_a_lone_answer_hides_every_role_of_the_item():
    # Three employees shown apart would leave the usager's answer readable by elimination.
    answers = [("salarie", "engage")] * 3 + [("usager", "pas_encore")]
    result = item_result(7, answers, 4)
    assert result.counts["pas_encore"] == 1  # in the whole
    assert result.by_role == {} and result.role_medians == {} and not result.roles_diverge
    assert shown_role_labels([role for role, _level in answers]) == ["", "", "", ""]


def test_small_roles_are_pooled_once_they_reach_three_answers():
    answers = [("salarie", "engage")] * 3 + [("usager", "pas_encore"), ("benevole", "pas_encore"), ("partenaire", "")]
    assert role_groups(role for role, level in answers if level) is None
    answers[-1] = ("partenaire", "evalue")
    result = item_result(7, answers, 6)
    assert result.role_medians == {"salarie": "engage", OTHER_ROLES: "pas_encore"}


@given(st.lists(st.sampled_from(["direction", "salarie", "benevole", "usager", "partenaire"]), max_size=12))
def test_no_role_shown_under_three_answers_and_none_left_out(roles):
    groups = role_groups(roles)
    if groups is None:
        assert shown_role_labels(roles) == [""] * len(roles)
        return
    shown = Counter(groups[role] for role in roles)
    assert all(count >= MIN_ROLE for count in shown.values())
    assert set(groups) == set(roles)


def test_the_theme_says_where_answers_stand_and_where_they_divide():
    answers = [
        (1, "direction", "engage"),
        (1, "salarie", "engage"),
        (2, "direction", "evalue"),
        (2, "salarie", "reflexion"),
        (3, "salarie", "engage"),  # another theme's item: left aside
    ]
    result = theme_result("Gouvernance démocratique", [1, 2], answers, respondents=2)
    assert result.counts["engage"] == 2 and result.counts["evalue"] == 1
    assert result.main_level == "engage"
    assert result.divided == 1
    assert result.summary == (
        "Gouvernance démocratique : les réponses se situent surtout à « Engagé » ; avis partagés sur 1 question."
    )


def test_a_theme_without_answers_says_so_and_draws_empty_bars():
    result = theme_result("Environnement", [1, 2], [], respondents=3)
    assert result.main_level is None
    assert "pas encore de réponse" in result.summary
    chart = stacked_chart(result.items)
    assert chart is not None and [bar.label for bar in chart.bars] == ["Q1", "Q2"]
    assert all(bar.segments == [] for bar in chart.bars)


def test_the_stacked_bar_runs_in_the_scales_order_then_outside_it():
    bar = segments({"ne_sait_pas": 1, "evalue": 1, "pas_encore": 2}, 4)
    assert [segment.level for segment in bar] == ["pas_encore", "evalue", "ne_sait_pas"]
    assert [segment.x for segment in bar] == [0, 50, 75]


def test_the_mean_level_counts_the_scale_from_one_to_five_and_leaves_the_rest_aside():
    assert mean_level(["pas_encore", "evalue", "ne_sait_pas", "", None]) == 3.0
    assert mean_level(["engage", "formalise", "formalise"]) == 3.7
    assert mean_level(["non_applicable"]) is None


def test_roles_come_in_the_vocabularys_order_and_the_pooled_ones_last():
    answers = [("usager", "engage"), ("benevole", "engage"), ("partenaire", "engage")] + [("salarie", "engage")] * 3
    assert list(item_result(7, answers, 6).role_medians) == ["salarie", OTHER_ROLES]
