"""The action plan export holds whatever text an action carries."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def test_an_action_with_a_vertical_tab_still_exports_as_xlsx_and_csv(client, world):
    # Stored before characters like this were refused at input: the export must hold anyway.
    world.action.description = "Première ligne\x0bSeconde ligne\x01"
    world.action.save()
    response = client.get(reverse("strategy:action_plan", args=["sress-test", "xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=5).value == "Première ligne\nSeconde ligne"
    csv = client.get(reverse("strategy:action_plan", args=["sress-test", "csv"])).content.decode()
    assert '"Première ligne\nSeconde ligne"' in csv and "\x0b" not in csv
