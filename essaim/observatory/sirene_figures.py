"""What the SIRENE import computes once the perimeter is applied (`sirene_sql.extract` leaves the
establishments in DuckDB's table `est`, beside `geo` and `bands`): every territory's figures, and
the data-quality report. No Django import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def territory_figures(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, str, dict[str, Any]]]:
    """Every territory's figures (zeros included), and France's."""
    family_columns = ", ".join(
        f"count(*) FILTER (e.employer AND e.family = '{value}') AS emp_{value}, count(*) FILTER (e.family = '{value}') AS all_{value}"
        for value, _label in FAMILIES
    )
    results: list[tuple[str, str, dict[str, Any]]] = []
    for level in [*LEVELS, FRANCE]:
        key = "'FR'" if level == FRANCE else f"g.{level}"
        territories = connection.execute(
            f"SELECT {key} AS code, count(*) AS communes, sum(population) AS population FROM geo g "
            + ("" if level == FRANCE else f"WHERE g.{level} <> '' ")
            + "GROUP BY 1"
        ).fetchall()
        counts = {
            row[0]: row[1:]
            for row in connection.execute(
                f"""SELECT {key} AS code, count(*), count(*) FILTER (e.employer),
                           count(DISTINCT e.commune) FILTER (e.employer), {family_columns}
                    FROM est e JOIN geo g ON g.commune = e.commune GROUP BY 1"""
            ).fetchall()
        }
        breakdowns: dict[str, dict[str, dict[str, int]]] = {"sections": {}, "sectors": {}, "bands": {}}
        for name, column in (("sections", "section"), ("sectors", "sector"), ("bands", "band")):
            for code, value, count in connection.execute(
                f"""SELECT {key} AS code, e.{column}, count(*) FROM est e JOIN geo g ON g.commune = e.commune
                    WHERE e.employer GROUP BY 1, 2"""
            ).fetchall():
                breakdowns[name].setdefault(code, {})[value or NOT_GIVEN] = count
        for code, communes, population in territories:
            found = counts.get(code)
            establishments, employer, with_employer = (found[0], found[1], found[2]) if found else (0, 0, 0)
            by_family = {value: found[3 + 2 * index] if found else 0 for index, (value, _label) in enumerate(FAMILIES)}
            all_by_family = {
                value: found[4 + 2 * index] if found else 0 for index, (value, _label) in enumerate(FAMILIES)
            }
            bands = breakdowns["bands"].get(code, {})
            results.append(
                (
                    level,
                    code,
                    {
                        "establishments": establishments,
                        "employer_establishments": employer,
                        "establishments_by_family": all_by_family,
                        "employer_establishments_by_family": by_family,
                        "employer_establishments_by_section": _ordered(
                            breakdowns["sections"].get(code, {}), [*SECTIONS, UNKNOWN]
                        ),
                        "employer_establishments_by_sector": _ordered(
                            breakdowns["sectors"].get(code, {}), [*ESS_SECTORS, OTHER_SECTOR]
                        ),
                        "employer_establishments_by_band": _ordered(bands, [*BANDS, "NN", NOT_GIVEN]),
                        "communes": communes,
                        "communes_with_employer": with_employer,
                        "population": int(population or 0),
                    },
                )
            )
    return results


def _ordered(counts: Mapping[str, int], order: Sequence[str]) -> dict[str, int]:
    """Counts in a fixed order, those outside it last (by code)."""
    known = {code: counts[code] for code in order if counts.get(code)}
    return known | {code: count for code, count in sorted(counts.items()) if code not in known and count}
