"""The demo catalogue: real schemes of Pays de la Loire and Centre-Val de Loire, in our words."""

from collections.abc import Callable
from pathlib import Path

from essaim.catalog.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, offers_import
from essaim.core.imports import read_csv_file
from essaim.core.registries import demo_loaders

DEMO_FILE = Path(__file__).parent / "demo_data" / "offers.csv"


@demo_loaders.register("catalogue", order=30)
def load(log: Callable[[str], None]) -> None:
    rows = read_csv_file(DEMO_FILE, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    report = offers_import(rows=rows)
    if not report.ok:
        raise RuntimeError("Le catalogue de démonstration est invalide : " + "; ".join(map(str, report.errors)))
    log(f"  Offres : {report.summary()}")
