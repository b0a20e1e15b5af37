"""What the SIRENE import computes once the perimeter is applied (`sirene_sql.extract` leaves the
establishments in DuckDB's table `est`, beside `geo` and `bands`): every territory's figures, and
the data-quality report. No Django import."""

from __future__ import annotations

from collections.abc import Mapping
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


# The employer establishments broken down by these columns of `est`, each shown in this order.
BREAKDOWNS = {
    "section": [*SECTIONS, UNKNOWN],
    "sector": [*ESS_SECTORS, OTHER_SECTOR],
    "band": [*BANDS, "NN", NOT_GIVEN],
}
_RANKS = {column: {code: rank for rank, code in enumerate(order)} for column, order in BREAKDOWNS.items()}


def ordered(counts: Mapping[str, int], column: str) -> dict[str, int]:
    """A breakdown's counts in the order of BREAKDOWNS[column], codes outside it last, by code.
    Applied when the figures are read: PostgreSQL's jsonb does not keep the order of keys."""
    rank = _RANKS[column]
    return dict(sorted(counts.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def territory_figures(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, str, dict[str, Any]]]:
    """Every territory's figures (zeros included), and France's, in level then code order.

    The establishments are grouped by commune once per breakdown; each larger territory then adds
    up its communes' rows, a few hundred thousand at most whatever the size of the files. The
    working tables are replaced at each call."""
    families = [value for value, _label in FAMILIES]
    counted = ["establishments", "employer", *(f"{kind}_{value}" for value in families for kind in ("emp", "all"))]
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE by_commune AS SELECT commune, count(*) AS establishments, "
        + "count(*) FILTER (employer) AS employer, "
        + ", ".join(
            f"count(*) FILTER (employer AND family = '{value}') AS emp_{value}, count(*) FILTER (family = '{value}') AS all_{value}"
            for value in families
        )
        + " FROM est WHERE commune IS NOT NULL GROUP BY commune"
    )
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE by_commune_value AS "
        + " UNION ALL ".join(
            f"SELECT commune, '{column}' AS breakdown, {column} AS value, count(*) AS n "
            f"FROM est WHERE employer AND commune IS NOT NULL GROUP BY commune, {column}"
            for column in BREAKDOWNS
        )
    )
    # Each commune once per territory it belongs to, France included.
    connection.execute(
        "CREATE OR REPLACE TEMP TABLE membership AS "
        + " UNION ALL ".join(
            f"SELECT commune, {rank} AS rank, '{level}' AS level, {level} AS code, population FROM geo WHERE {level} <> ''"
            for rank, level in enumerate(LEVELS)
        )
        + f" UNION ALL SELECT commune, {len(LEVELS)}, '{FRANCE}', 'FR', population FROM geo"
    )
    sums = ", ".join(f"COALESCE(sum(c.{column}), 0)::BIGINT AS {column}" for column in counted)
    cursor = connection.execute(
        f"""SELECT m.level, m.code, count(*) AS communes, COALESCE(sum(m.population), 0)::BIGINT AS population,
                   count(*) FILTER (c.employer > 0) AS covered, {sums}
            FROM membership m LEFT JOIN by_commune c ON c.commune = m.commune
            GROUP BY m.rank, m.level, m.code ORDER BY m.rank, m.code"""
    )
    names = [column[0] for column in cursor.description]
    territories = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    breakdowns: dict[tuple[str, str, str], dict[str, int]] = {}
    for level, code, breakdown, value, count in connection.execute(
        """SELECT m.level, m.code, v.breakdown, v.value, sum(v.n)::BIGINT
           FROM by_commune_value v JOIN membership m ON m.commune = v.commune
           GROUP BY m.level, m.code, v.breakdown, v.value"""
    ).fetchall():
        breakdowns.setdefault((level, code, breakdown), {})[value or NOT_GIVEN] = count
    return [
        (
            row["level"],
            row["code"],
            {
                "establishments": row["establishments"],
                "employer_establishments": row["employer"],
                "establishments_by_family": {value: row[f"all_{value}"] for value in families},
                "employer_establishments_by_family": {value: row[f"emp_{value}"] for value in families},
                **{
                    f"employer_establishments_by_{column}": breakdowns.get((row["level"], row["code"], column), {})
                    for column in BREAKDOWNS
                },
                "communes": row["communes"],
                "communes_with_employer": row["covered"],
                "population": row["population"],
            },
        )
        for row in territories
    ]
