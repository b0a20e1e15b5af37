"""What a territory's page and its printed portrait show: its figures, with their sources, and
what the other modules have there. Shared by the page and the PDF, so they never disagree."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from essaim.core.charts import bar_chart, french_number
from essaim.core.maps import choropleth, feature_collection
from essaim.core.pdf import tagged_pdf
from essaim.core.registries import sections_for_territory
from essaim.observatory import queries
from essaim.observatory.models import SireneImport
from essaim.observatory.perimeter import FAMILIES
from essaim.observatory.sectors import ESS_SECTORS, OTHER_LABEL, OTHER_SECTOR
from essaim.organisations.sizes import SIZE_GROUPS, size_group
from essaim.places.models import Place

FAMILY_LABELS = dict(FAMILIES)
SECTOR_LABELS = {code: label for code, (label, _divisions) in ESS_SECTORS.items()} | {OTHER_SECTOR: OTHER_LABEL}
SIZE_LABELS = dict(SIZE_GROUPS)


def _sizes(bands: dict[str, int]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for band, count in bands.items():
        group = size_group(band)
        if group and group != "sans_salarie":
            counts[group] = counts.get(group, 0) + count
    return [(label, counts[value]) for value, label in SIZE_GROUPS if counts.get(value)]


def _comparison(
    found: dict[str, Any], level: str, parents: dict[tuple[str, str], dict[str, Any]]
) -> list[dict[str, Any]]:
    """The territory beside the larger ones it belongs to (région, France)."""
    rows = [found]
    for (parent_level, _code), parent in reversed(parents.items()):
        if parent_level in ("region", "france") and parent_level != level:
            rows.append(parent)
    # Files of one région only (the demo, or an extract) would make France look empty.
    if len(rows) > 1 and rows[-1]["level"] == "france":
        regions = [row for row in rows if row["level"] == "region"] or [found]
        if rows[-1]["establishments"] <= regions[0]["establishments"] and level != "france":
            rows.pop()
    return rows


def territory_context(level: str, code: str, run: SireneImport | None) -> dict[str, Any] | None:
    """The page's context, or None when the territory has no figures in `run`."""
    found = queries.territory(level, code, run) if run else None
    context: dict[str, Any] = {"run": run, "level": level, "level_label": queries.LEVEL_LABELS[level], "found": found}
    if run is not None and found is None:
        return None
    if found:
        # Each larger territory read once, for the breadcrumb and the comparison.
        parents = {
            (parent_level, parent_code): parent
            for parent_level, parent_code in queries.parents(level, code)
            if (parent := queries.territory(parent_level, parent_code, run))
        }
        families = [(FAMILY_LABELS[key], value) for key, value in found["employer_establishments_by_family"].items()]
        sectors = [
            (SECTOR_LABELS.get(key, OTHER_LABEL), value)
            for key, value in found["employer_establishments_by_sector"].items()
        ]
        sectors.sort(key=lambda pair: -pair[1])
        context |= {
            "families": families,
            "family_chart": bar_chart(families),
            "sectors": sectors,
            "sector_chart": bar_chart(sectors),
            "sizes": _sizes(found["employer_establishments_by_band"]),
            "comparison": _comparison(found, level, parents),
            "breadcrumb": [("Observatoire", reverse("observatory:home"))]
            + [
                (parent["name"], reverse("observatory:territory", args=[parent_level, parent_code]))
                for (parent_level, parent_code), parent in parents.items()
                if parent_level != "france"
            ],
            "children": queries.children(level, code, run)[:40],
            "child_label": queries.LEVEL_LABELS.get(queries.CHILD_LEVEL.get(level, ""), ""),
            "children_label": queries.PLURAL_LABELS.get(queries.CHILD_LEVEL.get(level, ""), ""),
            "level_plural": queries.PLURAL_LABELS.get(level, ""),
            "history": queries.history(level, code),
            "official": queries.official(level, code),
            "sections": sections_for_territory(level, code, queries.communes_in(level, code)),
            "places": Place.objects.active().in_territory(level, code).select_related("commune").order_by("name")[:50],
        }
    return context


def portrait_pdf(context: dict[str, Any]) -> bytes:
    """The portrait of a territory for the ESS tour: a tagged PDF (PDF/UA) of its figures,
    families and sectors, official figures, places, offers and meetings."""
    html = render_to_string("observatory/print/portrait.html", {**context, "generated_on": timezone.localdate()})
    return tagged_pdf(html)


MAP_INDICATORS = {
    "densite": (
        "Établissements employeurs de l'ESS pour 10 000 habitants",
        "employer_establishments_per_10000_inhabitants",
    ),
    "couverture": ("Part des communes ayant au moins un établissement employeur de l'ESS (%)", "coverage_percent"),
}
MAP_LEVELS = {"epci": "Intercommunalités", "commune": "Communes"}


def region_map(region: str, level: str, indicator: str, run: SireneImport) -> dict[str, Any]:
    """The choropleth of the région's EPCI or communes for one indicator: the GeoJSON, its legend
    and the rows of the table beside it (the same figures)."""
    caption, key = MAP_INDICATORS[indicator]
    rows = []
    for item in queries.region_territories(region, level, run):
        value = (
            round(100 * item["share_communes_with_employer"], 1)
            if key == "coverage_percent"
            else item["employer_establishments_per_10000_inhabitants"]
        )
        rows.append({**item, "value": value})
    scale = choropleth([row["value"] for row in rows], 5, decimals=1)
    outlines = queries.outlines(level, [row["code"] for row in rows])
    areas = [
        (
            outlines.get(row["code"], ""),
            {
                "name": row["name"],
                "label": f"{french_number(row['value'], 1)}" if row["value"] is not None else "pas de donnée",
                "value": row["value"],
                **scale.properties(position),
            },
        )
        for position, row in enumerate(rows)
    ]
    return {"caption": caption, "rows": rows, "legend": scale.legend, "collection": feature_collection(areas=areas)}
