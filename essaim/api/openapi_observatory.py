"""The OpenAPI description of the observatory's part of the API (`/observatory/…`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LEVEL_PARAMETER = {
    "name": "level",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "enum": ["region", "departement", "epci", "commune"]},
}
_COUNT = {"type": "integer", "minimum": 0}
_BY_FAMILY = {
    "type": "object",
    "required": ["association", "cooperative", "mutuelle", "fondation", "societe_commerciale_ess"],
    "additionalProperties": _COUNT,
}
_COUNTS = {"type": "object", "additionalProperties": _COUNT}
TERRITORY_FIGURES = {
    "type": "object",
    "description": (
        "Chiffres calculés à partir de la base Sirene (INSEE) et du périmètre statistique de l'ESS. Ce ne sont "
        "pas les chiffres officiels de l'emploi (commande de la CRESS à l'INSEE), qui forment une couche à part."
    ),
    "required": [
        "level",
        "code",
        "name",
        "vintage",
        "establishments",
        "employer_establishments",
        "employer_establishments_by_family",
        "communes",
        "communes_with_employer",
        "share_communes_with_employer",
        "sources",
        "figure_sources",
    ],
    "properties": {
        "level": {"type": "string", "enum": ["region", "departement", "epci", "commune"]},
        "code": {"type": "string"},
        "name": {"type": "string"},
        "vintage": {"type": ["string", "null"], "format": "date", "description": "Millésime des fichiers Sirene."},
        "establishments": {**_COUNT, "description": "Établissements actifs de l'ESS."},
        "employer_establishments": {**_COUNT, "description": "Établissements employeurs de l'ESS."},
        "establishments_by_family": _BY_FAMILY,
        "employer_establishments_by_family": _BY_FAMILY,
        "employer_establishments_by_section": {**_COUNTS, "description": "Par section de la NAF (lettre)."},
        "employer_establishments_by_sector": {**_COUNTS, "description": "Par secteur de l'ESS."},
        "employer_establishments_by_band": {**_COUNTS, "description": "Par tranche d'effectifs de l'INSEE."},
        "employees_range": {
            "type": "object",
            "description": "Fourchette de salariés permise par les tranches d'effectifs (jamais un chiffre unique).",
            "properties": {"min": _COUNT, "max": {"type": ["integer", "null"], "minimum": 0}},
        },
        "communes": _COUNT,
        "communes_with_employer": {
            **_COUNT,
            "description": "Communes ayant au moins un établissement employeur de l'ESS.",
        },
        "share_communes_with_employer": {"type": "number", "minimum": 0, "maximum": 1},
        "population": _COUNT,
        "employer_establishments_per_10000_inhabitants": {"type": ["number", "null"], "minimum": 0},
        "sources": {"type": "object", "additionalProperties": {"type": "object"}},
        "figure_sources": {"type": "object", "additionalProperties": {"type": "string"}},
    },
}


def observatory_paths(responses: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    """The observatory's operations; `responses` gives an operation's answers, errors included."""
    return {
        "/observatory/{level}/{code}": {
            "get": {
                "operationId": "getTerritoryFigures",
                "summary": "Les chiffres de l'ESS d'un territoire, chacun avec sa source et son millésime",
                "parameters": [
                    LEVEL_PARAMETER,
                    {
                        "name": "code",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "maxLength": 9},
                        "description": "Code officiel du territoire (INSEE ; SIREN pour un EPCI).",
                    },
                ],
                "responses": responses(
                    "#/components/schemas/TerritoryFigures",
                    not_found={"error": "Aucun territoire de ce niveau avec ce code."},
                ),
            }
        },
        "/observatory/{level}.csv": {
            "get": {
                "operationId": "listTerritoryFigures",
                "summary": "Les chiffres de l'ESS de tous les territoires d'un niveau, en CSV",
                "parameters": [LEVEL_PARAMETER],
                "responses": {
                    **responses(
                        "#/components/schemas/TerritoryFigures",
                        not_found={"error": "Niveau inconnu : region, departement, epci ou commune."},
                    ),
                    "200": {
                        "description": "Un fichier CSV (séparateur point-virgule, UTF-8 avec BOM), une ligne par territoire.",
                        "content": {"text/csv": {"schema": {"type": "string"}}},
                    },
                },
            }
        },
    }
