import random
import time

import pytest
from hypothesis import given, settings, strategies as st

from essaim.core.text import fold
from essaim.esspresso.suggestions import Profile, SuggestionIndex, fast_fold, pair_score, suggest


def profile(id, **fields):
    values = {"name": id.capitalize(), "organisation": f"org-{id}", "kind": "ess", "offers": (), "seeks": ()}
    values.update(fields)
    return Profile(id=id, **values)


ME = profile("moi", offers=("Réemploi",), seeks=("Restauration",))


def ids(suggestions):
    return [suggestion.id for suggestion in suggestions]


def test_the_complementary_participant_comes_first_then_the_one_sided_one():
    both = profile("both", offers=("Restauration",), seeks=("Réemploi",))
    gives = profile("gives", offers=("Restauration",), seeks=("Comptabilité",))
    takes = profile("takes", offers=("Comptabilité",), seeks=("Réemploi",))
    unrelated = profile("unrelated", offers=("Numérique",), seeks=("Foncier",))
    found = suggest(ME, [unrelated, takes, gives, both])
    assert ids(found)[0] == "both"
    assert set(ids(found)) == {"both", "gives", "takes"}
    one_sided = {suggestion.id: suggestion for suggestion in found}
    assert one_sided["gives"].backward == 0 < one_sided["gives"].forward
    assert one_sided["takes"].forward == 0 < one_sided["takes"].backward


def test_the_score_is_reciprocal():
    a = profile("a", offers=("Locaux",), seeks=("Restauration",), seeks_text="Un traiteur pour 200 couverts")
    b = profile("b", offers=("Restauration collective",), seeks=("Locaux", "Mobilité"), offers_text="Traiteur bio")
    assert pair_score(a, b) == pair_score(b, a) > 0
    index = SuggestionIndex([a, b, ME])
    forward = index.suggest("a")[0]
    backward = index.suggest("b")[0]
    assert (forward.forward, forward.backward) == (backward.backward, backward.forward)
    assert index.pair_score("a", "b") == index.pair_score("b", "a")


def test_a_mutual_match_outranks_a_one_sided_match_of_the_same_strength():
    mutual = profile("mutual", offers=("Restauration",), seeks=("Réemploi",))
    one_way = profile("one_way", offers=("Restauration",))
    found = suggest(ME, [one_way, mutual])
    assert ids(found) == ["mutual", "one_way"]
    assert found[1].score > 0


def test_oneself_colleagues_excluded_ids_and_refused_kinds_are_never_suggested():
    good = {"offers": ("Restauration",), "seeks": ("Réemploi",)}
    colleague = profile("colleague", organisation=ME.organisation, **good)
    declined = profile("declined", **good)
    town = profile("town", kind="collectivite", **good)
    firm = profile("firm", kind="entreprise", **good)
    twin = profile("moi", **good)
    found = suggest(
        ME,
        [colleague, declined, town, firm, twin],
        excluded=frozenset({"declined"}),
        allowed_kinds=lambda mine, theirs: theirs != "entreprise",
    )
    assert ids(found) == ["town"]


def test_an_over_requested_participant_is_ranked_lower_but_still_suggested():
    good = {"offers": ("Restauration",), "seeks": ("Réemploi",), "capacity": 12}
    popular = profile("aaa_popular", requests_received=24, **good)
    quiet = profile("zzz_quiet", requests_received=2, **good)
    unknown = profile("mmm_unknown", **{**good, "capacity": 0}, requests_received=50)
    found = suggest(ME, [popular, quiet, unknown])
    assert ids(found) == ["mmm_unknown", "zzz_quiet", "aaa_popular"]
    assert found[-1].score == pytest.approx(found[0].score / 3)


def test_accents_case_and_plurals_do_not_hide_a_topic():
    cook = profile("cook", offers=("Restaurations",))
    found = suggest(profile("me", seeks=("restauration",)), [cook])
    assert ids(found) == ["cook"]
    assert found[0].reason == "Vous cherchez « restauration » ; elle propose « Restaurations »."


def test_the_reason_names_the_matched_topics():
    cook = profile("cook", offers=("Restauration", "Numérique"), seeks=("Réemploi",))
    (found,) = suggest(ME, [cook])
    assert (
        found.reason == "Vous cherchez « Restauration », qu'elle propose. Elle cherche « Réemploi », que vous proposez."
    )


def test_the_reason_quotes_the_fragment_of_free_text_that_matched():
    me = profile("me", seeks_text="Nous cherchons un traiteur pour 200 couverts, et des locaux.")
    cook = profile("cook", offers_text="Location de salles. Traiteur bio et insertion ; formation.")
    (found,) = suggest(me, [cook])
    assert (
        found.reason == "Vous cherchez « un traiteur pour 200 couverts » ; elle propose « Traiteur bio et insertion »."
    )


def test_a_backward_only_match_says_what_the_other_seeks():
    town = profile("town", seeks=("Réemploi",))
    (found,) = suggest(ME, [town])
    assert found.reason == "Elle cherche « Réemploi », que vous proposez."


