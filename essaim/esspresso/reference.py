from collections.abc import Callable
from pathlib import Path

from essaim.core.registries import reference_loaders
from essaim.core.taxonomies import load_taxonomy
from essaim.esspresso.models import Sector, Topic

DATA = Path(__file__).parent / "data"


@reference_loaders.register("thèmes des rendez-vous ESSpresso", order=40)
def load(log: Callable[[str], None]) -> None:
    for filename, model in {"sectors.csv": Sector, "topics.csv": Topic}.items():
        count = load_taxonomy(model, DATA / filename)
        log(f"  {count} {model._meta.verbose_name_plural}.")
