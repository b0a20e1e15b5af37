from collections.abc import Callable

from essaim.core.registries import reference_loaders
from essaim.diagnostics.loading import bank_load_file


@reference_loaders.register("référentiel des bonnes pratiques de l'ESS", order=45)
def load(log: Callable[[str], None]) -> None:
    loaded = bank_load_file()
    log(f"  {loaded.framework} : {loaded.created} items ajoutés, {loaded.updated} mis à jour.")
