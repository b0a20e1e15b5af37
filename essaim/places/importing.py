"""`places_import`: check every row of a places file (`import_places`), then write them all or none.

The columns are documented in the README and in the command's help. A row names an existing place
again by its kind, its name (accents and case aside) and its commune: that place is updated, never
duplicated. A column absent from the file leaves its field as it is; an empty cell empties it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from essaim.core.imports import ImportReport, Noun, Row, RowError, day_problem, split_list
from essaim.core.imports.fields import field_problems
from essaim.core.imports.writing import all_or_nothing
from essaim.core.text import fold
from essaim.organisations.models import Organisation
from essaim.organisations.siret import InvalidIdentifier, validate_siret
from essaim.places.coordinates import position_problem
from essaim.places.models import Place, PlaceKind, TiersLieuType
from essaim.places.services import place_save
from essaim.territories.models import Commune
from essaim.territories.names import insee_code

PLACE = Noun("lieu", "lieux")
REQUIRED_COLUMNS = ["kind", "name", "commune_code"]
OPTIONAL_COLUMNS = [
    "subtype",
    "description",
    "address",
    "latitude",
    "longitude",
    "operator_siret",
    "member_sirets",
    "website",
    "source",
    "updated_on",
]
TEXT_COLUMNS = ["name", "description", "address", "source"]

# A value is its code or its label, however written: "tiers_lieu", "Tiers-lieu", "PTCE".
KINDS = {fold(text): kind.value for kind in PlaceKind for text in (kind.value, kind.label)}
SUBTYPES = {fold(text): subtype.value for subtype in TiersLieuType for text in (subtype.value, subtype.label)}
# Decimal degrees as a spreadsheet writes them: "47.2064", "-1,5632", "47,2064°". Only ASCII
# digits ("٣" is a digit for Python's float()), no exponent, no "NaN".
DEGREES = re.compile(r"^[-+]?[0-9]{1,3}(?:[.,][0-9]{1,12})?$")
_url = URLValidator(schemes=["http", "https"])


@dataclass
class PlaceRow:
    """A checked row: the fields it sets (only its file's columns), the place it updates, if any."""

    line: int
    kind: str
    name: str
    commune: Commune | None
    fields: dict[str, Any] = field(default_factory=dict)
    members: list[Organisation] | None = None  # None: the file has no member_sirets column
    existing: Place | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.kind, fold(self.name)[:200], self.commune.code if self.commune else "")


class Referential:
    """Communes and structures named by the file, each read once."""

    def __init__(self) -> None:
        self._communes: dict[str, Commune | None] = {}
        self._structures: dict[str, Organisation | None] = {}

    def commune(self, code: str) -> Commune | None:
        if code not in self._communes:
            self._communes[code] = Commune.objects.of_code(code)
        return self._communes[code]

    def structure(self, siret: str) -> Organisation | None:
        if siret not in self._structures:
            self._structures[siret] = Organisation.objects.filter(siret=siret).first()
        return self._structures[siret]


def places_import(*, rows: list[Row], dry_run: bool = False, by: Any = None) -> ImportReport:
    """Check every row; if all are right, create or update every place in one transaction."""
    report = ImportReport(PLACE, dry_run=dry_run, lines_read=len(rows))
    referential = Referential()
    checked: list[PlaceRow] = []
    first_line: dict[tuple[str, str, str], int] = {}
    for row in rows:
        if row.problem:
            report.errors.append(RowError(row.line, row.problem + "."))
            continue
        place_row = check_row(row, referential)
        if not place_row.errors and place_row.identity in first_line:
            place_row.errors.append(f"ce lieu figure déjà à la ligne {first_line[place_row.identity]}.")
        first_line.setdefault(place_row.identity, row.line)
        report.errors.extend(RowError(row.line, message) for message in place_row.errors)
        checked.append(place_row)
    if report.errors:
        return report

    with all_or_nothing(dry_run=dry_run):
        for place_row in checked:
            place = place_row.existing or Place(kind=place_row.kind, commune=place_row.commune)
            for name, value in place_row.fields.items():
                setattr(place, name, value)
            outcome = place_save(place=place, by=by, members=place_row.members, summary="Import d'un fichier de lieux")
            report.count(outcome)
    return report


