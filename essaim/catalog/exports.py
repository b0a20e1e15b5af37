"""Export the catalogue: CSV and XLSX in the import format (a round trip), and JSON in the
data·inclusion schema (checked with the `data-inclusion-schema` package).

One offer never takes a file down: an offer that does not fit the data·inclusion schema is left
out of that file and listed, with what is wrong in French, on the catalogue's dashboard."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from essaim.catalog.importing import EXPORT_COLUMNS, format_required_answers
from essaim.catalog.models import Offer
from essaim.core.tables import rows_to_csv, rows_to_xlsx
from essaim.territories.models import Departement

DATA_INCLUSION_SOURCE = "essaim"
TYPE_BY_SLUG = {"formation": "formation", "information_orientation": "information", "programme_collectif": "atelier"}
THEME_BY_STAGE = {
    "ideation": "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
    "faisabilite": "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
    "creation": "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
    "developpement": "creer-une-entreprise--developper-son-entreprise",
    "consolidation": "creer-une-entreprise--developper-son-entreprise",
    "changement_echelle": "creer-une-entreprise--developper-son-entreprise",
    "transmission": "creer-une-entreprise--developper-son-entreprise",
}


def offers_for_export(*, include_unpublished: bool = False) -> QuerySet[Offer]:
    offers = Offer.objects.all() if include_unpublished else Offer.objects.published()
    return offers.with_relations().select_related("parent").order_by("pk")


def _slugs(offer: Offer, relation: str) -> str:
    return "|".join(term.slug for term in getattr(offer, relation).all())


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def export_rows(offers: Iterable[Offer]) -> list[dict[str, str]]:
    """One dictionary per offer, with the import's columns: importing them back changes nothing."""
    rows = []
    for offer in offers:
        row = {
            "external_id": offer.external_id or f"essaim-{offer.pk}",
            "operator_name": offer.operator.name,
            "operator_siret": offer.operator.siret,
            "territories": "|".join(territory.token for territory in offer.territories.all()),
            "parent_external_id": (offer.parent.external_id or f"essaim-{offer.parent.pk}") if offer.parent else "",
            "url": offer.url,
            "required_answers": format_required_answers(offer.required_answers),
        }
        for relation in ("offer_types", "stages", "needs", "audiences", "sectors"):
            row[relation] = _slugs(offer, relation)
        for name in EXPORT_COLUMNS:
            if name not in row:
                row[name] = _text(getattr(offer, name))
        rows.append({name: row[name] for name in EXPORT_COLUMNS})
    return rows


def to_csv(rows: list[dict[str, str]]) -> str:
    return rows_to_csv(rows, EXPORT_COLUMNS)


def to_xlsx(rows: list[dict[str, str]]) -> bytes:
    return rows_to_xlsx(rows, EXPORT_COLUMNS, sheet_name="offres")


def _eligibility_zone(offer: Offer, departements_of: dict[str, list[str]]) -> list[str]:
    """data·inclusion codes: communes, EPCI and départements as they are; a région becomes its
    départements (the schema has no région code); France is "france"."""
    codes: list[str] = []
    for territory in offer.territories.all():
        if territory.kind == "france":
            return ["france"]
        if territory.kind == "region":
            codes.extend(departements_of.get(territory.code, []))
        else:
            codes.append(territory.code)
    return list(dict.fromkeys(codes)) or ["france"]


# The offer's fields as the CRESS knows them, by the schema's field they become.
DATA_INCLUSION_FIELDS = {
    "nom": "le titre",
    "description": "la description (ou, à défaut, le résumé)",
    "lien_source": "l'adresse de la fiche sur la plateforme",
    "date_maj": "la date de dernière mise à jour",
    "type": "le type d'offre",
    "thematiques": "les étapes",
    "frais": "les frais",
    "frais_precisions": "les précisions sur les frais",
    "publics_precisions": "les publics",
    "telephone": "le téléphone de contact",
    "courriel": "l'adresse électronique de contact",
    "zone_eligibilite": "le territoire",
    "lien_mobilisation": "le lien pour candidater",
    "modes_mobilisation": "les moyens de mobiliser l'offre",
}


@dataclass(frozen=True)
class LeftOut:
    """An offer left out of the data·inclusion file, and why, in French."""

    offer: Offer
    problems: list[str]


