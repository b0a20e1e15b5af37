"""Benchmark: the observatory's SIRENE import at national scale, against a pandas baseline.

Usage (from the project root, after `make install-bench` for pandas):
    .venv/bin/python bench/observatory.py                        # 30 M legal units, 44 M establishments
    .venv/bin/python bench/observatory.py --scale 0.05           # a twentieth, to try it out

What it does, in one process:
1. Generates Parquet files in INSEE's format (column names of StockUniteLegale, StockEtablissement
   and the geolocation file, with extra columns as the real files have) with DuckDB, spread over
   all communes of France; they are kept in --dossier and reused when already there.
2. Runs the whole import (`services.sirene_import`: the perimeter, every territory's figures,
   the région's establishments stored, the figures written) into a temporary SQLite database
   holding all France's territories; prints wall time and the process's peak memory.
3. On a 2-million-row sample (CSV, read by both), times the indicators computed by DuckDB
   (`sirene_sql.extract`) and by a straightforward pandas implementation of the same rules, and
   gives the ratio per row.
4. Times the API answering a territory from the precomputed figures (p50, p95).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

import duckdb  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from essaim.observatory.loading import perimeter_load  # noqa: E402
from essaim.observatory.models import Perimeter  # noqa: E402
from essaim.observatory.sectors import ESS_SECTORS, SECTIONS  # noqa: E402
from essaim.observatory.services import geography, sirene_import  # noqa: E402
from essaim.observatory.sirene_sql import extract  # noqa: E402

UNITS, ESTABLISHMENTS, GEOLOCATED = 30_000_000, 44_000_000, 37_900_000
SAMPLE = 2_000_000
SMALL = 10_000
# The files read and every figure computed, in seconds, as `sirene_sql.extract` logs it.
TOTAL = re.compile(r"au total : ([0-9.]+) s")
# Legal categories by thousandth of units, roughly as in SIRENE (sole traders and companies first).
CATEGORIES = [("1000", 620), ("5710", 120), ("5499", 110), ("6540", 40), ("9220", 60), ("7210", 5), ("5458", 2),
              ("6317", 2), ("8210", 1), ("9300", 1), ("6596", 1), ("5720", 38)]  # fmt: skip
NAF = ["88.10A", "94.99Z", "93.12Z", "85.59A", "47.11B", "43.21A", "62.01Z", "56.10A", "86.21Z", "68.20A",
       "84.11Z", "94.91Z", "64.19Z", "01.11Z", "90.01Z", "96.02A"]  # fmt: skip
BANDS = ["NN", "NN", "NN", "", "00", "01", "01", "02", "03", "11", "12", "21", "99"]
SECTION_OF = {f"{n:02}": letter for letter, (_l, first, last) in SECTIONS.items() for n in range(first, last + 1)}
SECTOR_OF = {f"{n:02}": sector for sector, (_l, numbers) in ESS_SECTORS.items() for n in numbers}


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _weighted(expression: str, weighted: list[tuple[str, int]]) -> str:
    """A SQL CASE choosing a value with these weights from a hash of the row."""
    total, bound, parts = sum(weight for _value, weight in weighted), 0, []
    for value, weight in weighted:
        bound += weight
        parts.append(f"WHEN hash({expression}) % {total} < {bound} THEN '{value}'")
    return f"CASE {' '.join(parts)} END"


def generate(folder: Path, scale: float) -> tuple[Path, Path, Path]:
    """Parquet files in INSEE's format, reused when present."""
    folder.mkdir(parents=True, exist_ok=True)
    units_path, establishments_path, geo_path = (
        folder / "StockUniteLegale_utf8.parquet",
        folder / "StockEtablissement_utf8.parquet",
        folder / "GeolocalisationEtablissement_Sirene_pour_etudes_statistiques_utf8.parquet",
    )
    if units_path.exists() and establishments_path.exists() and geo_path.exists():
        return units_path, establishments_path, geo_path
    units, establishments = int(UNITS * scale), int(ESTABLISHMENTS * scale)
    connection = duckdb.connect()
    connection.execute("SET threads=2")
    connection.execute(f"SET temp_directory='{folder / 'tmp'}'")
    codes = [code for code, *_rest in geography().communes]
    connection.execute("CREATE TABLE communes (idx INTEGER, code VARCHAR)")
    connection.executemany("INSERT INTO communes VALUES (?, ?)", list(enumerate(codes)))
    started = time.perf_counter()
    connection.execute(
        f"""COPY (SELECT lpad(i::VARCHAR, 9, '0') AS siren, 'O' AS statutDiffusionUniteLegale,
                  '2001-01-01' AS dateCreationUniteLegale, 'A' AS etatAdministratifUniteLegale,
                  {_weighted("i", CATEGORIES)} AS categorieJuridiqueUniteLegale,
                  CASE WHEN hash(i * 7) % 100 < 3 THEN 'O' WHEN hash(i * 7) % 100 < 20 THEN 'N' ELSE '' END
                      AS economieSocialeSolidaireUniteLegale,
                  'UNITE ' || i AS denominationUniteLegale, 'NOM' || i AS nomUniteLegale, 'PRENOM' AS prenom1UniteLegale,
                  '00011' AS nicSiegeUniteLegale, '94.99Z' AS activitePrincipaleUniteLegale
              FROM range({units}) t(i)) TO '{units_path}' (FORMAT parquet)"""
    )
    naf = "[" + ", ".join(f"'{code}'" for code in NAF) + "]"
    bands = "[" + ", ".join(f"'{code}'" for code in BANDS) + "]"
    connection.execute(
        f"""COPY (SELECT lpad((i % {units})::VARCHAR, 9, '0') AS siren, lpad((i // {units} + 11)::VARCHAR, 5, '0') AS nic,
                  lpad((i % {units})::VARCHAR, 9, '0') || lpad((i // {units} + 11)::VARCHAR, 5, '0') AS siret,
                  CASE WHEN hash(i * 3) % 100 < 3 THEN 'P' ELSE 'O' END AS statutDiffusionEtablissement,
                  '2010-05-01' AS dateCreationEtablissement,
                  {bands}[(1 + hash(i * 5) % {len(BANDS)})::BIGINT] AS trancheEffectifsEtablissement,
                  '2023' AS anneeEffectifsEtablissement,
                  CASE WHEN i < {units} THEN 'true' ELSE 'false' END AS etablissementSiege,
                  CASE WHEN hash(i * 11) % 100 < 42 THEN 'A' ELSE 'F' END AS etatAdministratifEtablissement,
                  '3' AS numeroVoieEtablissement, 'RUE' AS typeVoieEtablissement, 'DE LA GARE' AS libelleVoieEtablissement,
                  '44000' AS codePostalEtablissement, 'COMMUNE' AS libelleCommuneEtablissement,
                  c.code AS codeCommuneEtablissement, '' AS codePaysEtrangerEtablissement,
                  {naf}[(1 + hash(i * 13) % {len(NAF)})::BIGINT] AS activitePrincipaleEtablissement, 'NAFRev2' AS nomenclatureActivitePrincipaleEtablissement,
                  CASE WHEN hash(i * 17) % 100 < 18 THEN 'O' ELSE 'N' END AS caractereEmployeurEtablissement,
                  '' AS enseigne1Etablissement, '' AS denominationUsuelleEtablissement,
                  '2026-10-01T03:00:00' AS dateDernierTraitementEtablissement
              FROM range({establishments}) t(i) JOIN communes c ON c.idx = (hash(i) % {len(codes)})::BIGINT)
          TO '{establishments_path}' (FORMAT parquet)"""
    )
    connection.execute(
        f"""COPY (SELECT siret, '0' AS x, '0' AS y, CASE WHEN hash(siret) % 100 < 17 THEN '33' ELSE '11' END AS qualite_xy,
                  '2154' AS epsg, '47.2' AS y_latitude, '-1.55' AS x_longitude
              FROM read_parquet('{establishments_path}') WHERE hash(siret) % 100 < 86)
          TO '{geo_path}' (FORMAT parquet)"""
    )
    print(
        f"Fichiers générés ({units:,} unités légales, {establishments:,} établissements) en {time.perf_counter() - started:.1f} s"
    )
    return units_path, establishments_path, geo_path


