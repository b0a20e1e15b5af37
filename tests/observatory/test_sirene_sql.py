"""The perimeter applied by DuckDB to files in the official format: the same answer as the pure
rules row by row, every territory's figures, a data-quality report that drops nothing, and a
French message naming the file for anything unreadable. No database needed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import duckdb
import pytest

from essaim.observatory.perimeter import establishment_in_perimeter
from essaim.observatory.sirene_sql import STORED_COLUMNS, Geography, SireneFileError, extract
from tests.observatory.rows import ESTABLISHMENT_HEADER, GEO_HEADER, RULES, UNIT_HEADER, establishment, unit, write

GEOGRAPHY = Geography(
    communes=[
        ("44109", "244400404", "44", "52", 320000),
        ("49007", "244900015", "49", "52", 155000),
        ("49050", "244900015", "49", "52", 7000),
        ("85191", "200071165", "85", "52", 55000),
        ("45234", "", "45", "24", 115000),
    ],
    aliases={"49001": "49050"},
)
UNITS = [
    unit("100000001", "9220", name="Recyclerie du Port"),
    unit("100000002", "9300", name="Fondation des Rives"),
    unit("100000003", "5710", flag="O", name="Coop'Commerce SAS"),
    unit("100000004", "5710", flag="N", name="Société ordinaire"),
    unit("100000005", "1000", person="Dupont"),
    unit("100000006", "9220", name="Paroisse Saint-Pierre"),
    unit("100000007", "5458", name="SCOP Charpente"),
    unit("100000008", "1000", flag="O", person="Martin"),
]
ESTABLISHMENTS = [
    establishment("100000001", "00011", caractereEmployeurEtablissement="O", trancheEffectifsEtablissement="11"),
    establishment("100000001", "00029", trancheEffectifsEtablissement="01", enseigne1Etablissement="Boutique du port"),
    establishment("100000001", "00037", etatAdministratifEtablissement="F", caractereEmployeurEtablissement="O"),
    establishment(
        "100000001",
        "00045",
        caractereEmployeurEtablissement="O",
        trancheEffectifsEtablissement="NN",
        statutDiffusionEtablissement="P",
        codeCommuneEtablissement="49007",
        libelleVoieEtablissement="[ND]",
        enseigne1Etablissement="[ND]",
    ),
    establishment("100000002", "00011", codeCommuneEtablissement="49001"),
    establishment(
        "100000003",
        "00011",
        caractereEmployeurEtablissement="O",
        trancheEffectifsEtablissement="99",
        codeCommuneEtablissement="85191",
    ),
    establishment("100000004", "00011", caractereEmployeurEtablissement="O"),
    establishment("100000005", "00011", caractereEmployeurEtablissement="O"),
    establishment("100000006", "00011", activitePrincipaleEtablissement="94.91Z", caractereEmployeurEtablissement="O"),
    establishment("100000007", "00011", activitePrincipaleEtablissement="84.11Z"),
    establishment("100000007", "00029", codeCommuneEtablissement="", codePaysEtrangerEtablissement="99131"),
    establishment("100000007", "00037", codeCommuneEtablissement="99999", caractereEmployeurEtablissement="O"),
    establishment("100000008", "00011", activitePrincipaleEtablissement="47.11B"),
]
POINTS = [
    {"siret": "10000000100011", "qualite_xy": "11", "y_latitude": "47.2", "x_longitude": "-1.55"},
    {"siret": "10000000100045", "qualite_xy": "11", "y_latitude": "47.47", "x_longitude": "-0.55"},
    {"siret": "10000000100029", "qualite_xy": "33", "y_latitude": "47.21", "x_longitude": "-1.56"},
]


def run(tmp_path: Path, *, units: Path | None = None, establishments: Path | None = None, region: str | None = None):  # type: ignore[no-untyped-def]
    return extract(
        units=units or write(tmp_path / "StockUniteLegale_utf8.csv", UNIT_HEADER, UNITS),
        establishments=establishments
        or write(tmp_path / "StockEtablissement_utf8.csv", ESTABLISHMENT_HEADER, ESTABLISHMENTS),
        geolocation=write(tmp_path / "Geolocalisation_utf8.csv", GEO_HEADER, POINTS),
        rules=RULES,
        geography=GEOGRAPHY,
        region=region,
        workdir=tmp_path,
    )


def stored(result) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    return {row[0]: dict(zip(STORED_COLUMNS, row, strict=True)) for row in result.establishments()}


def test_the_sql_keeps_exactly_what_the_pure_rules_keep(tmp_path):
    kept = stored(run(tmp_path))
    units = {row["siren"]: row for row in UNITS}
    expected = {}
    for row in ESTABLISHMENTS:
        found = establishment_in_perimeter(
            RULES,
            unit=units[row["siren"]],
            establishment=row,
            aliases=GEOGRAPHY.aliases,
            communes=frozenset(code for code, *_rest in GEOGRAPHY.communes),
        )
        if found is not None:
            expected[found.siret] = (found.family, found.employer, found.commune, found.diffusible)
    assert {
        siret: (row["family"], row["employer"], row["commune"], row["diffusible"]) for siret, row in kept.items()
    } == expected
    assert len(expected) == 8


def test_names_addresses_and_points_only_where_insee_diffuses_them(tmp_path):
    kept = stored(run(tmp_path))
    assert kept["10000000100011"]["name"] == "Recyclerie du Port"
    assert kept["10000000100029"]["name"] == "Boutique du port"
    assert kept["10000000100011"]["address"] == "3 RUE DU PORT 44000 NANTES"
    assert (kept["10000000100011"]["latitude"], kept["10000000100011"]["longitude"]) == (47.2, -1.55)
    hidden = kept["10000000100045"]
    assert (hidden["name"], hidden["address"], hidden["latitude"]) == ("", "", None)
    assert kept["10000000100029"]["latitude"] is None  # placed at random within its commune
    assert kept["10000000800011"]["name"] == ""  # a sole trader's name is never read
    assert kept["10000000800011"]["family"] == "societe_commerciale_ess"


def test_a_region_keeps_only_its_establishments_but_every_territory_has_figures(tmp_path):
    result = run(tmp_path, region="24")
    assert stored(result) == {}
    levels = {(level, code) for level, code, _figures in result.figures}
    assert {
        ("region", "52"),
        ("region", "24"),
        ("departement", "49"),
        ("epci", "244900015"),
        ("commune", "45234"),
        ("france", "FR"),
    } <= levels
    # Each once; a commune outside any EPCI makes no EPCI without a code.
    assert len(levels) == len(result.figures) and all(code for _level, code in levels)


def test_figures_of_a_region(tmp_path):
    figures = {(level, code): values for level, code, values in run(tmp_path).figures}
    region = figures[("region", "52")]
    assert region["establishments"] == 6 and region["employer_establishments"] == 4
    assert region["employer_establishments_by_family"] == {
        "association": 3,
        "cooperative": 0,
        "mutuelle": 0,
        "fondation": 0,
        "societe_commerciale_ess": 1,
    }
    assert (region["communes"], region["communes_with_employer"], region["population"]) == (4, 3, 537000)
    assert region["employer_establishments_by_band"] == {"01": 1, "11": 1, "NN": 1, "99": 1}
    assert region["employer_establishments_by_section"] == {"Q": 4}
    assert figures[("commune", "49050")]["establishments"] == 1  # reached through its former code
    assert figures[("region", "24")]["establishments"] == 0 and figures[("region", "24")]["communes"] == 1
    assert figures[("france", "FR")]["establishments"] == 6  # what could not be placed is in the report


def test_the_quality_report_counts_what_could_not_be_placed_or_read(tmp_path):
    result = run(tmp_path)
    quality = result.quality
    assert quality["establishments"] == 8 and quality["excluded_by_activity"] == 2
    assert (quality["employer_by_flag_only"], quality["employer_by_band_only"], quality["employer_by_both"]) == (
        3,
        1,
        1,
    )
    assert quality["partial_diffusion"] == 1 and quality["abroad"] == 1
    assert quality["unknown_commune_codes"] == [["99999", 1]] and quality["former_commune_code"] == 1
    assert quality["unknown_bands"] == [["99", 1]]
    assert str(result.vintage) == "2026-10-02"


def test_zipped_csv_and_parquet_read_the_same(tmp_path):
    source = write(tmp_path / "StockEtablissement_utf8.csv", ESTABLISHMENT_HEADER, ESTABLISHMENTS)
    with zipfile.ZipFile(tmp_path / "StockEtablissement_utf8.zip", "w") as archive:
        archive.write(source, "StockEtablissement_utf8.csv")
    parquet = tmp_path / "StockEtablissement_utf8.parquet"
    duckdb.execute(f"COPY (SELECT * FROM read_csv('{source}', all_varchar=true)) TO '{parquet}' (FORMAT parquet)")
    expected = stored(run(tmp_path))
    assert stored(run(tmp_path, establishments=tmp_path / "StockEtablissement_utf8.zip")) == expected
    assert stored(run(tmp_path, establishments=parquet)) == expected


def test_a_missing_column_names_the_file_and_the_column(tmp_path):
    header = [name for name in ESTABLISHMENT_HEADER if name != "trancheEffectifsEtablissement"]
    rows = [{key: value for key, value in row.items() if key in header} for row in ESTABLISHMENTS]
    broken = write(tmp_path / "etablissements.csv", header, rows)
    with pytest.raises(
        SireneFileError, match="« etablissements.csv » n'a pas la colonne trancheEffectifsEtablissement"
    ):
        run(tmp_path, establishments=broken)


def test_another_encoding_or_a_truncated_parquet_is_refused_in_french(tmp_path):
    latin = tmp_path / "unites.csv"
    latin.write_bytes(",".join(UNIT_HEADER).encode() + b"\n100000001,O,9220,,Soci\xe9t\xe9 \xe0 but non lucratif,,\n")
    with pytest.raises(SireneFileError, match="« unites.csv » n'est pas encodé en UTF-8"):
        run(tmp_path, units=latin)
    source = write(tmp_path / "u.csv", UNIT_HEADER, UNITS)
    parquet = tmp_path / "unites.parquet"
    duckdb.execute(f"COPY (SELECT * FROM read_csv('{source}', all_varchar=true)) TO '{parquet}' (FORMAT parquet)")
    parquet.write_bytes(parquet.read_bytes()[:-40])
    with pytest.raises(SireneFileError, match="« unites.parquet » n'est pas un fichier Parquet complet"):
        run(tmp_path, units=parquet)
    with pytest.raises(SireneFileError, match="n'existe pas"):
        run(tmp_path, units=tmp_path / "absent.csv")