@dataclass
class DataInclusionExport:
    services: list[dict[str, Any]] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)


def _problem(error: Any) -> str:
    """One error of the schema's validation in a sentence a CRESS officer understands."""
    name = str(error["loc"][0]) if error["loc"] else ""
    label = DATA_INCLUSION_FIELDS.get(name, name or "l'offre")
    context = error.get("ctx") or {}
    kind = error["type"]
    if kind in {"string_too_short", "string_too_long"}:
        length = len(error.get("input") or "")
        has = f"{label} compte {length} caractère{'s' if length > 1 else ''}"
        if kind == "string_too_short":
            return f"{has} ; il en faut {context.get('min_length')} au moins"
        return f"{has} ; {context.get('max_length')} au plus"
    if kind in {"too_short", "missing"}:
        return f"{label} manque"
    if kind.startswith("url_"):
        return f"{label} n'est pas une adresse web valide"
    if name == "courriel":
        return f"{label} n'est pas valide"
    if kind == "value_error" and isinstance(context.get("error"), ValueError):
        # The schema's own rules speak French ("La date de dernière modification ...").
        return f"{label} : {str(context['error']).rstrip('.')}"
    return f"{label} : valeur refusée par le schéma data·inclusion"


def data_inclusion_export(offers: Iterable[Offer]) -> DataInclusionExport:
    """The offers as data·inclusion services, each validated on its own by the schema's model;
    those that do not fit are left out, with their problems."""
    from data_inclusion.schema.v1 import Service
    from pydantic import ValidationError

    departements_of: dict[str, list[str]] = {}
    for code, region in Departement.objects.values_list("code", "region__code"):
        departements_of.setdefault(region, []).append(code)
    result = DataInclusionExport()
    for offer in offers:
        try:
            service = Service.model_validate(_data_inclusion_record(offer, departements_of))
        except ValidationError as exc:
            problems = list(dict.fromkeys(_problem(error) for error in exc.errors()))
            result.left_out.append(
                LeftOut(offer=offer, problems=[problem[0].upper() + problem[1:] for problem in problems])
            )
            continue
        result.services.append(service.model_dump(mode="json", exclude_none=True))
    return result


def to_data_inclusion(offers: Iterable[Offer]) -> list[dict[str, Any]]:
    """The offers that fit the schema, as data·inclusion services."""
    return data_inclusion_export(offers).services


def _data_inclusion_record(offer: Offer, departements_of: dict[str, list[str]]) -> dict[str, Any]:
    slugs = [term.slug for term in offer.offer_types.all()]
    kinds = {term.kind for term in offer.offer_types.all()}
    service_type = (
        "aide-financiere" if "financement" in kinds else TYPE_BY_SLUG.get(slugs[0] if slugs else "", "accompagnement")
    )
    themes = {THEME_BY_STAGE[stage.slug] for stage in offer.stages.all() if stage.slug in THEME_BY_STAGE}
    modes = []
    if offer.contact_email:
        modes.append("envoyer-un-courriel")
    if offer.contact_phone:
        modes.append("telephoner")
    if offer.application_url:
        modes.append("utiliser-lien-mobilisation")
    return {
        "source": DATA_INCLUSION_SOURCE,
        "structure_id": f"{DATA_INCLUSION_SOURCE}--{offer.operator_id}",
        "id": f"{DATA_INCLUSION_SOURCE}--{offer.pk}",
        "nom": offer.title[:150].rstrip("."),
        "description": offer.description or offer.summary,
        "lien_source": f"{settings.SITE_URL}{offer.get_absolute_url()}",
        "date_maj": offer.reviewed_on,
        "type": service_type,
        "thematiques": sorted(themes) or ["creer-une-entreprise--developper-son-entreprise"],
        "frais": "payant" if offer.fees == Offer.Fees.PAYANT else "gratuit",
        "frais_precisions": offer.get_fees_display() if offer.fees == Offer.Fees.SOUS_CONDITIONS else None,
        "publics_precisions": ", ".join(term.label for term in offer.audiences.all()) or None,
        "telephone": offer.contact_phone or None,
        "courriel": offer.contact_email or None,
        "zone_eligibilite": _eligibility_zone(offer, departements_of),
        "lien_mobilisation": offer.application_url or None,
        "modes_mobilisation": modes or None,
        "mobilisable_par": ["usagers", "professionnels"],
    }
