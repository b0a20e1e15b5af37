"""The columns of the offers file (the export writes the same ones) and the vocabularies of its cells."""

from __future__ import annotations

from essaim.catalog.models import CONTENT_FIELDS, TAXONOMY_MODELS, Offer, OfferType

REQUIRED_COLUMNS = ["external_id", "title", "summary", "operator_name", "offer_types", "territories"]
EXPORT_COLUMNS = [
    "external_id",
    *CONTENT_FIELDS[:3],
    "operator_name",
    "operator_siret",
    *TAXONOMY_MODELS,
    "territories",
    *CONTENT_FIELDS[3:],
    "required_answers",
    "status",
    "parent_external_id",
]
OPTIONAL_COLUMNS = [name for name in EXPORT_COLUMNS if name not in REQUIRED_COLUMNS]
IMPORTABLE_STATUSES = {Offer.Status.DRAFT, Offer.Status.PUBLISHED, Offer.Status.ARCHIVED}
ROLE_BY_KIND: dict[str, str] = {
    OfferType.Kind.FINANCEMENT: "financeur",
    OfferType.Kind.ACCOMPAGNEMENT: "operateur_accompagnement",
}
ANSWER_WORDS = {"oui": True, "non": False}


def format_required_answers(required: dict[str, bool]) -> str:
    """`agrement_esus:oui|quartier_prioritaire:non`: the cell of the `required_answers` column."""
    return "|".join(f"{slug}:{'oui' if expected else 'non'}" for slug, expected in sorted(required.items()))