def pandas_indicators(units_csv: Path, establishments_csv: Path, rules, communes, aliases) -> int:  # type: ignore[no-untyped-def]
    """The same indicators, the straightforward pandas way (the baseline)."""
    import pandas as pd

    units = pd.read_csv(
        units_csv, dtype=str, keep_default_na=False,
        usecols=["siren", "categorieJuridiqueUniteLegale", "economieSocialeSolidaireUniteLegale"],
    )  # fmt: skip
    units["family"] = units["categorieJuridiqueUniteLegale"].map(rules.categories)
    flagged = units["economieSocialeSolidaireUniteLegale"].str.upper() == "O"
    units.loc[units["family"].isna() & flagged, "family"] = "societe_commerciale_ess"
    units = units.dropna(subset=["family"])
    establishments = pd.read_csv(
        establishments_csv, dtype=str, keep_default_na=False,
        usecols=["siren", "siret", "etatAdministratifEtablissement", "activitePrincipaleEtablissement",
                 "caractereEmployeurEtablissement", "trancheEffectifsEtablissement", "codeCommuneEtablissement"],
    )  # fmt: skip
    frame = establishments.merge(units[["siren", "family"]], on="siren")
    frame = frame[frame["etatAdministratifEtablissement"] == "A"]
    naf = frame["activitePrincipaleEtablissement"].str.upper()
    frame = frame[~naf.isin(rules.excluded_activities) & ~naf.str[:2].isin(rules.excluded_activities)]
    geo = pd.DataFrame(communes, columns=["commune", "epci", "departement", "region", "population"])
    code = frame["codeCommuneEtablissement"]
    frame = frame.assign(commune=code.where(code.isin(set(geo["commune"])), code.map(aliases)))
    frame = frame.assign(
        employer=(frame["caractereEmployeurEtablissement"] == "O")
        | frame["trancheEffectifsEtablissement"].isin(
            ["00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41", "42", "51", "52", "53"]
        )
    )
    division = frame["activitePrincipaleEtablissement"].str[:2]
    frame = frame.assign(
        section=division.map(SECTION_OF).fillna("inconnu"), sector=division.map(SECTOR_OF).fillna("autres")
    )
    placed = frame.merge(geo, on="commune")
    employers = placed[placed["employer"]]
    rows = 0
    for level in ("commune", "epci", "departement", "region"):
        grouped = placed.groupby(level).agg(establishments=("siret", "size"), employer=("employer", "sum"))
        for breakdown in ("family", "section", "sector", "trancheEffectifsEtablissement"):
            counts = employers.groupby([level, breakdown]).size().unstack(fill_value=0)
            grouped = grouped.join(counts.add_prefix(f"{breakdown}_"))
        grouped = grouped.join(employers.groupby(level)["commune"].nunique().rename("covered"))
        rows += len(grouped)
    return rows


