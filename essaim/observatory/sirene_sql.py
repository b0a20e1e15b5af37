"""The SIRENE stock files through DuckDB: the perimeter's rules (`perimeter.py`) applied in SQL to
whole files, streaming (DuckDB reads only the columns it needs and spills to disk past its memory
limit), then every territory's figures. No Django import: the caller hands in the rules and the
geography, and stores what comes out.

Columns are chosen by name (INSEE adds columns without notice); the person-name columns of sole
traders are never read. A file that cannot be read stops the run with a French message naming it.
"""

from __future__ import annotations

import csv
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from essaim.observatory.perimeter import BANDS, Rules
from essaim.observatory.sectors import ESS_SECTORS, SECTIONS
from essaim.observatory.sirene_figures import quality_report, territory_figures

UNIT_COLUMNS = [
    "siren",
    "categorieJuridiqueUniteLegale",
    "economieSocialeSolidaireUniteLegale",
    "denominationUniteLegale",
]
ESTABLISHMENT_COLUMNS = [
    "siren",
    "siret",
    "etatAdministratifEtablissement",
    "statutDiffusionEtablissement",
    "activitePrincipaleEtablissement",
    "caractereEmployeurEtablissement",
    "trancheEffectifsEtablissement",
    "codeCommuneEtablissement",
    "etablissementSiege",
    "dateDernierTraitementEtablissement",
    "enseigne1Etablissement",
    "denominationUsuelleEtablissement",
    "numeroVoieEtablissement",
    "typeVoieEtablissement",
    "libelleVoieEtablissement",
    "codePostalEtablissement",
    "libelleCommuneEtablissement",
    "codePaysEtrangerEtablissement",
]
GEOLOCATION_COLUMNS = ["siret", "y_latitude", "x_longitude", "qualite_xy"]
# A point placed at random within its commune is not placed at all.
RANDOM_PLACEMENT = "33"


class SireneFileError(Exception):
    """A file that cannot be read as expected; the message (French) names it."""


@dataclass(frozen=True)
class Geography:
    """Every commune with the territories it belongs to, and the former codes leading to one."""

    communes: Sequence[tuple[str, str, str, str, int]]  # (code, epci or "", département, région, population)
    aliases: Mapping[str, str]  # former code -> commune code


@dataclass
class Extract:
    vintage: date | None
    quality: dict[str, Any]
    figures: list[tuple[str, str, dict[str, Any]]]  # (level, code, figures)
    establishments: Callable[[], Iterator[tuple[Any, ...]]]  # the rows to keep, in batches
    timings: dict[str, float] = field(default_factory=dict)


