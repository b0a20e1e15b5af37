from collections.abc import Callable
from pathlib import Path

from essaim.catalog.models import Audience, Need, OfferType, RefinementQuestion, Sector, Stage
from essaim.core.registries import reference_loaders
from essaim.core.taxonomies import load_taxonomy

DATA = Path(__file__).parent / "data"
TAXONOMY_FILES = {
    "stages.csv": Stage,
    "needs.csv": Need,
    "offer_types.csv": OfferType,
    "audiences.csv": Audience,
    "sectors.csv": Sector,
    "questions.csv": RefinementQuestion,
}


@reference_loaders.register("taxonomies du catalogue", order=30)
def load(log: Callable[[str], None]) -> None:
    for filename, model in TAXONOMY_FILES.items():
        count = load_taxonomy(model, DATA / filename)
        log(f"  {count} {model._meta.verbose_name_plural}.")
