from datetime import date, timedelta

from hypothesis import given, settings, strategies as st

from essaim.catalog.matching import Answers, OfferIndex, OfferProfile, is_open, match, rank
from essaim.territories.places import Level, Places, Territory

TODAY = date(2026, 11, 23)
NANTES = Places(commune="44109", epci="244400404", departement="44", region="52")
STAGES = ["ideation", "creation", "developpement"]
NEEDS = ["financer_demarrage", "tresorerie", "numerique", "mesurer_impact"]
AUDIENCES = ["association", "scop", "porteur_individuel"]
SECTORS = ["culture", "sante"]
TERRITORIES = [
    Territory("france"),
    Territory("region", "52"),
    Territory("region", "24"),
    Territory("departement", "44"),
    Territory("departement", "49"),
    Territory("epci", "244400404"),
    Territory("commune", "44109"),
    Territory("commune", "49007"),
]
PLACES = [
    NANTES,
    Places(commune="49007", departement="49", region="52"),
    Places(commune="45234", departement="45", region="24"),
]


def offer(**fields):
    return OfferProfile(id=fields.pop("id", 1), **fields)


def test_an_offer_without_constraints_accepts_everyone():
    found = match(offer(), Answers(today=TODAY, stage="ideation", needs=frozenset({"tresorerie"}), place=NANTES))
    assert found is not None
    assert found.closeness == Level.FRANCE


def test_a_declared_stage_refuses_other_stages_and_explains_a_match():
    creation_only = offer(stages=frozenset({"creation"}))
    assert match(creation_only, Answers(today=TODAY, stage="ideation")) is None
    found = match(creation_only, Answers(today=TODAY, stage="creation"))
    assert [(reason.kind, reason.value) for reason in found.reasons] == [("stage", "creation")]


def test_an_unanswered_question_never_excludes():
    strict = offer(
        stages=frozenset({"creation"}), audiences=frozenset({"scop"}), min_years=2, required_answers={"q": True}
    )
    assert match(strict, Answers(today=TODAY)) is not None


def test_territory_must_contain_the_commune_and_gives_the_closeness():
    local = offer(territories=(Territory("region", "52"), Territory("epci", "244400404")))
    assert match(local, Answers(today=TODAY, place=NANTES)).closeness == Level.EPCI
    assert match(local, Answers(today=TODAY, place=PLACES[2])) is None


def test_expired_offers_drop_out_unless_permanent():
    past = TODAY - timedelta(days=1)
    assert match(offer(deadline=past), Answers(today=TODAY)) is None
    assert match(offer(deadline=past, permanent=True), Answers(today=TODAY)) is not None
    assert match(offer(opens_on=TODAY + timedelta(days=3)), Answers(today=TODAY)) is None
    assert is_open(offer(deadline=TODAY), TODAY)


def test_ranking_prefers_needs_then_closeness_then_freshness():
    answers = Answers(today=TODAY, needs=frozenset({"tresorerie", "numerique"}), place=NANTES)
    offers = [
        offer(id=1, needs=frozenset({"tresorerie"}), territories=(Territory("france"),)),
        offer(id=2, needs=frozenset({"tresorerie", "numerique"}), territories=(Territory("france"),)),
        offer(id=3, needs=frozenset({"tresorerie"}), territories=(Territory("commune", "44109"),)),
        offer(id=4, needs=frozenset({"tresorerie"}), territories=(Territory("commune", "44109"),), updated_on=TODAY),
        offer(id=5, needs=frozenset({"mesurer_impact"})),
    ]
    assert [found.offer_id for found in rank(offers, answers)] == [2, 4, 3, 1]


# Property: whatever the offers and answers, a returned offer never has a declared constraint
# that the answers violate. `violates` restates the rule independently of the implementation.


def violates(profile: OfferProfile, answers: Answers) -> bool:
    def refuses(accepted, answer):
        return bool(accepted) and answer is not None and answer not in accepted

    def outside(value, low, high):
        return value is not None and ((low is not None and value < low) or (high is not None and value > high))

    territories = profile.territories or (Territory("france"),)
    return (
        refuses(profile.stages, answers.stage)
        or refuses(profile.audiences, answers.audience)
        or refuses(profile.sectors, answers.sector)
        or (bool(profile.needs) and bool(answers.needs) and not (profile.needs & answers.needs))
        or (answers.place is not None and all(answers.place.closeness(t) is None for t in territories))
        or outside(answers.years, profile.min_years, profile.max_years)
        or outside(answers.employees, profile.min_employees, profile.max_employees)
        or any(answers.answers.get(q) not in (None, expected) for q, expected in profile.required_answers.items())
        or (profile.opens_on is not None and profile.opens_on > answers.today)
        or (not profile.permanent and profile.deadline is not None and profile.deadline < answers.today)
    )


def subsets(values):
    return st.frozensets(st.sampled_from(values), max_size=len(values))


bounds = st.one_of(st.none(), st.integers(0, 20))
days = st.one_of(st.none(), st.integers(-30, 30).map(lambda n: TODAY + timedelta(days=n)))
questions = st.dictionaries(st.sampled_from(["q1", "q2"]), st.booleans(), max_size=2)

profiles = st.builds(
    OfferProfile,
    id=st.integers(1, 10_000),
    stages=subsets(STAGES),
    needs=subsets(NEEDS),
    audiences=subsets(AUDIENCES),
    sectors=subsets(SECTORS),
    territories=st.lists(st.sampled_from(TERRITORIES), max_size=3).map(tuple),
    min_years=bounds,
    max_years=bounds,
    min_employees=bounds,
    max_employees=bounds,
    opens_on=days,
    deadline=days,
    permanent=st.booleans(),
    required_answers=questions,
)
answer_sets = st.builds(
    Answers,
    today=st.just(TODAY),
    stage=st.one_of(st.none(), st.sampled_from(STAGES)),
    needs=subsets(NEEDS),
    audience=st.one_of(st.none(), st.sampled_from(AUDIENCES)),
    sector=st.one_of(st.none(), st.sampled_from(SECTORS)),
    place=st.one_of(st.none(), st.sampled_from(PLACES)),
    years=bounds,
    employees=bounds,
    answers=questions,
)


@settings(max_examples=300)
@given(st.lists(profiles, max_size=15), answer_sets)
def test_an_offer_whose_constraint_the_answers_violate_is_never_returned(offers, answers):
    returned = {found.offer_id for found in rank(offers, answers)}
    for profile in offers:
        if violates(profile, answers):
            assert match(profile, answers) is None
    assert returned == {profile.id for profile in offers if not violates(profile, answers)}


@given(st.lists(profiles, max_size=15), answer_sets)
def test_ranking_is_ordered_by_needs_then_closeness(offers, answers):
    keys = [(-found.needs_served, found.closeness) for found in rank(offers, answers)]
    assert keys == sorted(keys)


@settings(max_examples=300)
@given(st.lists(profiles, max_size=25, unique_by=lambda profile: profile.id), answer_sets)
def test_the_offer_index_returns_exactly_what_ranking_every_offer_returns(offers, answers):
    assert OfferIndex(offers).orient(answers) == rank(offers, answers)
