"""What the public, the readers and the leads see, and the exports."""

import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from essaim.core.history import entries_of, tracking
from essaim.strategy import services
from essaim.strategy.models import Action, Bilan, Campaign, ProgressReport
from essaim.strategy.services import bilan_publish, bilan_take
from tests.pdf import inflated
from tests.strategy.factories import strategy_world, validated_value


@pytest.fixture
def world(region):
    world = strategy_world(region)
    world.other_action.is_public = False
    world.other_action.save()
    validated_value(world.indicator, date(2019, 12, 31), 100, source="CRESS, suivi", vintage="2019")
    return world


def validated_report(world, **fields):
    campaign = Campaign.objects.create(
        strategy=world.strategy,
        title="Bilan 2019",
        period_label="2019",
        opens_on=date(2019, 10, 1),
        due_on=date(2019, 11, 1),
    )
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    data = {
        "status": "en_cours",
        "weather": "appuis",
        "done": "Quarante porteurs orientés.",
        "highlights": "Une SCIC née d'un atelier.",
    }
    data.update(fields)
    services.report_save(report=report, data=data, values=[], by=world.lead)
    services.report_submit(report=report, by=world.lead)
    services.report_validate(report=report, by=world.copilot)
    return report


def test_the_public_dashboard_counts_public_actions_only(client, world):
    response = client.get(reverse("strategy:detail", args=["sress-test"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Un parcours d&#x27;orientation commun" in page
    assert "Un annuaire des accompagnateurs" not in page  # internal action
    assert re.search(r"<strong>1</strong>\s*action\b", page)
    assert re.search(r'<rect width="100\.0" height="10"', page)  # one action out of one, in status "en cours"


def test_a_reader_sees_internal_actions(client, world):
    client.force_login(world.reader)
    page = client.get(reverse("strategy:detail", args=["sress-test"])).content.decode()
    assert "Un annuaire des accompagnateurs" in page
    assert re.search(r"<strong>2</strong>\s*actions", page)


def test_an_internal_action_page_is_hidden_from_the_public_but_not_from_its_lead(client, world):
    url = reverse("strategy:action", args=["sress-test", "1.1.2"])
    assert client.get(url).status_code == 404
    client.force_login(world.other_lead)
    assert client.get(url).status_code == 200


def test_a_private_strategy_is_not_shown(client, world):
    world.strategy.is_public = False
    world.strategy.save()
    assert client.get(reverse("strategy:detail", args=["sress-test"])).status_code == 404
    assert "SRESS test" not in client.get(reverse("strategy:index")).content.decode()


def test_a_validated_report_reaches_the_public_timeline_and_action_page(client, world):
    validated_report(world)
    page = client.get(reverse("strategy:detail", args=["sress-test"])).content.decode()
    assert "Une SCIC née d&#x27;un atelier." in page
    action_page = client.get(reverse("strategy:action", args=["sress-test", "1.1.1"])).content.decode()
    assert "Quarante porteurs orientés." in action_page
    assert "Historique" not in action_page  # the history is for the people who steer


def test_a_report_not_yet_validated_stays_private(client, world):
    campaign = Campaign.objects.create(
        strategy=world.strategy,
        title="Bilan",
        period_label="2019",
        opens_on=date(2019, 10, 1),
        due_on=date(2019, 11, 1),
    )
    services.campaign_open(campaign=campaign, by=world.copilot)
    report = ProgressReport.objects.get(action=world.action)
    services.report_save(
        report=report, data={"status": "en_cours", "done": "Texte en cours de relecture."}, values=[], by=world.lead
    )
    assert "Texte en cours de relecture." not in client.get(world.action.get_absolute_url()).content.decode()


def test_late_is_computed_from_the_dates(world):
    world.action.planned_end = date(2020, 1, 1)
    world.action.save()
    assert world.action.is_late_on(date(2020, 1, 2))
    world.action.status = Action.Status.DONE
    assert not world.action.is_late_on(date(2020, 1, 2))


def test_indicators_show_a_chart_with_a_data_table_and_the_progress(client, world):
    page = client.get(reverse("strategy:indicators", args=["sress-test"])).content.decode()
    assert 'role="img"' in page and "<table" in page
    assert "CRESS, suivi" in page and "2019" in page
    assert "25\u202f% du chemin" in page  # (100 - 0) / (400 - 0)
    # SVG coordinates are never written the French way ("56,5" would read as two numbers).
    [points] = re.findall(r'<polyline points="([^"]*)"', page)
    assert re.fullmatch(r"[\d.]+,[\d.]+( [\d.]+,[\d.]+)*", points), points


def test_no_progress_is_shown_without_a_target(client, world):
    world.indicator.targets.all().delete()
    page = client.get(reverse("strategy:indicators", args=["sress-test"])).content.decode()
    assert "du chemin entre" not in page


def test_the_action_plan_export_has_the_expected_columns(client, world):
    response = client.get(reverse("strategy:action_plan", args=["sress-test", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    header = rows[0]
    assert header[:4] == ("Numéro", "Titre", "Niveau 1", "Niveau 2")
    assert len(rows) == 2  # the internal action is not exported for the public
    row = dict(zip(header, rows[1], strict=True))
    assert row["Niveau 1"] == "1 Accompagner les structures" and row["Niveau 2"] == "1.1 Mieux orienter"
    assert row["Indicateurs"] == "Porteurs de projet orientés" and row["Échéance dépassée"] == "non"
    csv = client.get(reverse("strategy:action_plan", args=["sress-test", "csv"])).content.decode()
    assert csv.startswith("\ufeffNuméro;Titre;Niveau 1")  # French Excel: BOM and semicolons
    assert client.get(reverse("strategy:action_plan", args=["sress-test", "pdf"])).status_code == 404


def test_indicator_values_export_gives_source_and_vintage(client, world):
    text = client.get(reverse("strategy:indicator_values", args=["sress-test", "csv"])).content.decode()
    assert (
        "Porteurs de projet orientés;orientations;Activité;personnes;2019-12-31;100;2019;CRESS, suivi;Validée" in text
    )


def test_a_bilan_is_frozen(world):
    validated_report(world, status="en_cours")
    bilan = bilan_take(strategy=world.strategy, title="Bilan", as_of=date.today(), introduction="", by=world.copilot)
    world.action.status = Action.Status.ABANDONED
    world.action.save()
    bilan.refresh_from_db()
    [action] = [item for item in bilan.data["actions"] if item["code"] == "1.1.1"]
    assert action["status"] == "en_cours" and action["weather"] == "appuis"
    assert bilan.data["indicators"][0]["current"] == "100"


def test_a_bilan_at_a_past_date_reads_statuses_from_the_history(world):
    with tracking(world.action, by=world.copilot, summary="Action terminée"):
        world.action.status = Action.Status.DONE
        world.action.save()
    entries_of(world.action).update(created_at=datetime(2020, 6, 1, 12, tzinfo=UTC))
    before = bilan_take(strategy=world.strategy, title="Avant", as_of=date(2020, 1, 1), introduction="", by=None)
    after = bilan_take(strategy=world.strategy, title="Après", as_of=date(2020, 12, 31), introduction="", by=None)
    status = {bilan.title: bilan.data["actions"][0]["status"] for bilan in (before, after)}
    assert status == {"Avant": "en_cours", "Après": "realisee"}


def test_a_report_validated_after_the_date_of_a_bilan_does_not_count_in_it(world):
    validated_report(world, status="suspendue")
    bilan = bilan_take(strategy=world.strategy, title="Bilan 2020", as_of=date(2020, 12, 31), introduction="", by=None)
    [action] = [item for item in bilan.data["actions"] if item["code"] == "1.1.1"]
    assert action["status"] == "en_cours" and action["report"] is None


def test_an_unpublished_bilan_is_for_the_steering_only(client, world):
    bilan = bilan_take(
        strategy=world.strategy, title="Bilan 2019", as_of=date(2019, 12, 31), introduction="", by=world.copilot
    )
    url = bilan.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(world.reader)
    assert client.get(url).status_code == 200
    client.logout()
    bilan_publish(bilan=bilan, by=None)
    assert client.get(url).status_code == 200
    assert "Bilan 2019" in client.get(reverse("strategy:detail", args=["sress-test"])).content.decode()


def test_two_bilans_can_be_compared(client, world):
    first = bilan_take(strategy=world.strategy, title="Bilan 2018", as_of=date.today(), introduction="", by=None)
    validated_report(world, status="realisee")
    second = bilan_take(strategy=world.strategy, title="Bilan 2019", as_of=date.today(), introduction="", by=None)
    for bilan in (first, second):
        bilan_publish(bilan=bilan, by=None)
    url = reverse("strategy:bilan_compare", args=["sress-test"])
    page = client.get(url, {"avant": first.pk, "apres": second.pk}).content.decode()
    assert "Actions qui ont changé (1)" in page and "En cours → Réalisée" in page
    assert client.get(url, {"avant": "x", "apres": second.pk}).status_code == 400


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_bilan_pdf_is_tagged_and_the_odt_opens(client, world):
    validated_report(world)
    bilan = bilan_take(
        strategy=world.strategy, title="Bilan 2019", as_of=date.today(), introduction="Bonjour.", by=None
    )
    bilan_publish(bilan=bilan, by=None)
    response = client.get(reverse("strategy:bilan_file", args=["sress-test", bilan.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    content = inflated(response.content)
    for marker in (b"/StructTreeRoot", b"/MarkInfo", b"/Lang", b"/H1", b"/Table"):
        assert marker in content, marker
    odt = client.get(reverse("strategy:bilan_file", args=["sress-test", bilan.pk, "odt"]))
    assert odt.content[:2] == b"PK"
    from zipfile import ZipFile

    body = ZipFile(io.BytesIO(odt.content)).read("content.xml").decode()
    assert "Bilan 2019" in body and "Une SCIC née d&apos;un atelier." in body.replace("'", "&apos;")


def test_the_bilan_is_taken_from_the_board(client, world):
    client.force_login(world.copilot)
    response = client.post(
        reverse("strategy:bilan_create", args=["sress-test"]), {"bilan-title": "Bilan", "bilan-as_of": "2026-01-31"}
    )
    assert response.status_code == 302
    assert Bilan.objects.get().data["counts"]["total"] == 2
    assert (
        client.post(
            reverse("strategy:bilan_create", args=["sress-test"]), {"bilan-title": "", "bilan-as_of": "hier"}
        ).status_code
        == 400
    )
    client.force_login(world.lead)
    assert (
        client.post(
            reverse("strategy:bilan_create", args=["sress-test"]), {"bilan-title": "B", "bilan-as_of": "2026-01-31"}
        ).status_code
        == 403
    )


def test_a_lead_edits_their_action_and_the_change_is_kept(client, world):
    client.force_login(world.lead)
    url = reverse("strategy:action_edit", args=["sress-test", "1.1.1"])
    response = client.post(
        url,
        {
            "description": "Nouvelle description",
            "public_summary": "Résumé",
            "planned_start": "2017-09-01",
            "planned_end": "2030-06-30",
        },
    )
    assert response.status_code == 302
    page = client.get(world.action.get_absolute_url()).content.decode()
    assert "Nouvelle description" in page
    assert "Fiche action modifiée" in page
    bad = client.post(url, {"description": "x", "planned_start": "2020-01-01", "planned_end": "2019-01-01"})
    assert bad.status_code == 400 and "ne peut pas précéder" in bad.content.decode()


def test_the_home_page_counts_the_actions_carried_out(client, world, settings):
    world.action.status = Action.Status.DONE
    world.action.save()
    page = " ".join(client.get("/").content.decode().split())
    assert '<strong>1</strong> <a href="/strategie/sress-test/">action réalisée de la SRESS test</a>' in page
    world.other_action.status, world.other_action.is_public = Action.Status.DONE, True
    world.other_action.save()
    page = " ".join(client.get("/").content.decode().split())
    assert '<strong>2</strong> <a href="/strategie/sress-test/">actions réalisées de la SRESS test</a>' in page


def test_the_public_export_has_no_names_and_no_internal_indicator(client, world):
    from essaim.strategy.models import BudgetLine, Indicator

    hidden = Indicator.objects.create(
        strategy=world.strategy, code="interne", name="Indicateur interne", kind="activite", unit="u", is_public=False
    )
    hidden.actions.add(world.action)
    BudgetLine.objects.create(action=world.action, year=2026, kind="etp", planned_amount=Decimal("1.5"))
    BudgetLine.objects.create(action=world.action, year=2026, kind="fonctionnement", planned_amount=None)
    rows = list(
        load_workbook(
            io.BytesIO(client.get(reverse("strategy:action_plan", args=["sress-test", "xlsx"])).content)
        ).active.values
    )
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Référents"] is None and row["Indicateurs"] == "Porteurs de projet orientés"
    assert row["Budget prévu (€)"] is None  # staff time is not money; no amount planned
    client.force_login(world.reader)
    rows = list(
        load_workbook(
            io.BytesIO(client.get(reverse("strategy:action_plan", args=["sress-test", "xlsx"])).content)
        ).active.values
    )
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Référents"] == world.lead.full_name and "Indicateur interne" in row["Indicateurs"]


def test_a_typed_formula_stays_text_in_exports(client, world):
    world.action.description = '=HYPERLINK("https://example.org","clic")'
    world.action.save()
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("strategy:action_plan", args=["sress-test", "xlsx"])).content)
    ).active
    cell = sheet.cell(row=2, column=5)
    assert cell.value == world.action.description and cell.data_type == "s"
    csv = client.get(reverse("strategy:action_plan", args=["sress-test", "csv"])).content.decode()
    assert "'=HYPERLINK" in csv


def test_a_lead_sees_their_internal_action_on_the_dashboard(client, world):
    client.force_login(world.other_lead)
    page = client.get(reverse("strategy:detail", args=["sress-test"])).content.decode()
    assert "Un annuaire des accompagnateurs" in page
    assert re.search(r"<strong>2</strong>\s*actions", page)


def test_a_lead_of_a_private_strategy_sees_its_public_actions_and_their_own(client, world):
    world.strategy.is_public = False
    world.strategy.save()
    client.force_login(world.other_lead)
    page = client.get(reverse("strategy:detail", args=["sress-test"])).content.decode()
    assert "Un parcours d&#x27;orientation commun" in page and "Un annuaire des accompagnateurs" in page
    assert client.get(world.action.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(world.action.get_absolute_url()).status_code == 404


def test_the_index_says_how_many_actions_are_done(client, world):
    world.action.status = Action.Status.DONE
    world.action.save()
    page = client.get(reverse("strategy:index")).content.decode()
    assert re.search(r"<strong>1</strong> action,\s*dont <strong>1</strong> réalisée", page)


def test_the_governance_page_counts_only_the_actions_the_reader_may_see(client, world):
    world.other_action.group = world.group
    world.other_action.save()
    assert "1 action suivie" in client.get(reverse("strategy:governance", args=["sress-test"])).content.decode()
    client.force_login(world.reader)
    assert "2 actions suivies" in client.get(reverse("strategy:governance", args=["sress-test"])).content.decode()


def test_indicator_values_download_as_xlsx_beside_the_csv(client, world):
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get(reverse("strategy:indicator_values", args=["sress-test", "xlsx"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Indicateur" and rows[1][0] == "Porteurs de projet orientés"
    assert client.get(reverse("strategy:indicator_values", args=["sress-test", "pdf"])).status_code == 404
