"""Demo observatory: a SIRENE extract generated in the official format for the région of
`ESSAIM_REGION` (`demo_extract.py`, fictitious units in realistic proportions), dated the first
day of the month the demo loads, then imported like real files by `import_sirene`. The figures
are those of the generated extract, never the région's real ones; the pages say so."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from django.utils import timezone

from essaim.core.registries import demo_loaders
from essaim.observatory.demo_extract import write_demo_extract
from essaim.observatory.demo_extract_places import DemoCommune
from essaim.observatory.loading import perimeter_load
from essaim.observatory.models import OfficialFigure
from essaim.observatory.services import sirene_import
from essaim.organisations.demo import demo_region
from essaim.territories.models import Commune, CommuneAlias

ESTABLISHMENTS = 20_000
OLD_CODES = 30


def demo_communes(region: str) -> list[DemoCommune]:
    return [
        DemoCommune(code=code, population=population, latitude=latitude, longitude=longitude, name=name)
        for code, population, latitude, longitude, name in Commune.objects.in_region(region)
        .exclude(latitude=None)
        .values_list("code", "population", "latitude", "longitude", "name")
        .order_by("code")
    ]


@demo_loaders.register("observatoire", order=80)
def load(log: Callable[[str], None]) -> None:
    region = demo_region()
    communes = demo_communes(region)
    if not communes:
        log("  Observatoire : aucune commune de la région dans le référentiel (lancez setup_reference).")
        return
    perimeter_load()
    old_codes = dict(
        CommuneAlias.objects.filter(commune__departement__region__code=region)
        .order_by("code")
        .values_list("code", "commune__code")[:OLD_CODES]
    )
    vintage = timezone.localdate().replace(day=1)
    with tempfile.TemporaryDirectory(prefix="essaim-demo-sirene-") as directory:
        files = write_demo_extract(
            Path(directory),
            communes=communes,
            vintage=vintage,
            seed=f"essaim-{region}",
            establishments=ESTABLISHMENTS,
            old_codes=old_codes,
        )
        run = sirene_import(
            units=files.unites_legales,
            establishments=files.etablissements,
            geolocation=files.geolocalisation,
            region=region,
            demo=True,
            log=lambda message: None,
        )
    if region == "52":
        _official_pays_de_la_loire()
    log(
        f"  Observatoire : extrait SIRENE de démonstration ({ESTABLISHMENTS} établissements) importé ; "
        f"{run.quality['establishments']} établissements de l'ESS, dont {run.quality['employer_establishments']} employeurs."
    )


# Published figures of the Pays de la Loire, with their source and year (research note, §2.6).
PAYS_DE_LA_LOIRE = [
    (
        "ORES Pays de la Loire, d'après INSEE (CLAP)",
        2015,
        {"employer_establishments": 15419, "jobs": 165413},
    ),
    (
        "INSEE Analyses Pays de la Loire et CRESS, novembre 2025",
        2022,
        {"employer_establishments": 14500, "full_time_equivalents": 153100},
    ),
]


def _official_pays_de_la_loire() -> None:
    for source, year, figures in PAYS_DE_LA_LOIRE:
        OfficialFigure.objects.update_or_create(
            source=source, year=year, level="region", code="52", family="", sector="", defaults=figures
        )
