"""Import offers from CSV or XLSX (`import_offers`): validate every row, then write all or nothing.

Columns are those of EXPORT_COLUMNS (the export writes the same format). List cells hold
`|`-separated slugs; an empty taxonomy cell means "no constraint". Territories are `france`,
`region:52`, `departement:44`, `epci:<SIREN>` or `commune:<INSEE code>`; `required_answers` holds refinement questions and the
answer an offer requires (`agrement_esus:oui|quartier_prioritaire:oui`). Re-importing an
`external_id` updates that offer; operators are found by SIRET, then by name, or created.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction

from essaim.catalog.models import (
    Audience,
    Need,
    Offer,
    OfferType,
    RefinementQuestion,
    Sector,
    Stage,
)
from essaim.catalog.services import offer_save
from essaim.core.imports import ImportReport, Row, RowError, split_list
from essaim.core.text import fold
from essaim.organisations.models import Organisation, OrganisationRole
from essaim.organisations.siret import InvalidIdentifier, validate_siret
from essaim.territories.models import Commune, Departement, Epci, Region

REQUIRED_COLUMNS = ["external_id", "title", "summary", "operator_name", "offer_types", "territories"]
EXPORT_COLUMNS = [
    "external_id",
    "title",
    "summary",
    "description",
    "operator_name",
    "operator_siret",
    "offer_types",
    "stages",
    "needs",
    "audiences",
    "sectors",
    "territories",
    "amount_min",
    "amount_max",
    "fees",
    "url",
    "application_url",
    "contact_email",
    "contact_phone",
    "opens_on",
    "deadline",
    "recurrence",
    "review_every_months",
    "min_years",
    "max_years",
    "min_employees",
    "max_employees",
    "required_answers",
    "status",
    "parent_external_id",
]
OPTIONAL_COLUMNS = [name for name in EXPORT_COLUMNS if name not in REQUIRED_COLUMNS]
TAXONOMIES: dict[str, Any] = {
    "offer_types": OfferType,
    "stages": Stage,
    "needs": Need,
    "audiences": Audience,
    "sectors": Sector,
}
IMPORTABLE_STATUSES = {Offer.Status.DRAFT, Offer.Status.PUBLISHED, Offer.Status.ARCHIVED}
ROLE_BY_KIND = {OfferType.Kind.FINANCEMENT: "financeur", OfferType.Kind.ACCOMPAGNEMENT: "operateur_accompagnement"}
_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()


@dataclass
class OfferRow:
    """A validated row, ready to be written."""

    line: int
    external_id: str
    fields: dict[str, Any]
    relations: dict[str, list[Any]]
    territories: list[tuple[str, str, str]]
    operator_name: str
    operator_siret: str
    parent_external_id: str
    errors: list[str] = field(default_factory=list)


class Referential:
    """Everything rows are checked against, read once for the whole file."""

    def __init__(self) -> None:
        self.terms = {
            column: {term.slug: term for term in model.objects.filter(is_obsolete=False)}
            for column, model in TAXONOMIES.items()
        }
        self.questions = set(RefinementQuestion.objects.filter(is_obsolete=False).values_list("slug", flat=True))
        self.regions = dict(Region.objects.values_list("code", "name"))
        self.departements = dict(Departement.objects.values_list("code", "name"))
        self._epcis: dict[str, str] | None = None
        self._communes: dict[str, str] = {}

    def territory_name(self, kind: str, code: str) -> str | None:
        if kind == "region":
            return self.regions.get(code)
        if kind == "departement":
            return self.departements.get(code)
        if kind == "epci":
            if self._epcis is None:
                self._epcis = dict(Epci.objects.values_list("code", "name"))
            return self._epcis.get(code)
        if code not in self._communes:
            commune = Commune.objects.filter(code=code).values_list("name", flat=True).first()
            if commune is None:
                return None
            self._communes[code] = commune
        return self._communes[code]


def _integer(values: dict[str, str], name: str, errors: list[str]) -> int | None:
    text = values.get(name, "").replace(" ", "").replace("\u202f", "")
    if not text:
        return None
    if not text.isdigit():
        errors.append(f"{name} : « {text[:30]} » n'est pas un nombre entier positif.")
        return None
    return int(text)


def _date(values: dict[str, str], name: str, errors: list[str]) -> date | None:
    text = values.get(name, "")
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.append(f"{name} : « {text[:30]} » n'est pas une date au format AAAA-MM-JJ.")
        return None


def _choice(values: dict[str, str], name: str, choices: Any, default: str, errors: list[str]) -> str:
    text = values.get(name, "") or default
    allowed = [value for value, _label in choices]
    if text not in allowed:
        errors.append(f"{name} : « {text[:30]} » n'est pas une valeur permise ({', '.join(allowed)}).")
    return text


def _link(values: dict[str, str], name: str, errors: list[str]) -> str:
    text = values.get(name, "")
    if not text:
        return ""
    if "://" not in text:
        text = f"https://{text}"
    try:
        _url(text)
    except ValidationError:
        errors.append(f"{name} : « {text[:60]} » n'est pas une adresse web valide.")
    return text


ANSWER_WORDS = {"oui": True, "non": False}


def format_required_answers(required: dict[str, bool]) -> str:
    """`agrement_esus:oui|quartier_prioritaire:non`: the cell of the `required_answers` column."""
    return "|".join(f"{slug}:{'oui' if expected else 'non'}" for slug, expected in sorted(required.items()))


def _required_answers(values: dict[str, str], questions: set[str], errors: list[str]) -> dict[str, bool]:
    required: dict[str, bool] = {}
    for token in split_list(values.get("required_answers", "")):
        slug, _, word = token.partition(":")
        if slug not in questions:
            errors.append(f"required_answers : aucune question d'affinage « {slug[:40]} ».")
        elif word not in ANSWER_WORDS:
            errors.append(f"required_answers : « {token[:40]} » doit finir par :oui ou :non.")
        else:
            required[slug] = ANSWER_WORDS[word]
    return required


def _ordered(row: dict[str, Any], low: str, high: str, errors: list[str]) -> None:
    if row[low] is not None and row[high] is not None and row[low] > row[high]:
        errors.append(f"{low} ({row[low]}) est supérieur à {high} ({row[high]}).")


def validate_row(row: Row, referential: Referential) -> OfferRow:
    values = row.values
    errors: list[str] = [row.problem + "."] if row.problem else []
    for name in REQUIRED_COLUMNS:
        if not values.get(name):
            errors.append(f"{name} : valeur obligatoire manquante.")
    if len(values.get("title", "")) > 200:
        errors.append("title : 200 caractères au plus.")
    if len(values.get("summary", "")) > 300:
        errors.append("summary : 300 caractères au plus.")

    relations: dict[str, list[Any]] = {}
    for column, terms in referential.terms.items():
        slugs = split_list(values.get(column, ""))
        unknown = [slug for slug in slugs if slug not in terms]
        if unknown:
            errors.append(f"{column} : identifiant inconnu : {', '.join(unknown)}.")
        relations[column] = [terms[slug] for slug in slugs if slug in terms]

    territories: list[tuple[str, str, str]] = []
    for token in split_list(values.get("territories", "")):
        kind, _, code = token.partition(":")
        if kind == "france" and not code:
            territories.append(("france", "", "France entière"))
            continue
        if kind not in {"region", "departement", "epci", "commune"} or not code:
            errors.append(
                f"territories : « {token[:40]} » ne ressemble à aucun territoire "
                "(france, region:52, departement:44, epci:<SIREN>, commune:<code INSEE>)."
            )
            continue
        name = referential.territory_name(kind, code)
        if name is None:
            errors.append(f"territories : aucun territoire « {token[:40]} » dans le référentiel.")
        else:
            territories.append((kind, code, name))

    siret = values.get("operator_siret", "")
    if siret:
        try:
            siret = validate_siret(siret)
        except InvalidIdentifier as exc:
            errors.append(f"operator_siret : {exc}")

    contact_email = values.get("contact_email", "")
    if contact_email:
        try:
            _email(contact_email)
        except ValidationError:
            errors.append(f"contact_email : « {contact_email[:60]} » n'est pas une adresse e-mail valide.")

    fields: dict[str, Any] = {
        "title": values.get("title", "")[:200],
        "summary": values.get("summary", "")[:300],
        "description": values.get("description", ""),
        "amount_min": _integer(values, "amount_min", errors),
        "amount_max": _integer(values, "amount_max", errors),
        "fees": _choice(values, "fees", Offer.Fees.choices, Offer.Fees.GRATUIT, errors),
        "url": _link(values, "url", errors),
        "application_url": _link(values, "application_url", errors),
        "contact_email": contact_email,
        "contact_phone": values.get("contact_phone", "")[:30],
        "opens_on": _date(values, "opens_on", errors),
        "deadline": _date(values, "deadline", errors),
        "recurrence": _choice(values, "recurrence", Offer.Recurrence.choices, Offer.Recurrence.PERMANENTE, errors),
        "min_years": _integer(values, "min_years", errors),
        "max_years": _integer(values, "max_years", errors),
        "min_employees": _integer(values, "min_employees", errors),
        "max_employees": _integer(values, "max_employees", errors),
        "required_answers": _required_answers(values, referential.questions, errors),
        "status": _choice(
            values,
            "status",
            [(status.value, status.label) for status in IMPORTABLE_STATUSES],
            Offer.Status.PUBLISHED,
            errors,
        ),
    }
    review = _integer(values, "review_every_months", errors)
    if review is not None and review not in {1, 3, 6, 12}:
        errors.append("review_every_months : 1, 3, 6 ou 12.")
    fields["review_every_months"] = review or 12
    for low, high in (("amount_min", "amount_max"), ("min_years", "max_years"), ("min_employees", "max_employees")):
        _ordered(fields, low, high, errors)
    if fields["opens_on"] and fields["deadline"] and fields["opens_on"] > fields["deadline"]:
        errors.append("opens_on est postérieure à deadline.")

    return OfferRow(
        line=row.line,
        external_id=values.get("external_id", "")[:100],
        fields=fields,
        relations=relations,
        territories=territories,
        operator_name=values.get("operator_name", "")[:200],
        operator_siret=siret,
        parent_external_id=values.get("parent_external_id", ""),
        errors=errors,
    )


def offers_import(*, rows: list[Row], dry_run: bool = False, by: Any = None) -> ImportReport:
    """Validate every row; if all are valid, create or update every offer in one transaction."""
    report = ImportReport(dry_run=dry_run)
    referential = Referential()
    checked: list[OfferRow] = []
    first_line: dict[str, int] = {}
    for row in rows:
        offer_row = validate_row(row, referential)
        if offer_row.external_id in first_line:
            offer_row.errors.append(
                f"external_id « {offer_row.external_id} » déjà utilisé à la ligne {first_line[offer_row.external_id]}."
            )
        elif offer_row.external_id:
            first_line[offer_row.external_id] = row.line
        checked.append(offer_row)

    for offer_row in checked:
        parent = offer_row.parent_external_id
        if parent and parent not in first_line and not Offer.objects.filter(external_id=parent).exists():
            offer_row.errors.append(
                f"parent_external_id : aucune offre « {parent[:60]} » dans le fichier ni le catalogue."
            )
        if parent and parent == offer_row.external_id:
            offer_row.errors.append("parent_external_id : une offre ne peut pas être sa propre offre générique.")
        report.errors.extend(RowError(offer_row.line, message) for message in offer_row.errors)
    if report.errors:
        return report

    # A dry run writes everything in a transaction it rolls back: its counts are exact.
    with transaction.atomic():
        operators = _OperatorResolver()
        offers: dict[str, Offer] = {}
        for offer_row in checked:
            offer, outcome = _write(offer_row, operators, by)
            offers[offer_row.external_id] = offer
            setattr(report, outcome, getattr(report, outcome) + 1)
        for offer_row in checked:
            parent = offer_row.parent_external_id
            parent_offer = offers.get(parent) or Offer.objects.filter(external_id=parent).first() if parent else None
            offer = offers[offer_row.external_id]
            if offer.parent_id != (parent_offer.pk if parent_offer else None):
                Offer.objects.filter(pk=offer.pk).update(parent=parent_offer)
        if dry_run:
            transaction.set_rollback(True)
    return report


class _OperatorResolver:
    """Finds the operator of a row by SIRET, then by name; creates it when unknown, with the
    role its offers call for (funder, support operator)."""

    def __init__(self) -> None:
        self.roles = {role.slug: role for role in OrganisationRole.objects.all()}
        self.cache: dict[tuple[str, str], Organisation] = {}

    def get(self, name: str, siret: str, kinds: set[str]) -> Organisation:
        key = (siret, fold(name))
        operator = self.cache.get(key)
        if operator is None:
            operator = (Organisation.objects.filter(siret=siret).first() if siret else None) or (
                Organisation.objects.filter(search_name=fold(name)).order_by("pk").first()
            )
            if operator is None:
                operator = Organisation.objects.create(name=name, siret=siret)
            self.cache[key] = operator
        wanted = [self.roles[ROLE_BY_KIND[kind]] for kind in kinds if ROLE_BY_KIND[kind] in self.roles]
        operator.roles.add(*wanted)
        return operator


def _write(offer_row: OfferRow, operators: _OperatorResolver, by: Any) -> tuple[Offer, str]:
    """Create or update the row's offer; return it with "created", "updated" or "unchanged"."""
    kinds = {offer_type.kind for offer_type in offer_row.relations["offer_types"]}
    offer = Offer.objects.filter(external_id=offer_row.external_id).first() or Offer(external_id=offer_row.external_id)
    for name, value in offer_row.fields.items():
        setattr(offer, name, value)
    offer.operator = operators.get(offer_row.operator_name, offer_row.operator_siret, kinds)
    saved = offer_save(
        offer=offer,
        relations=offer_row.relations,
        territories=offer_row.territories,
        by=by,
        summary="Import" if offer.pk else "Création par import",
        # The content changed: that is an update the public sees as the offer's freshness.
        counts_as_review=True,
    )
    if saved.created:
        return saved.offer, "created"
    return saved.offer, "updated" if saved.changed else "unchanged"
