"""Where the observatory shows up outside its module: the strategy's context indicators (ESS
employer establishments of the région, share of its communes covered), read at the end of the
period from the last complete import of files processed by then, and the home page's figure."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from essaim.core.registries import Figure, PlatformMetric, home_figures, platform_metrics
from essaim.observatory.models import SireneImport, TerritoryFigures


def _region_figures(region_code: str, end: date | None = None) -> dict[str, int] | None:
    runs = SireneImport.objects.complete()
    if end is not None:
        runs = runs.filter(vintage__lte=end)
    run = runs.order_by("-vintage", "-finished_at").first()
    if run is None:
        return None
    row = TerritoryFigures.objects.filter(sirene_import=run, level="region", code=region_code).first()
    return row.figures if row else None


def employer_establishments(region_code: str, start: date, end: date) -> int:
    figures = _region_figures(region_code, end)
    return figures["employer_establishments"] if figures else 0


def share_of_communes_covered(region_code: str, start: date, end: date) -> float:
    figures = _region_figures(region_code, end)
    if not figures or not figures["communes"]:
        return 0.0
    return round(100 * figures["communes_with_employer"] / figures["communes"], 1)


@home_figures.register("observatoire", order=50)
def home(region_code: str) -> list[Figure]:
    figures = _region_figures(region_code)
    if not figures:
        return []
    return [
        Figure(
            figures["employer_establishments"],
            "établissements employeurs de l'ESS",
            url=reverse("observatory:territory", args=["region", region_code]),
            singular="établissement employeur de l'ESS",
        )
    ]


platform_metrics.add(
    "observatoire.etablissements_employeurs",
    PlatformMetric("Établissements employeurs de l'ESS (base Sirene)", "établissements", employer_establishments),
    order=50,
)
platform_metrics.add(
    "observatoire.communes_couvertes",
    PlatformMetric(
        "Part des communes ayant au moins un établissement employeur de l'ESS (base Sirene)",
        "%",
        share_of_communes_covered,
    ),
    order=51,
)
