"""The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from essaim.api.openapi_observatory import TERRITORY_FIGURES, observatory_paths
from essaim.api.params import DEFAULT_LIMIT, MAX_LIMIT, MAX_PAGE
from essaim.catalog.forms import OrientationForm, SearchForm
from essaim.core.text import MAX_ID

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
SLUGS = {"type": "array", "items": STRING}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or STRING,
        # As in the site's forms, `?stage=` is the same as no `stage` at all.
        "allowEmptyValue": True,
    }


OFFER = {
    "type": "object",
    "required": ["id", "title", "summary", "operator", "offer_types", "territories", "updated_on"],
    "properties": {
        "id": {"type": "integer"},
        "external_id": NULLABLE_STRING,
        "title": STRING,
        "summary": STRING,
        "description": STRING,
        "page_url": {"type": "string", "format": "uri"},
        "operator": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "name": STRING, "siret": NULLABLE_STRING},
        },
        "parent_id": NULLABLE_INTEGER,
        "offer_types": SLUGS,
        "stages": {**SLUGS, "description": "Vide : toutes les étapes."},
        "needs": {**SLUGS, "description": "Vide : tous les besoins."},
        "audiences": {**SLUGS, "description": "Vide : tous les publics."},
        "sectors": {**SLUGS, "description": "Vide : tous les secteurs."},
        "territories": {
            **SLUGS,
            "description": "france, region:52, departement:44, epci:<SIREN>, commune:<code INSEE>",
        },
        "amount_min": NULLABLE_INTEGER,
        "amount_max": NULLABLE_INTEGER,
        "fees": {"type": "string", "enum": ["gratuit", "payant", "sous_conditions"]},
        "info_url": NULLABLE_STRING,
        "application_url": NULLABLE_STRING,
        "contact_email": NULLABLE_STRING,
        "contact_phone": NULLABLE_STRING,
        "opens_on": {"type": ["string", "null"], "format": "date"},
        "deadline": {"type": ["string", "null"], "format": "date"},
        "recurrence": {"type": "string", "enum": ["permanente", "ponctuelle", "recurrente"]},
        "min_years": NULLABLE_INTEGER,
        "max_years": NULLABLE_INTEGER,
        "min_employees": NULLABLE_INTEGER,
        "max_employees": NULLABLE_INTEGER,
        "updated_on": {"type": "string", "format": "date"},
    },
}
STRATEGY_SUMMARY = {
    "type": "object",
    "required": ["code", "title", "region", "starts_on", "ends_on", "status", "level_labels", "page_url"],
    "properties": {
        "code": STRING,
        "title": STRING,
        "short_title": STRING,
        "region": {**STRING, "description": "Code INSEE de la région."},
        "starts_on": {"type": "string", "format": "date"},
        "ends_on": {"type": "string", "format": "date"},
        "status": {"type": "string", "enum": ["draft", "adopted", "running", "closed"]},
        "level_labels": {**SLUGS, "description": "Noms des niveaux, du plus général à l'action."},
        "page_url": {"type": "string", "format": "uri"},
    },
}
COUNTS = {
    "type": "object",
    "description": "Nombre d'actions par état (a_lancer, en_cours, realisee, suspendue, abandonnee) et par météo.",
    "required": ["total", "status", "weather", "late"],
    "properties": {
        "total": {"type": "integer"},
        "status": {"type": "object", "additionalProperties": {"type": "integer"}},
        "weather": {"type": "object", "additionalProperties": {"type": "integer"}},
        "late": {"type": "integer"},
    },
}
STRATEGY = {
    "allOf": [
        {"$ref": "#/components/schemas/StrategySummary"},
        {
            "type": "object",
            "required": ["counts", "nodes", "actions", "indicators"],
            "properties": {
                "counts": COUNTS,
                "nodes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["code", "title", "level", "parent", "counts"],
                        "properties": {
                            "code": STRING,
                            "title": STRING,
                            "level": {"type": "integer"},
                            "level_label": STRING,
                            "parent": {**STRING, "description": "Code du niveau parent, vide à la racine."},
                            "counts": COUNTS,
                        },
                    },
                },
                "actions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["code", "title", "node", "status", "weather", "late"],
                        "properties": {
                            "code": STRING,
                            "title": STRING,
                            "node": STRING,
                            "public_summary": STRING,
                            "status": STRING,
                            "weather": {**STRING, "description": "Vide : non renseignée."},
                            "late": {"type": "boolean"},
                            "planned_end": {"type": ["string", "null"], "format": "date"},
                            "pilot": STRING,
                        },
                    },
                },
                "indicators": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["code", "name", "kind", "unit", "values"],
                        "properties": {
                            "code": STRING,
                            "name": STRING,
                            "kind": {"type": "string", "enum": ["contexte", "activite", "resultat"]},
                            "unit": STRING,
                            "baseline": {**NULLABLE_STRING, "description": "Nombre décimal écrit en texte."},
                            "target": NULLABLE_STRING,
                            "target_on": {"type": ["string", "null"], "format": "date"},
                            "current": NULLABLE_STRING,
                            "progress": {"type": ["number", "null"], "description": "Part du chemin, de 0 à 1."},
                            "values": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["on", "value", "source", "vintage"],
                                    "properties": {
                                        "on": {"type": "string", "format": "date"},
                                        "value": STRING,
                                        "source": STRING,
                                        "vintage": STRING,
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    ]
}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": STRING,
        "details": {"type": "object", "additionalProperties": {"type": "array", "items": STRING}},
    },
}


def _error(description: str, *examples: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = {"schema": {"$ref": "#/components/schemas/Error"}}
    if examples:
        content["examples"] = {f"exemple{number}": {"value": example} for number, example in enumerate(examples, 1)}
    return {"description": description, "content": {"application/json": content}}


BAD_PARAMETER = {
    "error": "Le paramètre limit doit être un nombre entier entre 1 et 500.",
    "details": {"limit": ["Le paramètre limit doit être un nombre entier entre 1 et 500."]},
}
UNKNOWN_VALUE = {
    "error": "Paramètres invalides : stage.",
    "details": {"stage": ["Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."]},
}


NOT_FOUND = {"error": "Aucune ressource à cette adresse. La description de l'API est à /api/v1/openapi.json."}


def _responses(schema_ref: str, *, not_found: dict[str, Any]) -> dict[str, Any]:
    """Every answer an operation gives, errors included: all are JSON, errors in French."""
    return {
        "200": {"description": "Succès", "content": {"application/json": {"schema": {"$ref": schema_ref}}}},
        "400": _error(
            "Paramètre invalide : nombre hors des bornes ou mal écrit, identifiant ou commune inconnus, "
            "caractère nul. `error` dit ce qui ne va pas, `details` le dit pour chaque paramètre.",
            BAD_PARAMETER,
            UNKNOWN_VALUE,
        ),
        "404": _error("Introuvable", not_found),
        "405": _error(
            "Méthode refusée : l'API est en lecture seule (GET et HEAD).",
            {"error": "L'API est en lecture seule : seules les méthodes GET et HEAD sont acceptées."},
        ),
    }


def _integer(low: int, high: int, **extra: Any) -> dict[str, Any]:
    return {"type": "integer", "minimum": low, "maximum": high, **extra}


def openapi_document() -> dict[str, Any]:
    years, employees = OrientationForm.base_fields["years"], OrientationForm.base_fields["employees"]
    sorts = [value for value, _label in SearchForm.SORTS]
    filters = [
        _query("q", "Mots-clés (accents et formes des mots indifférents)."),
        _query("stage", "Étape du projet (identifiant)."),
        _query("need", "Besoin (identifiant)."),
        _query("type", "Type d'offre (identifiant)."),
        _query("audience", "Public ou statut (identifiant)."),
        _query("sector", "Secteur (identifiant)."),
        _query("commune", "Code INSEE ou nom de la commune."),
        _query("operator", "Opérateur (identifiant de la structure)."),
        _query("open_now", "Seulement les offres ouvertes aujourd'hui.", {"type": "boolean"}),
        _query("sort", "Ordre des résultats (pertinence par défaut).", {"type": "string", "enum": sorts}),
        _query("page", "Page de résultats (50 par page).", _integer(1, MAX_PAGE, default=1)),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"API {settings.SITE_NAME}",
            "version": "1.0.0",
            "description": (
                "API en lecture seule du catalogue des offres d'accompagnement et de financement de l'ESS, "
                "des stratégies régionales de l'ESS publiques et des chiffres de l'observatoire de l'ESS. "
                "Un paramètre vide vaut un paramètre absent ; un paramètre donné deux fois est refusé, "
                "sauf needs. Les erreurs sont en JSON, avec un message en français. "
                "Données publiées sous Licence Ouverte 2.0."
            ),
            "license": {"name": "Licence Ouverte 2.0", "identifier": "etalab-2.0"},
        },
        "servers": [{"url": f"{settings.SITE_URL}/api/v1"}],
        "paths": {
            "/offers": {
                "get": {
                    "operationId": "listOffers",
                    "summary": "Chercher des offres publiées et en cours",
                    "parameters": filters,
                    "responses": _responses(
                        "#/components/schemas/OfferPage", not_found={"error": "Page inexistante : il y a 3 pages."}
                    ),
                }
            },
            "/offers/{id}": {
                "get": {
                    "operationId": "getOffer",
                    "summary": "Une offre publiée",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": _integer(1, MAX_ID)}],
                    "responses": _responses(
                        "#/components/schemas/Offer", not_found={"error": "Aucune offre publiée avec cet identifiant."}
                    ),
                }
            },
            "/orientation": {
                "get": {
                    "operationId": "orient",
                    "summary": "Les offres adaptées aux réponses du parcours guidé, les meilleures d'abord",
                    "parameters": [
                        _query("stage", "Étape du projet (identifiant)."),
                        _query("needs", "Besoins, identifiants séparés par des virgules."),
                        _query("audience", "Statut (identifiant)."),
                        _query("sector", "Secteur (identifiant)."),
                        _query("commune", "Code INSEE ou nom de la commune."),
                        _query(
                            "years",
                            "Ancienneté de la structure en années.",
                            _integer(int(years.min_value), int(years.max_value)),
                        ),
                        _query(
                            "employees",
                            "Nombre de salariés.",
                            _integer(int(employees.min_value), int(employees.max_value)),
                        ),
                        _query(
                            "limit",
                            f"Nombre de résultats rendus ({DEFAULT_LIMIT} par défaut, {MAX_LIMIT} au plus).",
                            _integer(1, MAX_LIMIT, default=DEFAULT_LIMIT),
                        ),
                    ],
                    "responses": _responses("#/components/schemas/Orientation", not_found=NOT_FOUND),
                }
            },
            "/strategies": {
                "get": {
                    "operationId": "listStrategies",
                    "summary": "Les stratégies régionales de l'ESS publiques",
                    "responses": _responses("#/components/schemas/StrategyList", not_found=NOT_FOUND),
                }
            },
            "/strategies/{code}": {
                "get": {
                    "operationId": "getStrategy",
                    "summary": "Une stratégie publique : arborescence, actions et indicateurs publics",
                    "parameters": [
                        {
                            "name": "code",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
                        }
                    ],
                    "responses": _responses(
                        "#/components/schemas/Strategy", not_found={"error": "Aucune stratégie publique avec ce code."}
                    ),
                }
            },
            **observatory_paths(_responses),
        },
        "components": {
            "schemas": {
                "TerritoryFigures": TERRITORY_FIGURES,
                "StrategySummary": STRATEGY_SUMMARY,
                "Strategy": STRATEGY,
                "StrategyList": {
                    "type": "object",
                    "required": ["results"],
                    "properties": {
                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/StrategySummary"}}
                    },
                },
                "Offer": OFFER,
                "Error": ERROR,
                "OfferPage": {
                    "type": "object",
                    "required": ["count", "page", "pages", "results"],
                    "properties": {
                        "count": {"type": "integer"},
                        "page": {"type": "integer"},
                        "pages": {"type": "integer"},
                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Offer"}},
                    },
                },
                "Orientation": {
                    "type": "object",
                    "required": ["count", "results"],
                    "properties": {
                        "count": {"type": "integer", "description": "Nombre total d'offres adaptées."},
                        "results": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "title", "operator", "offer_types", "why", "score"],
                                "properties": {
                                    "id": {"type": "integer"},
                                    "external_id": NULLABLE_STRING,
                                    "title": STRING,
                                    "operator": STRING,
                                    "offer_types": SLUGS,
                                    "why": {
                                        "type": "array",
                                        "description": "Les réponses auxquelles l'offre correspond.",
                                        "items": {
                                            "type": "object",
                                            "properties": {"kind": STRING, "value": STRING},
                                        },
                                    },
                                    "score": {"type": "integer", "description": "Plus haut = plus adapté."},
                                },
                            },
                        },
                    },
                },
            }
        },
    }
