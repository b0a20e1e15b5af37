"""`official_figures_import`: the tables of official figures (columns `annee, niveau_geo,
code_geo, famille, secteur, nb_etab_employeurs, postes_31_12, eqtp, masse_salariale`), every row
checked first, then all written or none. A row already imported from the same source (same year,
territory, family and sector) is replaced."""

from __future__ import annotations

from decimal import Decimal

from essaim.core.imports import ImportReport, Noun, Row, RowError
from essaim.core.imports.writing import all_or_nothing
from essaim.core.numbers import NumberInputError, parse_decimal
from essaim.observatory.models import OfficialFigure
from essaim.observatory.queries import LEVEL_CODES
from essaim.territories.models import Commune, Departement, Epci, Region

FIGURE = Noun("chiffre officiel", "chiffres officiels")
REQUIRED_COLUMNS = ["annee", "niveau_geo", "code_geo"]
OPTIONAL_COLUMNS = ["famille", "secteur", "nb_etab_employeurs", "postes_31_12", "eqtp", "masse_salariale"]
NUMBERS = {
    "nb_etab_employeurs": ("employer_establishments", 9, 0),
    "postes_31_12": ("jobs", 9, 0),
    "eqtp": ("full_time_equivalents", 11, 1),
    "masse_salariale": ("payroll", 16, 0),
}
TERRITORIES = {"region": Region, "departement": Departement, "epci": Epci, "commune": Commune}


def official_figures_import(*, rows: list[Row], source: str, dry_run: bool = False) -> ImportReport:
    report = ImportReport(FIGURE, dry_run=dry_run, lines_read=len(rows))
    source = source.strip()
    if not source or len(source) > 250:
        report.error(
            1,
            "Indiquez la source des chiffres (250 caractères au plus), par exemple « INSEE, Flores 2022, commande de la CRESS ».",
        )
        return report
    known = {level: set(model.objects.values_list("code", flat=True)) for level, model in TERRITORIES.items()}
    checked: list[dict[str, object]] = []
    seen: dict[tuple[object, ...], int] = {}
    for row in rows:
        if row.problem:
            report.errors.append(RowError(row.line, row.problem + "."))
            continue
        values, errors = row.values, []
        year_text = values.get("annee", "")
        year = int(year_text) if year_text.isascii() and year_text.isdigit() and len(year_text) == 4 else None
        if year is None or not 1990 <= year <= 2200:
            errors.append(f"annee : « {year_text[:20]} » n'est pas une année (par exemple 2022).")
        level = values.get("niveau_geo", "").strip().lower()
        if level not in LEVEL_CODES:
            errors.append(f"niveau_geo : « {level[:20]} » n'est pas un niveau (region, departement, epci ou commune).")
        code = values.get("code_geo", "").strip()
        if level in LEVEL_CODES and code not in known[level]:
            errors.append(f"code_geo : aucun territoire de niveau {level} n'a le code « {code[:20]} ».")
        fields: dict[str, object] = {
            "family": values.get("famille", "").strip()[:40],
            "sector": values.get("secteur", "").strip()[:80],
        }
        for column, (name, digits, decimals) in NUMBERS.items():
            text = values.get(column, "")
            if not text:
                fields[name] = None
                continue
            try:
                number = parse_decimal(text, integer_digits=digits, decimals=decimals)
            except NumberInputError as refused:
                errors.append(f"{column} : {refused}")
                continue
            if number < 0:
                errors.append(f"{column} : un nombre positif est attendu.")
            fields[name] = int(number) if decimals == 0 else Decimal(number)
        identity = (year, level, code, fields["family"], fields["sector"])
        if not errors and identity in seen:
            errors.append(f"ces chiffres figurent déjà à la ligne {seen[identity]}.")
        seen.setdefault(identity, row.line)
        report.errors.extend(RowError(row.line, message) for message in errors)
        checked.append({"year": year, "level": level, "code": code, **fields})
    if report.errors:
        return report
    with all_or_nothing(dry_run=dry_run):
        for values in checked:
            keys = {name: values.pop(name) for name in ("year", "level", "code", "family", "sector")}
            _figure, created = OfficialFigure.objects.update_or_create(source=source, **keys, defaults=values)
            report.count("created" if created else "updated")
    return report
