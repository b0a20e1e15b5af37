"""What the SIRENE import computes once the perimeter is applied (`sirene_sql.extract` leaves the
establishments in DuckDB's table `est`, beside `geo` and `bands`): every territory's figures, and
the data-quality report. No Django import."""

from __future__ import annotations

from typing import Any

import duckdb

from essaim.observatory.perimeter import BANDS, FAMILIES
from essaim.observatory.sectors import ESS_SECTORS, OTHER_SECTOR, SECTIONS, UNKNOWN

LEVELS = ["region", "departement", "epci", "commune"]
FRANCE = "france"
# An establishment whose head-count band INSEE left empty.
NOT_GIVEN = "non_renseignee"


def quality_report(connection: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the figures rest on, and what could not be placed or read, counted (never dropped)."""
    row = (
        connection.execute(
            """SELECT count(*), count(*) FILTER (employer),
                  count(*) FILTER (employer_flag AND NOT employer_band), count(*) FILTER (employer_band AND NOT employer_flag),
                  count(*) FILTER (employer_flag AND employer_band), count(*) FILTER (NOT diffusible),
                  count(*) FILTER (commune IS NULL AND abroad), count(*) FILTER (commune IS NULL AND NOT abroad AND commune_code = ''),
                  count(*) FILTER (commune IS NULL AND commune_code <> '' AND NOT abroad), count(*) FILTER (former_code),
                  count(*) FILTER (band NOT IN ('', 'NN') AND band NOT IN (SELECT band FROM bands))
           FROM est"""
        ).fetchone()
        or (0,) * 11
    )
    unknown_codes = connection.execute(
        """SELECT commune_code, count(*) FROM est WHERE commune IS NULL AND commune_code <> '' AND NOT abroad
           GROUP BY commune_code ORDER BY count(*) DESC, commune_code LIMIT 20"""
    ).fetchall()
    unknown_bands = connection.execute(
        """SELECT band, count(*) FROM est WHERE band NOT IN ('', 'NN') AND band NOT IN (SELECT band FROM bands)
           GROUP BY band ORDER BY count(*) DESC, band LIMIT 20"""
    ).fetchall()
    units = connection.execute("SELECT count(*) FROM ul").fetchone() or (0,)
    read = connection.execute(
        "SELECT count(*), count(*) FILTER (trim(COALESCE(etatAdministratifEtablissement, '')) = 'A') FROM raw"
    ).fetchone() or (0, 0)
    return {
        "units_in_perimeter": units[0],
        "establishments_of_those_units": read[0],
        "active_establishments_of_those_units": read[1],
        "excluded_by_activity": read[1] - row[0],
        "establishments": row[0],
        "employer_establishments": row[1],
        "employer_by_flag_only": row[2],
        "employer_by_band_only": row[3],
        "employer_by_both": row[4],
        "partial_diffusion": row[5],
        "abroad": row[6],
        "without_commune": row[7],
        "unknown_commune_code": row[8],
        "unknown_commune_codes": [[code, count] for code, count in unknown_codes],
        "former_commune_code": row[9],
        "unknown_band": row[10],
        "unknown_bands": [[code, count] for code, count in unknown_bands],
    }


# The employer establishments broken down by these columns of `est`, each in a fixed order.
BREAKDOWNS = {
    "section": [*SECTIONS, UNKNOWN],
    "sector": [*ESS_SECTORS, OTHER_SECTOR],
    "band": [*BANDS, "NN", NOT_GIVEN],
}


def territory_figures(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, str, dict[str, Any]]]:
    """Every territory's figures (zeros included), and France's.

    The establishments are read twice, grouped by commune; each larger territory then adds up its
    communes' rows (a few hundred thousand at most, whatever the size of the files), and DuckDB
    hands back one row per territory, breakdowns already in order."""
    families = [value for value, _label in FAMILIES]
    connection.execute(
        "CREATE TEMP TABLE by_commune AS SELECT commune, count(*) AS establishments, count(*) FILTER (employer) AS employer, "
        + ", ".join(
            f"count(*) FILTER (employer AND family = '{value}') AS emp_{value}, count(*) FILTER (family = '{value}') AS all_{value}"
            for value in families
        )
        + " FROM est WHERE commune IS NOT NULL GROUP BY commune"
    )
    connection.execute(
        "CREATE TEMP TABLE by_commune_value AS SELECT commune, "
        + "CASE "
        + " ".join(f"WHEN GROUPING({column}) = 0 THEN '{column}'" for column in BREAKDOWNS)
        + " END AS breakdown, "
        + f"COALESCE(NULLIF(COALESCE({', '.join(BREAKDOWNS)}), ''), '{NOT_GIVEN}') AS value, count(*) AS n "
        + "FROM est WHERE employer AND commune IS NOT NULL GROUP BY GROUPING SETS ("
        + ", ".join(f"(commune, {column})" for column in BREAKDOWNS)
        + ")"
    )
    connection.execute(
        "CREATE TEMP TABLE positions AS SELECT * FROM (VALUES "
        + ", ".join(
            f"('{column}', '{code}', {position})"
            for column, order in BREAKDOWNS.items()
            for position, code in enumerate(order)
        )
        + ") AS p(breakdown, value, position)"
    )
    # Each commune once per territory it belongs to, France included.
    connection.execute(
        "CREATE TEMP TABLE membership AS "
        + " UNION ALL ".join(
            f"SELECT commune, {position} AS rank, '{level}' AS level, {level} AS code, population FROM geo WHERE {level} <> ''"
            for position, level in enumerate(LEVELS)
        )
        + f" UNION ALL SELECT commune, {len(LEVELS)}, '{FRANCE}', 'FR', population FROM geo"
    )
    sums = ", ".join(
        f"sum(c.{column})::BIGINT AS {column}"
        for column in [
            "establishments",
            "employer",
            *(f"{kind}_{value}" for value in families for kind in ("emp", "all")),
        ]
    )
    lists = ", ".join(
        f"list(v.value ORDER BY v.position, v.value) FILTER (v.breakdown = '{column}') AS {column}_values, "
        f"list(v.n ORDER BY v.position, v.value) FILTER (v.breakdown = '{column}') AS {column}_counts"
        for column in BREAKDOWNS
    )
    rows = connection.execute(
        f"""WITH territories AS (
                SELECT rank, level, code, count(*) AS communes, sum(population)::BIGINT AS population
                FROM membership GROUP BY ALL),
            counts AS (
                SELECT m.level, m.code, count(*) FILTER (c.employer > 0) AS covered, {sums}
                FROM by_commune c JOIN membership m ON m.commune = c.commune GROUP BY ALL),
            values AS (
                SELECT m.level, m.code, v.breakdown, v.value, COALESCE(p.position, 1000) AS position, sum(v.n)::BIGINT AS n
                FROM by_commune_value v JOIN membership m ON m.commune = v.commune
                LEFT JOIN positions p ON p.breakdown = v.breakdown AND p.value = v.value GROUP BY ALL),
            breakdowns AS (SELECT level, code, {lists} FROM values v GROUP BY ALL)
        SELECT t.level, t.code, t.communes, t.population, COALESCE(c.covered, 0), COALESCE(c.establishments, 0),
               COALESCE(c.employer, 0), {", ".join(f"COALESCE(c.emp_{value}, 0), COALESCE(c.all_{value}, 0)" for value in families)},
               {", ".join(f"b.{column}_values, b.{column}_counts" for column in BREAKDOWNS)}
        FROM territories t LEFT JOIN counts c USING (level, code) LEFT JOIN breakdowns b USING (level, code)
        ORDER BY t.rank, t.code"""
    ).fetchall()
    results: list[tuple[str, str, dict[str, Any]]] = []
    width = 2 * len(families)
    for level, code, communes, population, covered, establishments, employer, *rest in rows:
        by_family, lists_of = rest[:width], rest[width:]
        figures: dict[str, Any] = {
            "establishments": establishments,
            "employer_establishments": employer,
            "establishments_by_family": dict(zip(families, by_family[1::2], strict=True)),
            "employer_establishments_by_family": dict(zip(families, by_family[0::2], strict=True)),
        }
        for index, column in enumerate(BREAKDOWNS):
            values, counts = lists_of[2 * index], lists_of[2 * index + 1]
            figures[f"employer_establishments_by_{column}"] = dict(zip(values or (), counts or (), strict=True))
        figures |= {"communes": communes, "communes_with_employer": covered, "population": population or 0}
        results.append((level, code, figures))
    return results
