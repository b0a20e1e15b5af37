from datetime import timedelta

import pytest
from django.urls import reverse

from essaim.catalog.models import SearchLog, Synonym
from tests.catalog.factories import TODAY, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(region, roles, taxonomies):
    return {
        "pret": make_offer(
            "Prêt d'honneur pour financer le démarrage",
            types=["pret_honneur"],
            needs=["financer_demarrage"],
            description="Un prêt personnel sans intérêt.",
            reviewed_on=TODAY - timedelta(days=30),
            deadline=TODAY + timedelta(days=90),
            recurrence="ponctuelle",
        ),
        "benevoles": make_offer(
            "Former les bénévoles de son association",
            types=["formation"],
            needs=["former_benevoles"],
            audiences=["association"],
            description="Des sessions pour le financement de la formation.",
            reviewed_on=TODAY,
        ),
        "numerique": make_offer(
            "Diagnostic numérique",
            types=["diagnostic"],
            sectors=["culture"],
            territories=[("departement", "45")],
            deadline=TODAY + timedelta(days=10),
            recurrence="ponctuelle",
            reviewed_on=TODAY - timedelta(days=5),
        ),
    }


def found(client, **params):
    response = client.get(reverse("catalog:search"), params)
    assert response.status_code == 200
    return [offer.title for offer in response.context["page"].object_list]


def test_stemming_finds_other_forms_of_a_word_and_ranks_titles_first(client, catalog):
    assert found(client, q="financement") == [
        "Prêt d'honneur pour financer le démarrage",
        "Former les bénévoles de son association",
    ]


def test_accents_and_case_do_not_matter(client, catalog):
    assert found(client, q="BENEVOLES") == ["Former les bénévoles de son association"]
    assert found(client, q="numerique") == ["Diagnostic numérique"]


def test_every_word_must_match(client, catalog):
    assert found(client, q="prêt bénévoles") == []


def test_synonyms_edited_by_the_cress_widen_the_search(client, catalog):
    assert found(client, q="volontaires") == []
    Synonym.objects.create(term="Volontaires", synonyms="bénévoles, bénévolat")
    assert found(client, q="volontaires") == ["Former les bénévoles de son association"]
    # Both ways: the synonym finds the term too.
    assert Synonym.objects.get().term == "volontaires"


def test_matches_are_highlighted(client, catalog):
    html = client.get(reverse("catalog:search"), {"q": "bénévole"}).content.decode()
    assert "<mark>bénévoles</mark>" in html


def test_filters_keep_offers_without_constraint_on_that_axis(client, catalog):
    assert found(client, audience="association", sort="fraicheur") == [
        "Former les bénévoles de son association",
        "Diagnostic numérique",
        "Prêt d'honneur pour financer le démarrage",
    ]
    assert found(client, sector="sante") == [
        "Former les bénévoles de son association",
        "Prêt d'honneur pour financer le démarrage",
    ]
    assert found(client, type="diagnostic") == ["Diagnostic numérique"]
    assert found(client, commune="44109", sort="fraicheur") == [
        "Former les bénévoles de son association",
        "Prêt d'honneur pour financer le démarrage",
    ]


def test_sort_by_deadline_puts_permanent_offers_last(client, catalog):
    assert found(client, sort="echeance") == [
        "Diagnostic numérique",
        "Prêt d'honneur pour financer le démarrage",
        "Former les bénévoles de son association",
    ]


@pytest.mark.parametrize(
    "text",
    ["' OR 1=1 --", '"; DROP TABLE catalog_offer; --', "x" * 10_000, "😀🐝", "<script>alert(1)</script>", "%_%", "   "],
)
def test_hostile_text_returns_results_or_nothing_never_an_error(client, catalog, text):
    response = client.get(reverse("catalog:search"), {"q": text})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_bad_filter_values_are_explained(client, catalog):
    response = client.get(reverse("catalog:search"), {"stage": "licorne", "page": "abc"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_fruitless_search_log_keeps_keywords_but_not_contact_details(client, catalog):
    client.get(
        reverse("catalog:search"),
        {"q": "Écrivez à jean.martin@exemple.fr ou au 06 12 34 56 78 pour la boulangerie www.martin.fr"},
    )
    log = SearchLog.objects.get()
    assert log.result_count == 0
    assert log.criteria == {"q": "ecrivez boulangerie"}


def test_a_synonym_phrase_finds_offers_through_its_key_word(client, catalog):
    Synonym.objects.create(term="PH", synonyms="prêt d'honneur")
    assert found(client, q="ph") == ["Prêt d'honneur pour financer le démarrage"]


def test_ranking_weighs_where_and_how_often_words_occur(client, region, roles, taxonomies):
    # Titles chosen so that alphabetical order is the reverse of the expected one.
    make_offer("A : aide diverse", types=["formation"], description="Parle une fois de mécénat.")
    make_offer("B : aide diverse", types=["formation"], description="Le mécénat, encore du mécénat, et le mécénat.")
    make_offer("C : aide diverse", types=["formation"], summary="Trouver du mécénat.")
    make_offer("D : le mécénat", types=["formation"])
    assert found(client, q="mécénat") == [
        "D : le mécénat",
        "C : aide diverse",
        "B : aide diverse",
        "A : aide diverse",
    ]


def test_the_index_scores_each_offer_as_word_score_defines_it():
    from essaim.catalog import text_search

    index = text_search.TextIndex()
    texts = {
        1: ("Financement solidaire", "Un prêt pour financer", "Financer, financer encore"),
        2: ("Accompagnement", "", "Un financement possible"),
    }
    for offer_id, (title, summary, description) in texts.items():
        index.add(
            offer_id,
            document=text_search.document(title, summary, description),
            fields={
                "title": text_search.sequence(title),
                "summary": text_search.sequence(summary),
                "description": text_search.sequence(description),
            },
        )
    terms = text_search.query_terms("financement prêt")
    assert index.matching(terms) == {1}
    terms = text_search.query_terms("financement")
    assert index.matching(terms) == {1, 2}
    scores = index.relevance(terms, [1, 2])
    assert scores[1] == text_search.word_score({"title": 1, "summary": 1, "description": 2})
    assert scores[2] == text_search.word_score({"description": 1})
    assert scores[1] > scores[2]