def test_the_closer_territory_ranks_higher_and_the_epci_is_said():
    place = {"epci": "244400404", "departement": "44", "region": "52"}
    me = profile("me", seeks=("Restauration",), **place)
    good = {"offers": ("Restauration",)}
    same_epci = profile("zz_epci", **good, **place)
    same_departement = profile("yy_dep", **good, **{**place, "epci": "other"})
    same_region = profile("xx_region", **good, region="52")
    elsewhere = profile("ww_elsewhere", **good, region="11")
    found = suggest(me, [elsewhere, same_region, same_departement, same_epci])
    assert ids(found) == ["zz_epci", "yy_dep", "xx_region", "ww_elsewhere"]
    assert found[0].reason.endswith("Même EPCI.")
    assert found[1].reason.endswith("Même département.")
    assert "région" not in found[2].reason


def test_a_shared_sector_alone_is_a_reason_but_a_shared_territory_alone_is_not():
    me = profile("me", sectors=("Culture",), epci="1")
    artist = profile("artist", sectors=("culture", "Santé"))
    neighbour = profile("neighbour", epci="1")
    found = suggest(me, [artist, neighbour])
    assert ids(found) == ["artist"]
    assert found[0].reason == "Même secteur : « Culture »."


def test_ties_are_broken_by_name_then_id_and_limit_is_respected():
    good = {"offers": ("Restauration",)}
    others = [
        profile("c", name="Bravo", **good),
        profile("b", name="Alpha", **good),
        profile("a", name="Bravo", **good),
        profile("z", name="Zéphyr", **good),
        profile("e", name="Éole", **good),
    ]
    assert ids(suggest(ME, others)) == ["b", "a", "c", "e", "z"]
    assert ids(suggest(ME, others, limit=2)) == ["b", "a"]


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="double"):
        SuggestionIndex([ME, profile("moi")])


FRENCH = st.text(alphabet="aàâäbcçdeéèêëfghiîïjklmnoôöpqrstuùûüvwxyzœæAÀÉÈÇŒ0123456789 ,.;:'’-–«»!?()\n", max_size=80)


@given(FRENCH)
def test_the_fast_fold_folds_french_text_like_the_platform(text):
    assert fast_fold(text) == fold(text)


TOPICS = ["Restauration", "Réemploi", "Mobilité", "Numérique", "Foncier", "Comptabilité"]
WORDS = ["traiteur", "vélos", "atelier", "locaux", "logiciel", "insertion", "formation", "énergie"]
profiles = st.builds(
    Profile,
    id=st.uuids().map(str),
    name=st.sampled_from(["Alpha", "Bravo", "Charlie"]),
    organisation=st.sampled_from(["o1", "o2", "o3", "o4"]),
    kind=st.sampled_from(["ess", "entreprise", "collectivite"]),
    offers=st.lists(st.sampled_from(TOPICS), max_size=3, unique=True).map(tuple),
    seeks=st.lists(st.sampled_from(TOPICS), max_size=3, unique=True).map(tuple),
    offers_text=st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join),
    seeks_text=st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join),
    sectors=st.lists(st.sampled_from(["culture", "santé"]), max_size=2, unique=True).map(tuple),
    epci=st.sampled_from(["", "e1", "e2"]),
    departement=st.sampled_from(["", "44"]),
    region=st.sampled_from(["", "52"]),
    requests_received=st.integers(0, 30),
    capacity=st.integers(0, 12),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(profiles, min_size=1, max_size=12, unique_by=lambda found: found.id), st.data())
def test_suggestions_respect_the_filters_and_come_best_first(population, data):
    me = population[0]
    excluded = frozenset(data.draw(st.sets(st.sampled_from([found.id for found in population]))))
    index = SuggestionIndex(population)
    found = index.suggest(me.id, excluded=excluded, allowed_kinds=lambda a, b: a != b, limit=100)
    by_id = {other.id: other for other in population}
    for suggestion in found:
        other = by_id[suggestion.id]
        assert other.id != me.id and other.id not in excluded
        assert other.organisation != me.organisation and other.kind != me.kind
        assert 0 <= suggestion.forward <= 1 + 1e-9 and 0 <= suggestion.backward <= 1 + 1e-9
        assert suggestion.score > 0 and suggestion.reason
        assert index.pair_score(me.id, other.id) == index.pair_score(other.id, me.id)
    assert [suggestion.score for suggestion in found] == sorted((s.score for s in found), reverse=True)
    shuffled = data.draw(st.permutations(population))
    assert SuggestionIndex(shuffled).suggest(me.id, excluded=excluded, allowed_kinds=lambda a, b: a != b) == found[:10]


def test_a_thousand_participants_get_their_suggestions_in_well_under_a_second():
    chance = random.Random(7)
    words = [
        f"{stem}{end}" for stem in ("répar", "cuisin", "form", "financ", "transport", "héberg") for end in "abcdefgh"
    ]
    population = [
        Profile(
            id=str(number),
            name=f"Structure {number}",
            organisation=str(number // 3),
            kind=chance.choice(["ess", "entreprise", "collectivite"]),
            offers=tuple(chance.sample(TOPICS, 2)),
            seeks=tuple(chance.sample(TOPICS, 2)),
            offers_text=" ".join(chance.choices(words, k=30)),
            seeks_text=" ".join(chance.choices(words, k=30)),
            epci=str(number % 40),
            departement=str(number % 5),
        )
        for number in range(1000)
    ]
    index = SuggestionIndex(population)
    started = time.perf_counter()
    found = index.suggest("0")
    assert time.perf_counter() - started < 1.0  # about 30 ms on a busy two-core machine
    assert len(found) == 10
