"""The routing of support requests to partner teams, and the coverage of needs by département.

The property tests restate the rule on their own (`refused`, `closeness`) and check `route`
against it on random teams and requests."""

import pytest
from hypothesis import given, settings, strategies as st

from essaim.referrals.routing import (
    Coverage,
    RequestProfile,
    Routing,
    TeamProfile,
    coverage,
    filter_problem,
    handles,
    route,
)
from essaim.territories.places import Level, Places, Territory

NANTES = Places(commune="44109", epci="244400404", departement="44", region="52")
ANGERS = Places(commune="49007", epci="244900015", departement="49", region="52")
ILE_D_YEU = Places(commune="85113", departement="85", region="52")  # in no EPCI
ORLEANS = Places(commune="45234", epci="244500468", departement="45", region="24")
PLACES = [NANTES, ANGERS, ILE_D_YEU, ORLEANS]
NEEDS = ["financement", "emploi", "numerique"]
AUDIENCES = ["association", "scop", "porteur_individuel"]
LEGAL_FORMS = ["9220", "5458", "1000"]
TERRITORIES = [
    Territory("france"),
    Territory("region", "52"),
    Territory("region", "24"),
    Territory("departement", "44"),
    Territory("departement", "49"),
    Territory("departement", "85"),
    Territory("epci", "244400404"),
    Territory("epci", "244900015"),
    Territory("commune", "44109"),
    Territory("commune", "49007"),
    Territory("commune", "85113"),
]


FRANCE = (Territory("france"),)


def team(id=1, *, partner=None, needs=("financement",), territories=FRANCE, **filters):
    return TeamProfile(
        id=id, partner=id if partner is None else partner, needs=frozenset(needs), territories=territories, **filters
    )


def request(need="financement", place=NANTES, **answers):
    return RequestProfile(need=need, place=place, **answers)


# Filters


def test_a_team_without_filters_accepts_every_requester():
    assert filter_problem(team(), request(audience="scop", legal_form="5458", years=0, employees=300)) is None


def test_each_declared_filter_refuses_with_a_french_reason():
    strict = team(
        audiences=frozenset({"association"}),
        legal_forms=frozenset({"9220"}),
        min_years=2,
        max_years=10,
        min_employees=1,
        max_employees=50,
    )
    assert filter_problem(strict, request(audience="scop")) == "Public non accepté"
    assert filter_problem(strict, request(legal_form="5458")) == "Forme juridique non acceptée"
    assert filter_problem(strict, request(years=1)) == "Structure trop récente (moins de 2 ans)"
    assert filter_problem(strict, request(years=11)) == "Structure trop ancienne (plus de 10 ans)"
    assert filter_problem(strict, request(employees=0)) == "Effectif trop faible (moins de 1 salarié)"
    assert filter_problem(strict, request(employees=51)) == "Effectif trop important (plus de 50 salariés)"


def test_bounds_are_inclusive():
    bounded = team(min_years=2, max_years=10, min_employees=1, max_employees=50)
    for years, employees in [(2, 1), (10, 50)]:
        assert filter_problem(bounded, request(years=years, employees=employees)) is None


def test_an_answer_the_requester_did_not_give_is_never_refused():
    strict = team(audiences=frozenset({"association"}), legal_forms=frozenset({"9220"}), min_years=2, min_employees=1)
    assert filter_problem(strict, request()) is None


# Handling


def test_a_team_handles_a_declared_need_in_its_territory_at_its_closest_level():
    local = team(territories=(Territory("region", "52"), Territory("epci", "244400404")))
    assert handles(local, request(place=NANTES)) == Level.EPCI
    assert handles(local, request(place=ANGERS)) == Level.REGION
    assert handles(local, request(place=ORLEANS)) is None


def test_a_team_does_not_handle_another_need_nor_a_refused_requester():
    assert handles(team(needs={"emploi"}), request(need="financement")) is None
    assert handles(team(audiences=frozenset({"association"})), request(audience="scop")) is None


def test_a_team_without_need_or_territory_handles_nothing():
    assert handles(team(needs=()), request()) is None
    assert handles(team(territories=()), request()) is None


# Routing


