"""The SIRENE import through the service and the command: figures for every territory, the
region's establishments kept, the previous import replaced only once the new one is complete,
a French message naming the file otherwise."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from essaim.observatory.loading import perimeter_load
from essaim.observatory.models import Establishment, SireneImport, TerritoryFigures
from essaim.observatory.services import ObservatoryRefused, sirene_import
from tests.observatory.rows import ESTABLISHMENT_HEADER, UNIT_HEADER, establishment, unit, write
from tests.territories.factories import small_region

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(tmp_path):  # type: ignore[no-untyped-def]
    small_region()
    perimeter_load()
    units = write(
        tmp_path / "StockUniteLegale_utf8.csv",
        UNIT_HEADER,
        [
            unit("100000001", "9220", name="Recyclerie du Port"),
            unit("100000002", "5710", name="Société ordinaire"),
            unit("100000003", "6317", name="Coopérative des Mauges"),
        ],
    )
    establishments = write(
        tmp_path / "StockEtablissement_utf8.csv",
        ESTABLISHMENT_HEADER,
        [
            establishment(
                "100000001", "00011", caractereEmployeurEtablissement="O", trancheEffectifsEtablissement="12"
            ),
            establishment("100000001", "00029", codeCommuneEtablissement="45234"),
            establishment("100000002", "00011", caractereEmployeurEtablissement="O"),
            establishment("100000003", "00011", caractereEmployeurEtablissement="O", codeCommuneEtablissement="49007"),
        ],
    )
    return units, establishments


def test_an_import_computes_every_territorys_figures_and_keeps_the_regions_establishments(files):
    units, establishments = files
    run = sirene_import(units=units, establishments=establishments, region="52")
    assert run.status == SireneImport.Status.COMPLETE and str(run.vintage) == "2026-10-02"
    assert SireneImport.objects.current() == run
    region = TerritoryFigures.objects.get(sirene_import=run, level="region", code="52")
    assert region.name == "Pays de la Loire"
    assert (region.figures["establishments"], region.figures["employer_establishments"]) == (2, 2)
    assert region.figures["employer_establishments_by_family"]["cooperative"] == 1
    assert TerritoryFigures.objects.get(sirene_import=run, level="france", code="FR").figures["establishments"] == 3
    assert set(Establishment.objects.values_list("siret", flat=True)) == {"10000000100011", "10000000300011"}
    assert run.rules["categories"]["9220"] == "association" and "94.91Z" in run.rules["excluded_activities"]


def test_a_new_import_replaces_the_previous_ones_establishments_and_keeps_its_figures(files):
    units, establishments = files
    first = sirene_import(units=units, establishments=establishments, region="52")
    second = sirene_import(units=units, establishments=establishments, region="52")
    assert SireneImport.objects.current() == second
    assert not Establishment.objects.filter(sirene_import=first).exists()
    assert TerritoryFigures.objects.filter(sirene_import=first).exists()


def test_a_broken_file_leaves_the_previous_import_in_place(files, tmp_path):
    units, establishments = files
    first = sirene_import(units=units, establishments=establishments, region="52")
    broken = tmp_path / "StockEtablissement_broken.csv"
    broken.write_text("siren,siret\n100000001,10000000100011\n", encoding="utf-8")
    with pytest.raises(ObservatoryRefused, match="« StockEtablissement_broken.csv » n'a pas les colonnes"):
        sirene_import(units=units, establishments=broken, region="52")
    failed = SireneImport.objects.get(status=SireneImport.Status.FAILED)
    assert "StockEtablissement_broken.csv" in failed.error
    assert SireneImport.objects.current() == first
    assert Establishment.objects.filter(sirene_import=first).count() == 2


def test_the_command_reports_in_french_and_fails_cleanly(files, capsys):
    units, establishments = files
    call_command(
        "import_sirene", "--unites-legales", str(units), "--etablissements", str(establishments), "--region", "52"
    )
    out = capsys.readouterr().out
    assert "Millésime 02/10/2026 : 3 établissements de l'ESS actifs, 2 employeurs" in out
    with pytest.raises(CommandError, match="La région « 99 » n'existe pas"):
        call_command(
            "import_sirene", "--unites-legales", str(units), "--etablissements", str(establishments), "--region", "99"
        )
    with pytest.raises(CommandError, match="n'existe pas"):
        call_command("import_sirene", "--unites-legales", "/nulle/part.csv", "--etablissements", str(establishments))


def test_the_strategy_can_follow_the_regions_figures_and_the_home_page_shows_them(files, client):
    from datetime import date

    from essaim.core.registries import platform_metrics

    units, establishments = files
    sirene_import(units=units, establishments=establishments, region="52")
    count = platform_metrics.get("observatoire.etablissements_employeurs").measure
    share = platform_metrics.get("observatoire.communes_couvertes").measure
    assert count("52", date(2026, 1, 1), date(2026, 12, 31)) == 2
    assert count("52", date(2025, 1, 1), date(2025, 12, 31)) == 0  # files processed after the period
    assert 0 < share("52", date(2026, 1, 1), date(2026, 12, 31)) <= 100
    assert "établissements employeurs de l&#x27;ESS" in client.get("/").content.decode()