def _first_rows(units: Path, establishments: Path, rows: int, units_out: Path, establishments_out: Path) -> None:
    """The first `rows` establishments and their legal units, as Parquet files."""
    connection = duckdb.connect()
    connection.execute(
        f"COPY (SELECT * FROM read_parquet('{establishments}') LIMIT {rows}) TO '{establishments_out}' (FORMAT parquet)"
    )
    connection.execute(
        f"""COPY (SELECT * FROM read_parquet('{units}') WHERE siren IN
              (SELECT DISTINCT siren FROM read_parquet('{establishments_out}'))) TO '{units_out}' (FORMAT parquet)"""
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="part of the national size (1 = 30 M + 44 M rows)")
    parser.add_argument("--dossier", type=Path, default=Path(tempfile.gettempdir()) / "essaim-bench-sirene")
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_territories", verbosity=0)
    perimeter_load()
    print(f"Territoires de France chargés en {time.perf_counter() - started:.1f} s")
    folder = options.dossier / f"echelle-{options.scale:g}"
    units, establishments, geo = generate(folder, options.scale)

    memory_before = peak_memory_mb()
    steps: list[str] = []
    started = time.perf_counter()
    run = sirene_import(units=units, establishments=establishments, geolocation=geo, region="52", log=steps.append)
    whole = time.perf_counter() - started
    extract_seconds = next(float(found.group(1)) for line in steps if (found := TOTAL.search(line)))
    print("\n".join(line for line in steps if "enregistrés" not in line))
    print(
        f"Import complet : {whole:.1f} s (DuckDB : {extract_seconds:.1f} s), mémoire de pointe du processus "
        f"{peak_memory_mb():.0f} Mo (avant l'import : {memory_before:.0f} Mo) ; "
        f"{run.quality['establishments']:,} établissements de l'ESS, {run.figures.count():,} territoires"
    )

    # The 2-million-row sample: CSV for both engines, and Parquet (DuckDB's usual input).
    sample = folder / "echantillon"
    sample.mkdir(exist_ok=True)
    units_csv, establishments_csv = sample / "unites.csv", sample / "etablissements.csv"
    units_parquet, establishments_parquet = sample / "unites.parquet", sample / "etablissements.parquet"
    if not establishments_parquet.exists():
        _first_rows(units, establishments, SAMPLE, units_parquet, establishments_parquet)
        connection = duckdb.connect()
        connection.execute(
            f"COPY (SELECT * FROM read_parquet('{establishments_parquet}')) TO '{establishments_csv}' (HEADER)"
        )
        connection.execute(f"COPY (SELECT * FROM read_parquet('{units_parquet}')) TO '{units_csv}' (HEADER)")
    # A small sample: what the import costs whatever the number of rows (every territory's figures).
    small_units, small_establishments = sample / "petit-unites.parquet", sample / "petit-etablissements.parquet"
    if not small_establishments.exists():
        _first_rows(units_parquet, establishments_parquet, SMALL, small_units, small_establishments)
    rules = Perimeter.objects.get(is_current=True).rules()
    rows = min(SAMPLE, int(ESTABLISHMENTS * options.scale))  # fewer when the files are smaller
    world = geography()

    def duck(units_file: Path, establishments_file: Path) -> float:
        begun = time.perf_counter()
        with tempfile.TemporaryDirectory() as workdir:
            extract(
                units=units_file, establishments=establishments_file, geolocation=None, rules=rules,
                geography=world, region="52", workdir=Path(workdir),
            )  # fmt: skip
        return time.perf_counter() - begun

    duck_csv, duck_parquet = duck(units_csv, establishments_csv), duck(units_parquet, establishments_parquet)
    duck_small = duck(small_units, small_establishments)
    started = time.perf_counter()
    pandas_indicators(units_csv, establishments_csv, rules, world.communes, world.aliases)
    panda = time.perf_counter() - started
    print(f"Échantillon de {rows:,} établissements, mêmes indicateurs pour les 36 248 territoires :")
    print(f"  pandas (CSV)     {panda:6.2f} s  {rows / panda:>12,.0f} lignes/s  (référence)")
    print(
        f"  DuckDB (CSV)     {duck_csv:6.2f} s  {rows / duck_csv:>12,.0f} lignes/s  {panda / duck_csv:5.1f} fois plus rapide"
    )
    print(
        f"  DuckDB (Parquet) {duck_parquet:6.2f} s  {rows / duck_parquet:>12,.0f} lignes/s  {panda / duck_parquet:5.1f} fois plus rapide"
    )
    marginal = (rows - SMALL) / (duck_parquet - duck_small)
    print(
        f"  dont coût fixe (DuckDB, {SMALL:,} lignes) {duck_small:.2f} s ; au-delà, {marginal:,.0f} lignes/s, "
        f"{marginal / (rows / panda):.1f} fois le débit de pandas"
    )
    national = ESTABLISHMENTS * options.scale / extract_seconds
    print(
        f"  DuckDB, fichiers entiers (Parquet) : {national:,.0f} lignes/s, "
        f"{national / (rows / panda):.1f} fois le débit de pandas sur l'échantillon"
    )

    client = Client(HTTP_HOST="127.0.0.1")
    codes = list(run.figures.filter(level="commune").values_list("code", flat=True))
    random.seed(7)
    timings = []
    for code in random.sample(codes, 300):
        begun = time.perf_counter()
        response = client.get(f"/api/v1/observatory/commune/{code}")
        timings.append((time.perf_counter() - begun) * 1000)
        assert response.status_code == 200
    timings.sort()
    print(f"API, un territoire (300 communes) : p50 {statistics.median(timings):.1f} ms, p95 {timings[284]:.1f} ms")


if __name__ == "__main__":
    main()