def test_the_request_goes_to_the_closest_partners_first():
    teams = [
        team(1, territories=(Territory("france"),)),
        team(2, territories=(Territory("departement", "44"),)),
        team(3, territories=(Territory("commune", "44109"),)),
        team(4, territories=(Territory("epci", "244400404"),)),
        team(5, territories=(Territory("region", "52"),)),
    ]
    assert route(request(), teams, max_partners=3) == Routing(teams=(3, 4, 2))
    assert route(request(), teams, max_partners=10).teams == (3, 4, 2, 5, 1)


def test_a_partner_receives_the_request_once_through_its_closest_team():
    teams = [
        team(7, partner=1, territories=(Territory("region", "52"),)),
        team(3, partner=1, territories=(Territory("departement", "44"),)),
        team(2, partner=1, territories=(Territory("departement", "44"),)),
        team(9, partner=2, territories=(Territory("epci", "244400404"),)),
    ]
    assert route(request(), teams, max_partners=2).teams == (9, 2)


def test_equally_close_partners_are_ordered_by_team_id():
    teams = [team(8), team(4), team(6)]
    assert route(request(), teams, max_partners=2).teams == (4, 6)


def test_teams_refusing_or_excluded_are_skipped_for_the_next_ones():
    teams = [
        team(1, territories=(Territory("commune", "44109"),), min_years=3),
        team(2, territories=(Territory("epci", "244400404"),)),
        team(3, territories=(Territory("departement", "44"),)),
    ]
    assert route(request(years=1), teams, max_partners=1, exclude=frozenset({2})).teams == (3,)


def test_a_request_nobody_handles_goes_to_the_cress():
    teams = [team(1, needs={"emploi"}), team(2, territories=(Territory("region", "24"),))]
    routing = route(request(), teams, max_partners=3)
    assert routing == Routing(teams=())
    assert routing.to_cress
    assert not route(request(), [team(3)], max_partners=1).to_cress


def test_a_request_whose_every_team_is_excluded_goes_to_the_cress():
    assert route(request(), [team(1), team(2)], max_partners=2, exclude=frozenset({1, 2})).to_cress


@pytest.mark.parametrize("max_partners", [0, -1])
def test_a_routing_to_fewer_than_one_partner_is_refused(max_partners):
    with pytest.raises(ValueError):
        route(request(), [team()], max_partners=max_partners)


# Properties: `refused` and `closeness` restate the rule independently of the implementation.


def refused(team, request):
    def outside(value, low, high):
        return value is not None and ((low is not None and value < low) or (high is not None and value > high))

    return (
        (bool(team.audiences) and request.audience is not None and request.audience not in team.audiences)
        or (bool(team.legal_forms) and request.legal_form is not None and request.legal_form not in team.legal_forms)
        or outside(request.years, team.min_years, team.max_years)
        or outside(request.employees, team.min_employees, team.max_employees)
    )


def contains(territory, place):
    return {
        "france": True,
        "region": territory.code == place.region,
        "departement": territory.code == place.departement,
        "epci": territory.code == place.epci,
        "commune": territory.code == place.commune,
    }[territory.kind]


def closeness(team, request):
    """The closest level at which an eligible team covers the place; None when not eligible."""
    if request.need not in team.needs or refused(team, request):
        return None
    levels = [territory.level for territory in team.territories if contains(territory, request.place)]
    return min(levels) if levels else None


def subsets(values):
    return st.frozensets(st.sampled_from(values), max_size=len(values))


bounds = st.one_of(st.none(), st.integers(0, 12))

team_profiles = st.builds(
    TeamProfile,
    id=st.integers(1, 60),
    partner=st.integers(1, 6),
    needs=subsets(NEEDS),
    territories=st.lists(st.sampled_from(TERRITORIES), max_size=3).map(tuple),
    audiences=subsets(AUDIENCES),
    legal_forms=subsets(LEGAL_FORMS),
    min_years=bounds,
    max_years=bounds,
    min_employees=bounds,
    max_employees=bounds,
)
team_lists = st.lists(team_profiles, max_size=20, unique_by=lambda profile: profile.id)
requests = st.builds(
    RequestProfile,
    need=st.sampled_from(NEEDS),
    place=st.sampled_from(PLACES),
    audience=st.one_of(st.none(), st.sampled_from(AUDIENCES)),
    legal_form=st.one_of(st.none(), st.sampled_from(LEGAL_FORMS)),
    years=bounds,
    employees=bounds,
)
excluded = st.frozensets(st.integers(1, 60), max_size=10)
partner_caps = st.integers(1, 5)


