"""Checking one row of an offers file: every cell read, every problem said in French."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from essaim.catalog.importing.columns import ANSWER_WORDS, IMPORTABLE_STATUSES, REQUIRED_COLUMNS
from essaim.catalog.importing.referential import Referential
from essaim.catalog.models import Offer
from essaim.core.imports import Row, day_problem, split_list
from essaim.core.imports.fields import field_problems
from essaim.core.text import is_ascii_digits
from essaim.organisations.models import Organisation
from essaim.organisations.siret import InvalidIdentifier, validate_siret
from essaim.territories.names import KINDS, insee_code


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


_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()


def _integer(values: dict[str, str], name: str, errors: list[str]) -> int | None:
    text = values.get(name, "").replace(" ", "").replace("\u202f", "")
    if not text:
        return None
    if not is_ascii_digits(text):  # "²".isdigit() is true, and int() refuses it
        errors.append(f"{name} : « {text[:30]} » n'est pas un nombre entier positif.")
        return None
    return int(text)


def _date(values: dict[str, str], name: str, errors: list[str]) -> date | None:
    text = values.get(name, "")
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        errors.append(f"{name} : « {text[:30]} » n'est pas une date au format AAAA-MM-JJ.")
        return None
    problem = day_problem(day)
    if problem:
        errors.append(f"{name} : {problem}.")
        return None
    return day


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
    """The row read and checked; its `errors` list what is wrong, each as a French sentence."""
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
        if kind not in KINDS or not code:
            errors.append(
                f"territories : « {token[:40]} » ne ressemble à aucun territoire "
                "(france, region:52, departement:44, epci:<SIREN>, commune:<code INSEE>)."
            )
            continue
        if kind == "commune":
            code = insee_code(code)
        territory_name = referential.territory_name(kind, code)
        if territory_name is None:
            errors.append(f"territories : aucun territoire « {token[:40]} » dans le référentiel.")
        else:
            territories.append((kind, code, territory_name))

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
    errors += [
        f"{name} : {problem}."
        for name, problem in field_problems(Offer, {**fields, "external_id": values.get("external_id", "")}).items()
    ]
    errors += [
        f"operator_name : {problem}."
        for problem in field_problems(Organisation, {"name": values.get("operator_name", "")}).values()
    ]
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
