from collections.abc import Callable

from essaim.core.registries import reference_loaders
from essaim.observatory.loading import perimeter_load


@reference_loaders.register("perimetre-ess", order=60)
def load(log: Callable[[str], None]) -> None:
    perimeter, created = perimeter_load()
    included = perimeter.categories.filter(included=True).count()
    state = "chargé" if created else "déjà à jour"
    log(
        f"  Périmètre de l'ESS {state} : {included} catégories juridiques, {perimeter.excluded_activities.count()} activités exclues."
    )
