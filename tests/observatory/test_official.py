"""Official figures (the CRESS's order to INSEE, URSSAF tables): every row checked, written all or
nothing, replaced when imported again from the same source; shown with their source and year,
apart from the figures computed from Sirene."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from essaim.core.imports import read_csv
from essaim.observatory.models import OfficialFigure
from essaim.observatory.official import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, official_figures_import
from tests.territories.factories import small_region

pytestmark = pytest.mark.django_db

HEADER = "annee,niveau_geo,code_geo,famille,secteur,nb_etab_employeurs,postes_31_12,eqtp,masse_salariale\n"
SOURCE = "INSEE, Flores 2022, commande de la CRESS"


def rows(text: str):  # type: ignore[no-untyped-def]
    return read_csv(text.encode(), required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)


def test_a_table_is_imported_and_imported_again_replaces_it():
    small_region()
    text = HEADER + '2022,region,52,,,14500,,"153 100,5",\n2022,departement,44,association,,5200,61000,,1 200 000 000\n'
    report = official_figures_import(rows=rows(text), source=SOURCE)
    assert report.ok and report.created == 2
    region = OfficialFigure.objects.get(level="region")
    assert (region.employer_establishments, region.jobs, str(region.full_time_equivalents)) == (14500, None, "153100.5")
    again = official_figures_import(rows=rows(text.replace("14500", "14600")), source=SOURCE)
    assert again.updated == 2 and OfficialFigure.objects.get(level="region").employer_establishments == 14600


def test_every_bad_row_is_named_and_nothing_is_written():
    small_region()
    text = (
        HEADER
        + "22,region,52,,,1,,,\n"
        + "2022,pays,FR,,,1,,,\n"
        + "2022,commune,99999,,,1,,,\n"
        + "2022,region,52,,,douze,,,\n"
        + "2022,region,52,,,-3,,,\n"
        + "2022,region,24,,,1,,,\n"
        + "2022,region,24,,,2,,,\n"
    )
    report = official_figures_import(rows=rows(text), source=SOURCE)
    messages = [str(error) for error in report.errors]
    assert any(m.startswith("ligne 2 : annee") for m in messages)
    assert any(m.startswith("ligne 3 : niveau_geo") for m in messages)
    assert any(m.startswith("ligne 4 : code_geo : aucun territoire de niveau commune") for m in messages)
    assert any(m.startswith("ligne 5 : nb_etab_employeurs") and "n'est pas un nombre" in m for m in messages)
    assert any(m.startswith("ligne 6 : nb_etab_employeurs : un nombre positif") for m in messages)
    assert any(m.startswith("ligne 8 : ces chiffres figurent déjà à la ligne 7") for m in messages)
    assert not OfficialFigure.objects.exists()


def test_the_command_imports_a_file_with_its_source(tmp_path, capsys):
    small_region()
    path = tmp_path / "officiels.csv"
    path.write_text(HEADER + "2022,region,52,,,14500,,153100,\n", encoding="utf-8")
    call_command("import_official_figures", str(path), "--source", SOURCE)
    assert "1 chiffre officiel a été créé" in capsys.readouterr().out
    assert OfficialFigure.objects.get().source == SOURCE
