"""The observatory's API: a territory's figures as JSON, with every figure's source and vintage;
every territory of a level as CSV; French JSON errors for an unknown level or code."""

from __future__ import annotations

import csv
import io

import pytest

from essaim.observatory.services import sirene_import
from tests.observatory.test_import import files  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(files):  # type: ignore[no-untyped-def]  # noqa: F811
    units, establishments = files
    return sirene_import(units=units, establishments=establishments, region="52")


def test_a_departement_as_json_with_its_sources(client, imported):
    response = client.get("/api/v1/observatory/departement/49")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert (body["level"], body["code"], body["name"], body["vintage"]) == (
        "departement",
        "49",
        "Maine-et-Loire",
        "2026-10-02",
    )
    assert body["establishments"] == 1 and body["employer_establishments"] == 1
    assert body["employer_establishments_by_family"] == {
        "association": 0,
        "cooperative": 1,
        "mutuelle": 0,
        "fondation": 0,
        "societe_commerciale_ess": 0,
    }
    assert body["communes"] >= 1 and 0 <= body["share_communes_with_employer"] <= 1
    assert body["communes_with_employer"] == 1
    assert body["figure_sources"]["establishments"] == "sirene"
    assert body["sources"]["sirene"]["vintage"] == "2026-10-02" and "INSEE" in body["sources"]["sirene"]["label"]


def test_the_region_counts_its_head_counts_as_a_range(client, imported):
    body = client.get("/api/v1/observatory/region/52").json()
    assert body["employer_establishments_by_band"] == {"12": 1, "non_renseignee": 1}
    assert body["employees_range"] == {"min": 20, "max": 49}


def test_breakdowns_come_in_the_insee_order_whatever_order_the_database_kept(client, imported):
    # PostgreSQL's jsonb keeps keys in its own order: the figures are put in order when read.
    figures = imported.figures.get(level="region", code="52")
    figures.figures["employer_establishments_by_band"] = {"99": 1, "non_renseignee": 2, "NN": 3, "12": 4, "01": 5}
    figures.figures["employer_establishments_by_section"] = {"inconnu": 1, "S": 1, "Q": 2, "A": 1}
    figures.save()
    body = client.get("/api/v1/observatory/region/52").json()
    assert list(body["employer_establishments_by_band"]) == ["01", "12", "NN", "non_renseignee", "99"]
    assert list(body["employer_establishments_by_section"]) == ["A", "Q", "S", "inconnu"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/observatory/pays/52", "Niveau inconnu"),
        ("/api/v1/observatory/region/99", "Aucun territoire de ce niveau avec ce code."),
        ("/api/v1/observatory/commune/" + "4" * 500, "Aucun territoire de ce niveau avec ce code."),
        ("/api/v1/observatory/region/%00", "caractère nul"),
    ],
)
def test_unknown_territories_get_a_json_404_in_french(client, imported, url, message):
    response = client.get(url)
    assert response.status_code in (400, 404) and message in response.json()["error"]


def test_before_any_import_the_api_says_so(client, db):
    response = client.get("/api/v1/observatory/region/52")
    assert response.status_code == 404 and "pas encore calculés" in response.json()["error"]


def test_every_territory_of_a_level_as_csv(client, imported):
    response = client.get("/api/v1/observatory/departement.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    by_code = {row["code"]: row for row in rows}
    assert by_code["44"]["employer_establishments"] == "1" and by_code["44"]["employer_association"] == "1"
    assert "Sirene" in by_code["44"]["source"]
    assert client.get("/api/v1/observatory/pays.csv").status_code == 404
