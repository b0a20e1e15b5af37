from collections.abc import Callable
from pathlib import Path

from essaim.core.registries import reference_loaders
from essaim.core.taxonomies import load_taxonomy
from essaim.organisations.models import OrganisationRole

DATA = Path(__file__).parent / "data"


@reference_loaders.register("rôles des structures", order=20)
def load(log: Callable[[str], None]) -> None:
    log(f"  {load_taxonomy(OrganisationRole, DATA / 'roles.csv')} rôles.")
