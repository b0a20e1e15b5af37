"""The organiser's files: CSV and XLSX with headers and rows (formulas inert), badges and the
table plan as PDF."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from essaim.esspresso.services import appointment_create
from tests.esspresso.factories import make_participant, make_wish
from tests.esspresso.organiser_helpers import organised_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_data(client):
    event, organiser = organised_event()
    alice = make_participant(event, "Alice", last_name='=HYPERLINK("http://x")', offers_text="+traiteur")
    bob = make_participant(event, "Bob", kind="collectivite")
    make_wish(alice, bob, priority="must")
    appointment_create(
        event=event, slot=event.slots.first(), table=event.tables.get(number=1), participants=[alice, bob], by=None
    )
    event.tables.filter(number=3).update(host=bob)
    client.force_login(organiser)
    return event


def export(client, event, what, fmt):
    return client.get(reverse("esspresso:export", kwargs={"pk": event.pk, "what": what, "fmt": fmt}))


def test_participants_csv_has_headers_rows_and_inert_formulas(client, event_with_data):
    response = export(client, event_with_data, "participants", "csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Nom;Prénom;Structure;SIRET;Type")
    assert len(lines) == 3
    assert "'=HYPERLINK" in text and "'+traiteur" in text


def test_requests_and_timetable_xlsx_keep_formulas_as_text(client, event_with_data):
    sheet = load_workbook(io.BytesIO(export(client, event_with_data, "demandes", "xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("De", "Structure (de)", "À", "Structure (à)", "Priorité")
    assert rows[1][0].startswith("Alice =HYPERLINK") and rows[1][4] == "Indispensable"
    sheet = load_workbook(io.BytesIO(export(client, event_with_data, "planning", "xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Début",
        "Fin",
        "Session",
        "Table",
        "Participants",
        "Structures",
        "Statut",
        "Origine",
        "Verrouillé",
    )
    assert rows[1][0] == "09:00" and rows[1][3] == 1 and rows[1][6] == "Prévu"
    sheet = load_workbook(io.BytesIO(export(client, event_with_data, "participants", "xlsx").content)).active
    cells = [cell for cell in sheet["A"]]
    assert cells[1].value == '=HYPERLINK("http://x")' and cells[1].data_type == "s"


@pytest.mark.parametrize(("what", "fmt"), [("participants", "pdf"), ("secrets", "csv"), ("planning", "json")])
def test_an_unknown_export_is_a_404(client, event_with_data, what, fmt):
    assert export(client, event_with_data, what, fmt).status_code == 404


def test_badges_and_table_plan_are_pdfs(client, event_with_data):
    for name in ("badges", "table_plan"):
        response = client.get(reverse(f"esspresso:{name}", kwargs={"pk": event_with_data.pk}))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_the_table_plan_says_who_meets_whom_at_each_table(event_with_data):
    from essaim.esspresso.planning import table_plans

    plans = table_plans(event_with_data)
    first = plans[0]
    assert first.table.number == 1
    assert "Bob Test" in " ".join(first.lines[0][1])
    assert first.lines[1][1] == []
    assert plans[2].table.host.first_name == "Bob"
