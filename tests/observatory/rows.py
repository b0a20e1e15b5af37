"""Hand-made SIRENE rows, written as the official files are (header, UTF-8, comma), with only the
columns a test needs beside the ones the import requires; and the rules of a small perimeter."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from essaim.observatory.perimeter import Rules

RULES = Rules(
    categories={"9220": "association", "9300": "fondation", "8210": "mutuelle", "5458": "cooperative"},
    excluded_activities=frozenset({"84", "94.91Z", "94.92Z", "94.20Z", "94.11Z"}),
)
UNIT_HEADER = [
    "siren",
    "statutDiffusionUniteLegale",
    "categorieJuridiqueUniteLegale",
    "economieSocialeSolidaireUniteLegale",
    "denominationUniteLegale",
    "nomUniteLegale",
    "prenom1UniteLegale",
]
ESTABLISHMENT_HEADER = [
    "siren",
    "nic",
    "siret",
    "statutDiffusionEtablissement",
    "trancheEffectifsEtablissement",
    "etablissementSiege",
    "etatAdministratifEtablissement",
    "activitePrincipaleEtablissement",
    "caractereEmployeurEtablissement",
    "codeCommuneEtablissement",
    "codePaysEtrangerEtablissement",
    "dateDernierTraitementEtablissement",
    "enseigne1Etablissement",
    "denominationUsuelleEtablissement",
    "numeroVoieEtablissement",
    "typeVoieEtablissement",
    "libelleVoieEtablissement",
    "codePostalEtablissement",
    "libelleCommuneEtablissement",
]
GEO_HEADER = ["siret", "x", "y", "qualite_xy", "epsg", "y_latitude", "x_longitude"]


def unit(siren: str, cj: str, *, flag: str = "", name: str = "", person: str = "") -> dict[str, str]:
    return {
        "siren": siren,
        "statutDiffusionUniteLegale": "O",
        "categorieJuridiqueUniteLegale": cj,
        "economieSocialeSolidaireUniteLegale": flag,
        "denominationUniteLegale": name,
        "nomUniteLegale": person,
        "prenom1UniteLegale": "Jean" if person else "",
    }


def establishment(siren: str, nic: str, **fields: str) -> dict[str, str]:
    row = {
        "siren": siren,
        "nic": nic,
        "siret": siren + nic,
        "statutDiffusionEtablissement": "O",
        "trancheEffectifsEtablissement": "",
        "etablissementSiege": "true" if nic == "00011" else "false",
        "etatAdministratifEtablissement": "A",
        "activitePrincipaleEtablissement": "88.10A",
        "caractereEmployeurEtablissement": "N",
        "codeCommuneEtablissement": "44109",
        "codePaysEtrangerEtablissement": "",
        "dateDernierTraitementEtablissement": "2026-10-02T10:11:12",
        "enseigne1Etablissement": "",
        "denominationUsuelleEtablissement": "",
        "numeroVoieEtablissement": "3",
        "typeVoieEtablissement": "RUE",
        "libelleVoieEtablissement": "DU PORT",
        "codePostalEtablissement": "44000",
        "libelleCommuneEtablissement": "NANTES",
    }
    row.update(fields)
    return row


def write(path: Path, header: list[str], rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path
