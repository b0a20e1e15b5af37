from datetime import timedelta

import pytest
from django.urls import reverse

from essaim.catalog.models import SearchLog
from tests.catalog.factories import TODAY, make_offer

pytestmark = pytest.mark.django_db

ANSWERS = {
    "stage": "creation",
    "needs": ["financer_demarrage", "tresorerie"],
    "audience": "association",
    "commune": "44109",
}


@pytest.fixture
def catalog(region, roles, taxonomies):
    return {
        "garantie": make_offer(
            "Garantir son prêt",
            types=["garantie"],
            stages=["creation"],
            needs=["financer_demarrage"],
            territories=[("region", "52")],
        ),
        "local": make_offer(
            "Prime de la métropole",
            types=["prime"],
            needs=["financer_demarrage", "tresorerie"],
            territories=[("epci", "244400404")],
        ),
        "accompagnement": make_offer(
            "Se faire accompagner pour démarrer",
            types=["accompagnement_individuel"],
            needs=["financer_demarrage"],
            territories=[("departement", "44")],
        ),
        "scop_only": make_offer("Réservé aux SCOP", types=["pret"], audiences=["scop"], territories=[("france", "")]),
        "elsewhere": make_offer("Aide du Loiret", types=["subvention"], territories=[("departement", "45")]),
        "expired": make_offer(
            "Appel à projets clos",
            types=["subvention"],
            deadline=TODAY - timedelta(days=1),
            recurrence="ponctuelle",
            territories=[("france", "")],
        ),
        "draft": make_offer("Brouillon", types=["subvention"], status="draft", territories=[("france", "")]),
        "info": make_offer(
            "S'informer au point d'accueil", types=["information_orientation"], territories=[("departement", "44")]
        ),
    }


def titles(cards):
    return [offer.title for offer, _match in cards]


def test_results_group_financing_and_support_in_rank_order(client, catalog):
    response = client.get(reverse("catalog:results"), ANSWERS)
    assert response.status_code == 200
    groups = response.context["groups"]
    # Serves both needs first, then the closer territory.
    assert titles(groups.financement) == ["Prime de la métropole", "Garantir son prêt"]
    assert titles(groups.accompagnement) == ["Se faire accompagner pour démarrer", "S'informer au point d'accueil"]


def test_offers_whose_constraints_refuse_the_answers_are_left_out(client, catalog):
    response = client.get(reverse("catalog:results"), ANSWERS)
    shown = set(titles(response.context["groups"].financement) + titles(response.context["groups"].accompagnement))
    assert not shown & {"Réservé aux SCOP", "Aide du Loiret", "Appel à projets clos", "Brouillon"}


def test_each_result_says_why_it_was_proposed(client, catalog):
    html = client.get(reverse("catalog:results"), ANSWERS).content.decode()
    assert "Pourquoi cette offre\u202f?" in html
    assert "Répond à votre besoin : financer le démarrage ; renforcer ma trésorerie." in html
    assert "Couvre votre intercommunalité" in html


def test_an_idea_stage_project_always_gets_first_contact_offers(client, catalog):
    answers = {"stage": "ideation", "needs": ["mesurer_impact"], "audience": "porteur_individuel", "commune": "44109"}
    response = client.get(reverse("catalog:results"), answers)
    assert titles(response.context["groups"].first_contact) == ["S'informer au point d'accueil"]
    assert "Pour un premier contact" in response.content.decode()


def test_a_search_is_logged_with_criteria_only(client, catalog):
    client.get(reverse("catalog:results"), ANSWERS)
    log = SearchLog.objects.get()
    assert log.kind == "orientation"
    assert log.criteria["commune"] == "44109" and log.criteria["needs"] == ["financer_demarrage", "tresorerie"]
    assert log.result_count == 4


def test_missing_answers_are_named_with_a_link_to_their_step(client, catalog):
    response = client.get(reverse("catalog:results"), {"stage": "creation"})
    assert response.status_code == 200
    assert [step.title for step in response.context["missing"]] == ["Besoins", "Statut", "Commune"]


