"""The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

from django.conf import settings

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
SLUGS = {"type": "array", "items": STRING}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or STRING}


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


def _responses(schema_ref: str) -> dict[str, Any]:
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "200": {"description": "Succès", "content": {"application/json": {"schema": {"$ref": schema_ref}}}},
        "400": {"description": "Paramètre invalide (identifiant ou code inconnu)", **error},
        "404": {"description": "Introuvable", **error},
    }


def openapi_document() -> dict[str, Any]:
    filters = [
        _query("q", "Mots-clés (accents et formes des mots indifférents)."),
        _query("stage", "Étape du projet (identifiant)."),
        _query("need", "Besoin (identifiant)."),
        _query("type", "Type d'offre (identifiant)."),
        _query("audience", "Public ou statut (identifiant)."),
        _query("sector", "Secteur (identifiant)."),
        _query("commune", "Code INSEE ou nom de la commune."),
        _query("page", "Page de résultats (50 par page).", {"type": "integer", "minimum": 1}),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"API {settings.SITE_NAME}",
            "version": "1.0.0",
            "description": (
                "API en lecture seule du catalogue des offres d'accompagnement et de financement de l'ESS "
                "et des stratégies régionales de l'ESS publiques. "
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
                    "responses": _responses("#/components/schemas/OfferPage"),
                }
            },
            "/offers/{id}": {
                "get": {
                    "operationId": "getOffer",
                    "summary": "Une offre publiée",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                    "responses": _responses("#/components/schemas/Offer"),
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
                        _query("years", "Ancienneté de la structure en années.", {"type": "integer", "minimum": 0}),
                        _query("employees", "Nombre de salariés.", {"type": "integer", "minimum": 0}),
                        _query(
                            "limit", "Nombre de résultats rendus (50 par défaut, 500 au plus).", {"type": "integer"}
                        ),
                    ],
                    "responses": _responses("#/components/schemas/Orientation"),
                }
            },
            "/strategies": {
                "get": {
                    "operationId": "listStrategies",
                    "summary": "Les stratégies régionales de l'ESS publiques",
                    "responses": _responses("#/components/schemas/StrategyList"),
                }
            },
            "/strategies/{code}": {
                "get": {
                    "operationId": "getStrategy",
                    "summary": "Une stratégie publique : arborescence, actions et indicateurs publics",
                    "parameters": [{"name": "code", "in": "path", "required": True, "schema": STRING}],
                    "responses": _responses("#/components/schemas/Strategy"),
                }
            },
        },
        "components": {
            "schemas": {
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