STORED_COLUMNS = [
    "siret",
    "family",
    "naf",
    "commune",
    "employer",
    "band",
    "diffusible",
    "head_office",
    "name",
    "address",
    "latitude",
    "longitude",
]


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _unzipped(path: Path, workdir: Path) -> Path:
    """The CSV inside a zip (INSEE's distribution), copied out in chunks."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [name for name in archive.namelist() if name.lower().endswith(".csv")]
            if not members:
                raise SireneFileError(f"L'archive « {path.name} » ne contient aucun fichier CSV.")
            target = workdir / Path(members[0]).name
            with archive.open(members[0]) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, length=16 * 1024 * 1024)
            return target
    except (zipfile.BadZipFile, OSError) as broken:
        raise SireneFileError(f"L'archive « {path.name} » est illisible ou incomplète.") from broken


def _source(
    connection: duckdb.DuckDBPyConnection, path: Path, columns: list[str], workdir: Path, *, required: list[str]
) -> str:
    """A SQL table expression reading `columns` of the file (those present; `required` must be)."""
    if not path.exists():
        raise SireneFileError(f"Le fichier « {path} » n'existe pas.")
    readable = _unzipped(path, workdir) if path.suffix.lower() == ".zip" else path
    if readable.suffix.lower() == ".parquet":
        reader = f"read_parquet({_quote(readable)})"
    else:
        # The separator is sniffed: INSEE's stock files use commas, its geolocation file semicolons.
        reader = f"read_csv({_quote(readable)}, header=true, all_varchar=true)"
    try:
        present = {row[0] for row in connection.execute(f"DESCRIBE SELECT * FROM {reader}").fetchall()}
    except duckdb.Error as broken:
        raise SireneFileError(_unreadable(path, broken)) from broken
    missing = [name for name in required if name not in present]
    if missing:
        what = "les colonnes " if len(missing) > 1 else "la colonne "
        raise SireneFileError(
            f"Le fichier « {path.name} » n'a pas {what}"
            + ", ".join(missing)
            + " : est-ce bien le fichier attendu de l'INSEE ?"
        )
    chosen = ", ".join(
        f'CAST("{name}" AS VARCHAR) AS "{name}"' if name in present else f"'' AS \"{name}\"" for name in columns
    )
    return f"(SELECT {chosen} FROM {reader})"


def _unreadable(path: Path, error: Exception) -> str:
    text = str(error)
    if "unicode" in text.lower() or "utf-8" in text.lower() or "utf8" in text.lower():
        return f"Le fichier « {path.name} » n'est pas encodé en UTF-8, comme le sont les fichiers de l'INSEE."
    if path.suffix.lower() == ".parquet" or "parquet" in text.lower():
        return f"Le fichier « {path.name} » n'est pas un fichier Parquet complet (tronqué ou endommagé)."
    return f"Le fichier « {path.name} » est illisible : vérifiez qu'il s'agit d'un fichier CSV ou Parquet de l'INSEE."


def _write_csv(path: Path, header: list[str], rows: Any) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _load_tables(connection: duckdb.DuckDBPyConnection, rules: Rules, geography: Geography, workdir: Path) -> None:
    """The rules and the geography as small tables, through CSV files DuckDB reads at once."""
    tables: dict[str, tuple[list[str], Any]] = {
        "categories": (["cj", "family"], sorted(rules.categories.items())),
        "exclusions": (["naf"], [(code,) for code in sorted(rules.excluded_activities)]),
        "geo": (["commune", "epci", "departement", "region", "population"], geography.communes),
        "aliases": (["code", "commune"], sorted(geography.aliases.items())),
        "bands": (["band", "low", "high"], [(code, low, high) for code, (low, high) in BANDS.items()]),
        "sections": (
            ["division", "section"],
            [
                (f"{number:02}", letter)
                for letter, (_l, first, last) in SECTIONS.items()
                for number in range(first, last + 1)
            ],
        ),
        "sectors": (
            ["division", "sector"],
            [(f"{number:02}", sector) for sector, (_l, numbers) in ESS_SECTORS.items() for number in numbers],
        ),
    }
    numbers = {"geo": ["population"], "bands": ["low", "high"]}
    for name, (header, rows) in tables.items():
        path = workdir / f"{name}.csv"
        _write_csv(path, header, rows)
        # Codes stay text ("01001" is not a number); the few numbers are cast explicitly.
        replace = ", ".join(f"TRY_CAST({column} AS BIGINT) AS {column}" for column in numbers.get(name, []))
        columns = f"* REPLACE ({replace})" if replace else "*"
        connection.execute(
            f"CREATE TEMP TABLE {name} AS SELECT {columns} FROM read_csv({_quote(path)}, header=true, all_varchar=true)"
        )


def extract(
    *,
    units: Path,
    establishments: Path,
    geolocation: Path | None,
    rules: Rules,
    geography: Geography,
    region: str | None,
    workdir: Path,
    log: Callable[[str], None] = lambda message: None,
    memory_limit: str = "3GB",
    threads: int = 2,
) -> Extract:
    """Apply the perimeter to the files and compute every territory's figures."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    connection = duckdb.connect()
    connection.execute(f"SET threads={int(threads)}")
    connection.execute(f"SET memory_limit='{memory_limit}'")
    connection.execute(f"SET temp_directory={_quote(workdir / 'duckdb.tmp')}")
    connection.execute("SET preserve_insertion_order=false")
    _load_tables(connection, rules, geography, workdir)

    unit_source = _source(connection, units, UNIT_COLUMNS, workdir, required=UNIT_COLUMNS[:3])
    establishment_source = _source(
        connection, establishments, ESTABLISHMENT_COLUMNS, workdir, required=ESTABLISHMENT_COLUMNS[:9]
    )
    geolocation_source = (
        _source(connection, geolocation, GEOLOCATION_COLUMNS, workdir, required=GEOLOCATION_COLUMNS)
        if geolocation is not None
        else None
    )

    def step(name: str, sql: str, stage: str) -> None:
        begun = time.perf_counter()
        try:
            connection.execute(sql)
        except duckdb.Error as broken:
            raise SireneFileError(_unreadable(stage_files[stage], broken)) from broken
        timings[name] = round(time.perf_counter() - begun, 2)
        log(f"{name} : {timings[name]} s")

    stage_files = {"units": units, "establishments": establishments, "geolocation": geolocation or establishments}
    step(
        "Unités légales de l'ESS",
        f"""CREATE TEMP TABLE ul AS
        SELECT u.siren AS siren,
               COALESCE(c.family, 'societe_commerciale_ess') AS family,
               CASE WHEN trim(u.categorieJuridiqueUniteLegale) = '1000' THEN '' ELSE COALESCE(u.denominationUniteLegale, '') END AS unit_name
        FROM {unit_source} u LEFT JOIN categories c ON c.cj = trim(u.categorieJuridiqueUniteLegale)
        WHERE c.family IS NOT NULL OR upper(trim(COALESCE(u.economieSocialeSolidaireUniteLegale, ''))) = 'O'""",
        "units",
    )
    step(
        "Établissements lus",
        f"""CREATE TEMP VIEW raw AS
        SELECT e.*, ul.family, ul.unit_name, upper(trim(COALESCE(e.activitePrincipaleEtablissement, ''))) AS naf_code,
               trim(COALESCE(e.codeCommuneEtablissement, '')) AS commune_code,
               trim(COALESCE(e.trancheEffectifsEtablissement, '')) AS band_code
        FROM {establishment_source} e JOIN ul ON ul.siren = e.siren""",
        "establishments",
    )
    step(
        "Établissements de l'ESS",
        """CREATE TEMP TABLE est AS
        SELECT r.siret, r.family, r.naf_code AS naf,
               COALESCE(g.commune, a.commune) AS commune,
               a.commune IS NOT NULL AND g.commune IS NULL AS former_code,
               r.commune_code, trim(COALESCE(r.codePaysEtrangerEtablissement, '')) <> '' AS abroad,
               upper(trim(COALESCE(r.caractereEmployeurEtablissement, ''))) = 'O' AS employer_flag,
               b.band IS NOT NULL AS employer_band,
               r.band_code AS band,
               trim(COALESCE(r.statutDiffusionEtablissement, '')) <> 'P' AS diffusible,
               lower(trim(COALESCE(r.etablissementSiege, ''))) = 'true' AS head_office,
               COALESCE(NULLIF(trim(r.enseigne1Etablissement), ''), NULLIF(trim(r.denominationUsuelleEtablissement), ''), r.unit_name, '') AS name,
               trim(concat_ws(' ', NULLIF(trim(r.numeroVoieEtablissement), ''), NULLIF(trim(r.typeVoieEtablissement), ''),
                    NULLIF(trim(r.libelleVoieEtablissement), ''), NULLIF(trim(r.codePostalEtablissement), ''),
                    NULLIF(trim(r.libelleCommuneEtablissement), ''))) AS address,
               COALESCE(s.section, 'inconnu') AS section, COALESCE(t.sector, 'autres') AS sector,
               TRY_CAST(substr(r.dateDernierTraitementEtablissement, 1, 10) AS DATE) AS processed
        FROM raw r
        LEFT JOIN exclusions x1 ON x1.naf = r.naf_code
        LEFT JOIN exclusions x2 ON x2.naf = substr(r.naf_code, 1, 2)
        LEFT JOIN geo g ON g.commune = r.commune_code
        LEFT JOIN aliases a ON a.code = r.commune_code
        LEFT JOIN bands b ON b.band = r.band_code
        LEFT JOIN sections s ON s.division = substr(r.naf_code, 1, 2)
        LEFT JOIN sectors t ON t.division = substr(r.naf_code, 1, 2)
        WHERE trim(COALESCE(r.etatAdministratifEtablissement, '')) = 'A' AND x1.naf IS NULL AND x2.naf IS NULL""",
        "establishments",
    )
    connection.execute("ALTER TABLE est ADD COLUMN employer BOOLEAN")
    connection.execute("UPDATE est SET employer = employer_flag OR employer_band")
    if geolocation_source is not None:
        step(
            "Géolocalisation",
            f"""CREATE TEMP TABLE points AS
            SELECT g.siret, TRY_CAST(g.y_latitude AS DOUBLE) AS latitude, TRY_CAST(g.x_longitude AS DOUBLE) AS longitude
            FROM {geolocation_source} g SEMI JOIN est ON est.siret = g.siret
            WHERE trim(COALESCE(g.qualite_xy, '')) <> '{RANDOM_PLACEMENT}'""",
            "geolocation",
        )
    else:
        connection.execute("CREATE TEMP TABLE points (siret VARCHAR, latitude DOUBLE, longitude DOUBLE)")

    quality = quality_report(connection)
    vintage = connection.execute("SELECT max(processed) FROM est").fetchone()[0]  # type: ignore[index]
    begun = time.perf_counter()
    figures = territory_figures(connection)
    timings["Chiffres des territoires"] = round(time.perf_counter() - begun, 2)
    log(f"Chiffres des territoires : {timings['Chiffres des territoires']} s ({len(figures)} territoires)")
    timings["total"] = round(time.perf_counter() - started, 2)
    log(f"Lecture des fichiers et calcul, au total : {timings['total']} s")

    def kept() -> Iterator[tuple[Any, ...]]:
        where = "WHERE g.region = ?" if region else ""
        cursor = connection.execute(
            f"""SELECT e.siret, e.family, e.naf, e.commune, e.employer, e.band, e.diffusible, e.head_office,
                   CASE WHEN e.diffusible THEN e.name ELSE '' END,
                   CASE WHEN e.diffusible THEN e.address ELSE '' END,
                   CASE WHEN e.diffusible THEN p.latitude END, CASE WHEN e.diffusible THEN p.longitude END
            FROM est e LEFT JOIN geo g ON g.commune = e.commune LEFT JOIN points p ON p.siret = e.siret {where}
            ORDER BY e.siret""",
            [region] if region else [],
        )
        while batch := cursor.fetchmany(5000):
            yield from batch

    return Extract(vintage=vintage, quality=quality, figures=figures, establishments=kept, timings=timings)
