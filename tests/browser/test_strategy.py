"""One reporting campaign in a real browser: the co-pilot opens it, the lead writes and submits
a report, the co-pilot validates it, the public dashboard shows it; axe-core on every page."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(region):  # type: ignore[no-untyped-def]
    from essaim.strategy.models import Campaign
    from tests.strategy.factories import strategy_world, validated_value

    world = strategy_world(region)
    validated_value(world.indicator, date(2025, 12, 31), 80, source="CRESS, suivi des orientations", vintage="2025")
    today = date.today()
    Campaign.objects.create(
        strategy=world.strategy,
        title="Point d'étape pour la conférence régionale",
        period_label="2026",
        opens_on=today,
        due_on=today + timedelta(days=30),
    )
    return world


def test_a_reporting_campaign_from_opening_to_the_public_dashboard(page, world):  # type: ignore[no-untyped-def]
    # The co-pilot opens the campaign from the steering board.
    log_in(page, world.copilot.email)
    page.goto("/strategie/sress-test/pilotage/")
    assert_accessible(page)
    page.get_by_role(
        "button", name="Ouvrir « Point d'étape pour la conférence régionale » et prévenir les référents"
    ).click()
    expect(page.get_by_text("Campagne ouverte : 2 points d'avancement demandés")).to_be_visible()

    # The lead finds the report in their workspace, writes it and submits it.
    log_in(page, world.lead.email)
    page.goto("/strategie/pilotage/")
    assert_accessible(page)
    page.get_by_role("table").get_by_role("link", name="1.1.1 Un parcours d'orientation commun").click()
    page.get_by_label("État de l'action").select_option("en_cours")
    page.get_by_label("Météo").select_option("atteignable")
    page.get_by_label("Ce qui a été fait").fill("Six ateliers d'orientation ont réuni 90 porteurs de projet.")
    page.get_by_label("Réussites à faire connaître").fill(
        "Une coopérative d'habitants est née d'un atelier à Saint-Nazaire."
    )
    page.get_by_label("Valeur (en personnes)").fill("12 €")
    page.get_by_label("Date de la mesure").fill(date.today().isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Transmettre aux copilotes").click()
    # A wrong unit is refused, with what was typed kept.
    expect(page.get_by_text("Unité « € » inattendue")).to_be_visible()
    assert page.get_by_label("Ce qui a été fait").input_value().startswith("Six ateliers")
    assert_accessible(page)
    page.get_by_label("Valeur (en personnes)").fill("120,5")
    page.get_by_role("button", name="Transmettre aux copilotes").click()
    expect(page.get_by_text("Point d'avancement transmis aux copilotes")).to_be_visible()
    assert_accessible(page)

    # The co-pilot validates it.
    log_in(page, world.copilot.email)
    page.goto("/strategie/sress-test/pilotage/")
    page.get_by_role("link", name="1.1.1 Un parcours d'orientation commun").first.click()
    assert_accessible(page)
    page.get_by_label("Commentaire des copilotes").fill("Merci, très clair.")
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("Point d'avancement validé : l'action est à jour.")).to_be_visible()

    # The co-pilot freezes a bilan and publishes it.
    page.goto("/strategie/sress-test/pilotage/")
    page.get_by_text("Figer un nouveau bilan").click()
    page.get_by_label("Titre du bilan").fill("Bilan 2026")
    page.get_by_role("button", name="Figer le bilan").click()
    assert_accessible(page)
    page.get_by_role("button", name="Publier ce bilan").click()
    expect(page.get_by_text("Bilan publié")).to_be_visible()

    # The public sees the validated report, the new value and the bilan.
    page.context.clear_cookies()
    page.goto("/strategie/sress-test/")
    expect(page.get_by_text("Une coopérative d'habitants est née d'un atelier à Saint-Nazaire.")).to_be_visible()
    expect(page.get_by_role("link", name="Bilan 2026")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Un parcours d'orientation commun").first.click()
    expect(page.get_by_text("Six ateliers d'orientation")).to_be_visible()
    assert_accessible(page)
    page.goto("/strategie/sress-test/indicateurs/")
    expect(page.get_by_role("cell", name="120").first).to_be_visible()  # "120" or "120,5"
    assert_accessible(page)
    page.goto("/strategie/sress-test/")
    page.get_by_role("link", name="Bilan 2026").click()
    assert_accessible(page)


def test_the_public_pages_of_a_strategy_are_accessible(page, world):  # type: ignore[no-untyped-def]
    from essaim.strategy.models import Body, Decision, Meeting
    from essaim.strategy.services import bilan_publish, bilan_take

    cotech = Body.objects.create(strategy=world.strategy, code="cotech", kind=Body.Kind.COTECH, name="Comité technique")
    meeting = Meeting.objects.create(body=cotech, held_on=date(2026, 3, 10), title="COTECH de mars", is_public=True)
    Decision.objects.create(meeting=meeting, text="Lancer l'étude.", due_on=date(2026, 6, 30))
    first = bilan_take(strategy=world.strategy, title="Bilan 2025", as_of=date(2025, 12, 31), introduction="", by=None)
    second = bilan_take(strategy=world.strategy, title="Bilan 2026", as_of=date(2026, 6, 30), introduction="", by=None)
    bilan_publish(bilan=first, by=None)
    bilan_publish(bilan=second, by=None)
    for url in (
        "/strategie/",
        "/strategie/sress-test/gouvernance/",
        f"/strategie/sress-test/bilans/comparer/?avant={first.pk}&apres={second.pk}",
    ):
        page.goto(url)
        assert_accessible(page)
    expect(page.get_by_role("heading", name="Actions qui ont changé (0)")).to_be_visible()


def test_the_editing_pages_are_accessible(page, world):  # type: ignore[no-untyped-def]
    from essaim.strategy.models import IndicatorValue, Milestone

    Milestone.objects.create(action=world.action, title="Premier comité", due_on=date(2026, 3, 1))
    log_in(page, world.lead.email)
    page.goto("/strategie/sress-test/actions/1.1.1/modifier/")
    assert_accessible(page)
    page.get_by_role("button", name="Marquer comme atteint : Premier comité").click()
    expect(page.get_by_text("Jalon « Premier comité » marqué comme atteint.")).to_be_visible()
    page.goto("/strategie/sress-test/indicateurs/orientations/historique/")
    page.get_by_label("Valeur (en personnes)").fill("150")
    page.get_by_label("Date de la mesure").fill("2026-06-30")
    page.get_by_role("button", name="Proposer la valeur").click()
    expect(page.get_by_text("Valeur proposée").first).to_be_visible()
    assert_accessible(page)
    log_in(page, world.copilot.email)
    page.goto("/strategie/sress-test/indicateurs/orientations/historique/")
    assert_accessible(page)
    page.get_by_role("button", name="Valider la valeur du 30 juin 2026").click()
    assert IndicatorValue.objects.filter(state="validated", value=150).exists()
    page.goto("/strategie/sress-test/actions/1.1.1/")
    assert_accessible(page)


def test_recording_a_meeting_and_a_decision_is_accessible(page, world):  # type: ignore[no-untyped-def]
    log_in(page, world.copilot.email)
    page.goto("/strategie/sress-test/gouvernance/")
    page.get_by_text("Enregistrer une réunion et son compte rendu").click()
    assert_accessible(page)
    page.get_by_label("Groupe ou instance").select_option(label="Financement")
    page.get_by_label("Date").fill("2026-05-12")
    page.get_by_label("Objet de la réunion").fill("Groupe financement de mai")
    page.get_by_label("Compte rendu").fill("Tour de table des financeurs.")
    page.get_by_role("button", name="Enregistrer la réunion").click()
    expect(page.get_by_text("Réunion « Groupe financement de mai » enregistrée.")).to_be_visible()
    page.get_by_text("Ajouter une décision").click()
    page.get_by_label("Décision prise").fill("Écrire le guide des financeurs.")
    assert_accessible(page)
    page.get_by_role("button", name="Ajouter la décision").click()
    expect(page.get_by_text("Décision ajoutée")).to_be_visible()
    assert_accessible(page)


def test_an_elected_reader_follows_the_steering_from_her_workspace(page, world):  # type: ignore[no-untyped-def]
    log_in(page, world.reader.email)
    page.goto("/strategie/pilotage/")
    assert_accessible(page)
    page.get_by_role("link", name="suivre son pilotage (SRESS test)").click()
    expect(page.get_by_role("heading", name="Pilotage : SRESS test")).to_be_visible()
    expect(page.get_by_text("Vous suivez le pilotage de cette stratégie en lecture")).to_be_visible()
    expect(page.get_by_role("cell", name="Point d'étape pour la conférence régionale")).to_be_visible()
    assert page.locator("main button").count() == 0
    assert_accessible(page)


def test_an_ended_strategy_reads_as_ended_and_its_bilan_states_its_own_figures(page, world):  # type: ignore[no-untyped-def]
    from essaim.strategy.services import bilan_publish, bilan_take

    world.strategy.ends_on = date(2021, 12, 31)
    world.strategy.save()
    bilan = bilan_take(
        strategy=world.strategy, title="Bilan final", as_of=date(2022, 1, 31), introduction="Le mot.", by=None
    )
    bilan_publish(bilan=bilan, by=None)
    page.goto("/strategie/sress-test/")
    expect(page.get_by_text("Achevée").first).to_be_visible()
    assert page.get_by_text("En cours de mise en œuvre").count() == 0
    expect(page.get_by_text("non réalisées").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Bilan final").first.click()
    expect(page.get_by_text("Sur 2 actions : 1 à lancer et 1 en cours ; 2 non réalisées.")).to_be_visible()
    assert_accessible(page)


def test_the_compare_page_says_when_there_is_nothing_to_compare(page, world):  # type: ignore[no-untyped-def]
    page.goto("/strategie/sress-test/bilans/comparer/")
    expect(page.get_by_text("Aucun bilan n'a encore été publié pour cette stratégie")).to_be_visible()
    assert page.get_by_role("combobox").count() == 0
    assert_accessible(page)


def test_an_indicator_chart_fits_its_values_with_french_ticks(page, world):  # type: ignore[no-untyped-def]
    from tests.strategy.factories import validated_value

    validated_value(world.indicator, date(2024, 12, 31), 1610, source="CRESS", vintage="2024")
    page.goto("/strategie/sress-test/indicateurs/")
    labels = page.locator("svg.chart text").evaluate_all("nodes => nodes.map(node => node.textContent)")
    # From 0 (the baseline) to 1 610 then the target of 400: nice steps of 500, French thousands.
    assert "1\u202f500" in labels and "2\u202f000" in labels
    assert "2024" in labels and "2025" in labels
    expect(page.get_by_role("img", name="Évolution de « Porteurs de projet orientés »")).to_be_visible()
    assert_accessible(page)