def check_row(row: Row, referential: Referential) -> PlaceRow:
    """The row read and checked; its `errors` say in French what is wrong, column by column."""
    values = row.values
    errors: list[str] = []
    for name in REQUIRED_COLUMNS:
        if not values.get(name):
            errors.append(f"{name} : valeur obligatoire manquante.")

    kind = KINDS.get(fold(values.get("kind", "")), "")
    if values.get("kind") and not kind:
        errors.append(f"kind : « {values['kind'][:40]} » n'est pas une nature de lieu (tiers_lieu ou ptce).")
    commune = _commune(values.get("commune_code", ""), referential, errors)
    place_row = PlaceRow(line=row.line, kind=kind, name=values.get("name", ""), commune=commune, errors=errors)

    fields: dict[str, Any] = {"name": place_row.name}
    fields.update({name: values[name] for name in TEXT_COLUMNS if name in values})
    errors += [f"{name} : {problem}." for name, problem in field_problems(Place, fields).items()]
    if "subtype" in values:
        fields["subtype"] = _subtype(values["subtype"], kind, errors)
    if "latitude" in values or "longitude" in values:
        fields["latitude"], fields["longitude"] = _point(values, commune, errors)
    if "website" in values:
        fields["website"] = _link(values["website"], errors)
    if "updated_on" in values:
        fields["updated_on"] = _day(values["updated_on"], errors)
    if "operator_siret" in values:
        operator = _structures(values["operator_siret"], "operator_siret", referential, errors)
        fields["operator_id"] = operator[0].pk if operator else None
    if "member_sirets" in values:
        place_row.members = _structures(values["member_sirets"], "member_sirets", referential, errors, many=True)
        if place_row.members and kind and kind != PlaceKind.PTCE:
            errors.append("member_sirets : seul un PTCE a des structures membres ; laissez la colonne vide.")
    place_row.fields = fields
    if not errors and commune is not None:
        place_row.existing = Place.objects.filter(
            kind=kind, search_name=fold(place_row.name)[:200], commune=commune
        ).first()
    return place_row


def _commune(text: str, referential: Referential, errors: list[str]) -> Commune | None:
    code = insee_code(text)
    if not code:
        return None
    commune = referential.commune(code) if len(code) <= 5 else None
    if commune is None:
        errors.append(f"commune_code : aucune commune, actuelle ou ancienne, n'a le code INSEE « {code[:20]} ».")
    return commune


def _subtype(text: str, kind: str, errors: list[str]) -> str:
    if not text:
        return ""
    subtype = SUBTYPES.get(fold(text), "")
    if not subtype:
        errors.append(f"subtype : « {text[:40]} » n'est pas un type de tiers-lieu ({', '.join(TiersLieuType.values)}).")
    elif kind == PlaceKind.PTCE:
        errors.append("subtype : seul un tiers-lieu a un type ; laissez la colonne vide pour un PTCE.")
    return subtype


def _point(values: dict[str, str], commune: Commune | None, errors: list[str]) -> tuple[float | None, float | None]:
    latitude = _degrees(values.get("latitude", ""), "latitude", errors)
    longitude = _degrees(values.get("longitude", ""), "longitude", errors)
    given = [bool(values.get("latitude")), bool(values.get("longitude"))]
    if any(given) and not all(given):
        errors.append("latitude et longitude vont ensemble : indiquez les deux, ou aucune.")
        return None, None
    if latitude is None or longitude is None:
        return None, None
    centre = None
    if commune is not None and commune.latitude is not None and commune.longitude is not None:
        centre = (commune.latitude, commune.longitude)
    problem = position_problem(latitude, longitude, centre=centre, commune=commune.name if commune else "")
    if problem:
        errors.append(f"latitude, longitude : {problem}.")
        return None, None
    return latitude, longitude


def _degrees(text: str, name: str, errors: list[str]) -> float | None:
    compact = text.replace(" ", "").removesuffix("°")
    if not compact:
        return None
    if not DEGREES.match(compact):
        errors.append(
            f"{name} : « {text[:30]} » n'est pas un nombre de degrés décimaux (par exemple 47,2064 ou -1,5632)."
        )
        return None
    return float(compact.replace(",", "."))


def _link(text: str, errors: list[str]) -> str:
    if not text:
        return ""
    if "://" not in text:
        text = f"https://{text}"
    try:
        _url(text)
    except ValidationError:
        errors.append(f"website : « {text[:60]} » n'est pas une adresse web valide.")
        return ""
    problem = field_problems(Place, {"website": text}).get("website")
    if problem:
        errors.append(f"website : {problem}.")
    return text


def _day(text: str, errors: list[str]) -> date | None:
    if not text:
        return None
    day = None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(text, pattern).date()
            break
        except ValueError:
            continue
    if day is None:
        errors.append(f"updated_on : « {text[:30]} » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA).")
        return None
    problem = day_problem(day)
    if not problem and day > timezone.localdate():
        problem = f"le {day.strftime('%d/%m/%Y')} est encore à venir : c'est la date où l'information a été vérifiée"
    if problem:
        errors.append(f"updated_on : {problem}.")
        return None
    return day


def _structures(
    text: str, column: str, referential: Referential, errors: list[str], *, many: bool = False
) -> list[Organisation]:
    """The directory's structures with these SIRETs (one, or several separated by `|`)."""
    tokens = split_list(text) if many else ([text] if text else [])
    found: list[Organisation] = []
    for token in tokens:
        try:
            siret = validate_siret(token)
        except InvalidIdentifier as exc:
            errors.append(f"{column} : « {token[:30]} » : {exc}")
            continue
        structure = referential.structure(siret)
        if structure is None:
            errors.append(
                f"{column} : aucune structure de l'annuaire n'a le SIRET {siret}. Ajoutez-la d'abord à l'annuaire "
                "(import_organisations ou administration), ou retirez ce SIRET."
            )
        elif structure not in found:
            found.append(structure)
    return found