@given(team_profiles, requests)
def test_filter_problem_is_given_exactly_when_a_declared_filter_refuses_an_answer(profile, answers):
    assert (filter_problem(profile, answers) is not None) == refused(profile, answers)


@given(team_profiles, requests)
def test_an_unanswered_request_is_refused_by_no_filter(profile, answers):
    assert filter_problem(profile, RequestProfile(need=answers.need, place=answers.place)) is None


@given(team_profiles, requests)
def test_handles_gives_the_closest_level_of_an_eligible_team(profile, answers):
    assert handles(profile, answers) == closeness(profile, answers)


@settings(max_examples=200, deadline=None)
@given(team_lists, requests, partner_caps, excluded)
def test_a_request_goes_only_to_teams_that_handle_it_and_were_not_excluded(teams, answers, max_partners, exclude):
    by_id = {profile.id: profile for profile in teams}
    for team_id in route(answers, teams, max_partners=max_partners, exclude=exclude).teams:
        chosen = by_id[team_id]
        assert team_id not in exclude
        assert filter_problem(chosen, answers) is None
        assert answers.need in chosen.needs
        assert any(contains(territory, answers.place) for territory in chosen.territories)


@settings(max_examples=200, deadline=None)
@given(team_lists, requests, partner_caps, excluded)
def test_a_request_goes_to_at_most_max_partners_once_each(teams, answers, max_partners, exclude):
    partner_of = {profile.id: profile.partner for profile in teams}
    routed = route(answers, teams, max_partners=max_partners, exclude=exclude).teams
    partners = [partner_of[team_id] for team_id in routed]
    assert len(routed) <= max_partners
    assert len(set(partners)) == len(partners)
    eligible_partners = {
        profile.partner for profile in teams if profile.id not in exclude and closeness(profile, answers) is not None
    }
    assert len(routed) == min(max_partners, len(eligible_partners))


@settings(max_examples=200, deadline=None)
@given(team_lists, requests, partner_caps, excluded)
def test_a_request_goes_to_the_cress_exactly_when_no_remaining_team_handles_it(teams, answers, max_partners, exclude):
    routing = route(answers, teams, max_partners=max_partners, exclude=exclude)
    handled = any(profile.id not in exclude and closeness(profile, answers) is not None for profile in teams)
    assert routing.to_cress == (not handled)
    assert bool(routing.teams) == handled


@settings(max_examples=200, deadline=None)
@given(team_lists, requests, partner_caps, excluded, st.randoms(use_true_random=False))
def test_the_routing_does_not_depend_on_the_order_of_the_teams(teams, answers, max_partners, exclude, random):
    shuffled = list(teams)
    random.shuffle(shuffled)
    assert route(answers, shuffled, max_partners=max_partners, exclude=exclude) == route(
        answers, teams, max_partners=max_partners, exclude=exclude
    )


@settings(max_examples=200, deadline=None)
@given(team_lists, requests, partner_caps, excluded)
def test_the_closest_partners_come_first_through_their_closest_team(teams, answers, max_partners, exclude):
    by_id = {profile.id: profile for profile in teams}
    eligible = [profile for profile in teams if profile.id not in exclude and closeness(profile, answers) is not None]
    routed = route(answers, teams, max_partners=max_partners, exclude=exclude).teams
    levels = [closeness(by_id[team_id], answers) for team_id in routed]
    assert levels == sorted(levels)
    if routed:
        assert levels[0] == min(closeness(profile, answers) for profile in eligible)
    for team_id, level in zip(routed, levels, strict=True):
        same_partner = [p for p in eligible if p.partner == by_id[team_id].partner]
        assert level == min(closeness(p, answers) for p in same_partner)
        assert team_id == min(p.id for p in same_partner if closeness(p, answers) == level)
    # A partner left out is no closer than the last one kept.
    left_out = [p for p in eligible if p.partner not in {by_id[team_id].partner for team_id in routed}]
    if left_out:
        assert all(closeness(p, answers) >= levels[-1] for p in left_out)


# Coverage

DEPARTEMENTS = {"44": "52", "49": "52", "85": "52"}
DEPARTEMENT_OF = {"44109": "44", "49007": "49", "85113": "85", "45234": "45"}
EPCI_DEPARTEMENTS = {"244400404": frozenset({"44"}), "244900015": frozenset({"49"})}