def test_unknown_answers_get_a_clear_400(client, catalog):
    response = client.get(reverse("catalog:results"), {"stage": "licorne", "commune": "99999"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sélectionnez un choix valide" in html
    assert "Aucune commune n&#x27;a le code INSEE « 99999 »" in html


def test_each_step_requires_its_answer_and_keeps_the_others(client, catalog):
    url = reverse("catalog:orientation")
    response = client.get(url, {"etape": "2", "stage": "creation", "suivant": "1"})
    assert response.status_code == 200
    assert "Choisissez au moins un besoin." in response.content.decode()
    assert response.context["hidden"] == [("stage", "creation")]
    response = client.get(url, {"etape": "2", "stage": "creation", "needs": ["tresorerie"], "suivant": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}?stage=creation&needs=tresorerie&etape=3"


def test_the_last_step_leads_to_the_results_with_a_shareable_address(client, catalog):
    response = client.get(reverse("catalog:orientation"), {**ANSWERS, "etape": "5", "suivant": "1"})
    assert response["Location"].startswith(reverse("catalog:results") + "?stage=creation&needs=financer_demarrage")


def test_a_commune_name_is_accepted_and_a_wrong_one_explained(client, catalog):
    url = reverse("catalog:orientation")
    ok = client.get(url, {**ANSWERS, "commune": "Nantes", "etape": "5", "suivant": "1"})
    assert ok.status_code == 302
    wrong = client.get(url, {**ANSWERS, "commune": "Nantess", "etape": "5", "suivant": "1"})
    assert "Aucune commune ne s&#x27;appelle « Nantess »" in wrong.content.decode()


def test_a_project_without_structure_is_never_asked_for_a_siret_or_its_age(client, catalog):
    response = client.get(reverse("catalog:orientation"), {"etape": "3", "audience": "porteur_individuel"})
    html = response.content.decode()
    assert "SIRET" not in html
    assert "Depuis combien d&#x27;années" not in html


def test_results_follow_catalogue_changes_at_once(client, catalog):
    from essaim.catalog.services import offer_transition

    def shown():
        groups = client.get(reverse("catalog:results"), ANSWERS).context["groups"]
        return set(titles(groups.financement))

    assert "Garantir son prêt" in shown()
    offer_transition(offer=catalog["garantie"], to="archived", by=None, roles={"cress", "operator"})
    assert "Garantir son prêt" not in shown()
    catalog["local"].title = "Prime métropolitaine"
    catalog["local"].save()
    assert "Prime métropolitaine" in shown()


def test_an_operator_renamed_in_the_directory_is_shown_renamed_on_result_cards(client, catalog):
    operator = catalog["garantie"].operator
    assert operator.name in client.get(reverse("catalog:results"), ANSWERS).content.decode()
    operator.name = "Fonds régional de garantie solidaire"
    operator.save()
    page = client.get(reverse("catalog:results"), ANSWERS).content.decode()
    assert "Fonds régional de garantie solidaire" in page


def test_a_refinement_question_is_asked_only_where_an_offer_requires_it(client, catalog):
    response = client.get(reverse("catalog:results"), ANSWERS)
    assert "Affiner vos résultats" not in response.content.decode()

    make_offer(
        "Fonds pour les entreprises solidaires agréées",
        types=["fonds_propres"],
        needs=["financer_demarrage"],
        required_answers={"agrement_esus": True},
    )
    response = client.get(reverse("catalog:results"), ANSWERS)
    page = response.content.decode()
    assert "Affiner vos résultats" in page
    assert "agrément ESUS" in page
    # Unasked questions are not shown.
    assert "quartier prioritaire" not in page
    assert "Fonds pour les entreprises solidaires agréées" in titles(response.context["groups"].financement)


def test_answering_a_refinement_question_filters_and_explains(client, catalog):
    make_offer(
        "Fonds pour les entreprises solidaires agréées",
        types=["fonds_propres"],
        needs=["financer_demarrage"],
        required_answers={"agrement_esus": True},
    )
    response = client.get(reverse("catalog:results"), {**ANSWERS, "question_agrement_esus": "non"})
    assert "Fonds pour les entreprises solidaires agréées" not in titles(response.context["groups"].financement)
    # The question stays on the page so the answer can be changed, and in the shareable links.
    page = response.content.decode()
    assert "Affiner vos résultats" in page
    assert "question_agrement_esus=non" in page

    response = client.get(reverse("catalog:results"), {**ANSWERS, "question_agrement_esus": "oui"})
    fund = next(offer for offer, _ in response.context["groups"].financement if offer.title.startswith("Fonds"))
    assert any("Vous avez répondu « oui »" in reason for reason in fund.reasons)


def test_an_invalid_refinement_answer_is_refused_with_a_message(client, catalog):
    response = client.get(reverse("catalog:results"), {**ANSWERS, "question_agrement_esus": "peut-être"})
    assert response.status_code == 400
    assert "agrément ESUS" in response.content.decode()


def test_result_cards_say_how_to_apply_or_whom_to_contact(client, catalog):
    catalog["garantie"].application_url = "https://exemple.fr/candidater"
    catalog["garantie"].save()
    catalog["accompagnement"].contact_email = "contact@exemple.fr"
    catalog["accompagnement"].contact_phone = "02 40 00 00 00"
    catalog["accompagnement"].save()
    page = client.get(reverse("catalog:results"), ANSWERS).content.decode()
    assert reverse("catalog:offer_go", args=[catalog["garantie"].slug, "apply"]) in page
    assert reverse("catalog:offer_go", args=[catalog["accompagnement"].slug, "contact"]) in page
    assert 'href="tel:0240000000"' in page
    assert reverse("catalog:operator", args=[catalog["garantie"].operator.slug]) in page


def test_a_commune_outside_the_region_is_told_so_and_still_sees_national_offers(client, catalog, settings):
    settings.ESSAIM_REGION = "52"
    national = make_offer("Aide nationale au démarrage", types=["subvention"], territories=[("france", "")])
    response = client.get(reverse("catalog:results"), {**ANSWERS, "commune": "45234"})
    page = response.content.decode()
    assert "Orléans se trouve hors de la région Pays de la Loire" in page
    assert national in [offer for offer, _match in response.context["groups"].financement]

    response = client.get(reverse("catalog:results"), ANSWERS)
    assert "hors de la région" not in response.content.decode()


def test_a_large_group_shows_its_best_offers_and_opens_whole_by_pages(client, catalog):
    for number in range(25):
        make_offer(f"Prêt régional n° {number:02d}", types=["pret"], territories=[("region", "52")])
    response = client.get(reverse("catalog:results"), ANSWERS)
    groups = response.context["groups"]
    assert groups.totals["financement"] == 27
    assert len(groups.financement) == 10
    assert titles(groups.financement)[:2] == ["Prime de la métropole", "Garantir son prêt"]
    assert "Voir les 27 offres de financement" in response.content.decode()

    first = client.get(reverse("catalog:results"), {**ANSWERS, "groupe": "financement"})
    page = first.context["groups"]
    assert len(page.financement) == 20 and page.accompagnement == [] and page.first_contact == []
    assert "Page 1 sur 2" in first.content.decode()
    second = client.get(reverse("catalog:results"), {**ANSWERS, "groupe": "financement", "page": "2"})
    assert len(second.context["groups"].financement) == 7
    shown = titles(page.financement) + titles(second.context["groups"].financement)
    assert len(set(shown)) == 27


def test_an_unknown_group_shows_the_overview(client, catalog):
    response = client.get(reverse("catalog:results"), {**ANSWERS, "groupe": "inconnu", "page": "zzz"})
    assert response.status_code == 200
    assert titles(response.context["groups"].financement) == ["Prime de la métropole", "Garantir son prêt"]