def coverage_of(teams, needs=NEEDS):
    return coverage(
        teams,
        needs=needs,
        departements=DEPARTEMENTS,
        departement_of=DEPARTEMENT_OF,
        epci_departements=EPCI_DEPARTEMENTS,
    )


def test_without_teams_every_need_is_uncovered_everywhere():
    assert coverage_of([], needs=["emploi"]) == {
        ("emploi", "44"): Coverage.NONE,
        ("emploi", "49"): Coverage.NONE,
        ("emploi", "85"): Coverage.NONE,
    }


def test_a_team_for_france_or_the_region_covers_every_departement_of_the_region():
    for territory in (Territory("france"), Territory("region", "52")):
        gaps = coverage_of([team(needs={"emploi"}, territories=(territory,))], needs=["emploi", "numerique"])
        assert {code for (need, code), level in gaps.items() if level == Coverage.FULL and need == "emploi"} == {
            "44",
            "49",
            "85",
        }
        assert {level for (need, _code), level in gaps.items() if need == "numerique"} == {Coverage.NONE}


def test_a_team_for_another_region_covers_nothing_here():
    gaps = coverage_of([team(territories=(Territory("region", "24"), Territory("commune", "45234")))])
    assert set(gaps.values()) == {Coverage.NONE}


def test_communes_and_epci_cover_their_departement_in_part_and_a_departement_in_whole():
    teams = [
        team(1, territories=(Territory("commune", "85113"),)),
        team(2, territories=(Territory("epci", "244400404"),)),
        team(3, territories=(Territory("departement", "44"),)),
        team(4, territories=(Territory("epci", "244900015"),)),
    ]
    gaps = coverage_of(teams, needs=["financement"])
    assert gaps == {
        ("financement", "44"): Coverage.FULL,
        ("financement", "49"): Coverage.PARTIAL,
        ("financement", "85"): Coverage.PARTIAL,
    }


def test_an_epci_straddling_two_departements_covers_both_in_part():
    gaps = coverage(
        [team(territories=(Territory("epci", "200000001"),))],
        needs=["financement"],
        departements=DEPARTEMENTS,
        departement_of=DEPARTEMENT_OF,
        epci_departements={"200000001": frozenset({"44", "85"})},
    )
    assert [code for (_need, code), level in gaps.items() if level == Coverage.PARTIAL] == ["44", "85"]


def test_filters_do_not_reduce_coverage():
    strict = team(territories=(Territory("departement", "49"),), audiences=frozenset({"scop"}), max_employees=0)
    assert coverage_of([strict], needs=["financement"])[("financement", "49")] == Coverage.FULL


def covered(teams, need, departement):
    """The coverage rule restated: the best any team handling the need gives the département."""
    best = Coverage.NONE
    for profile in teams:
        if need not in profile.needs:
            continue
        for territory in profile.territories:
            if (
                territory.kind == "france"
                or (territory.kind == "region" and DEPARTEMENTS[departement] == territory.code)
                or (territory.kind == "departement" and territory.code == departement)
            ):
                return Coverage.FULL
            if (territory.kind == "commune" and DEPARTEMENT_OF.get(territory.code) == departement) or (
                territory.kind == "epci" and departement in EPCI_DEPARTEMENTS.get(territory.code, ())
            ):
                best = Coverage.PARTIAL
    return best


@settings(max_examples=200, deadline=None)
@given(team_lists)
def test_coverage_gives_each_need_and_departement_the_best_any_team_gives(teams):
    gaps = coverage_of(teams)
    assert set(gaps) == {(need, code) for need in NEEDS for code in DEPARTEMENTS}
    for (need, code), level in gaps.items():
        assert level == covered(teams, need, code)


@settings(max_examples=200, deadline=None)
@given(team_lists, requests)
def test_a_request_in_a_fully_covered_departement_is_never_left_to_the_cress_for_want_of_territory(teams, answers):
    # Filters aside, a team covering the whole département handles a request from any of its communes.
    if answers.place.departement not in DEPARTEMENTS:
        return
    unfiltered = RequestProfile(need=answers.need, place=answers.place)
    if coverage_of(teams)[(answers.need, answers.place.departement)] == Coverage.FULL:
        assert not route(unfiltered, teams, max_partners=1).to_cress
