"""Finding, or creating, the organisation that runs an imported offer."""

from __future__ import annotations

from essaim.catalog.importing.columns import ROLE_BY_KIND
from essaim.core.text import fold
from essaim.organisations.models import Organisation, OrganisationRole


class OperatorResolver:
    """Finds the operator of a row by SIRET, then by name; creates it when unknown, with the
    role its offers call for (funder, support operator)."""

    def __init__(self) -> None:
        self.roles = {role.slug: role for role in OrganisationRole.objects.all()}
        self.cache: dict[tuple[str, str], Organisation] = {}

    def find(self, name: str, siret: str) -> Organisation | None:
        """The operator the directory already knows for this row, if any (nothing is created)."""
        key = (siret, fold(name))
        if key in self.cache:
            return self.cache[key]
        return (Organisation.objects.filter(siret=siret).first() if siret else None) or (
            Organisation.objects.filter(search_name=fold(name)).order_by("pk").first()
        )

    def get(self, name: str, siret: str, kinds: set[str]) -> Organisation:
        key = (siret, fold(name))
        operator = self.cache.get(key)
        if operator is None:
            operator = self.find(name, siret)
            if operator is None:
                operator = Organisation.objects.create(name=name, siret=siret)
            self.cache[key] = operator
        wanted = [self.roles[ROLE_BY_KIND[kind]] for kind in kinds if ROLE_BY_KIND[kind] in self.roles]
        operator.roles.add(*wanted)
        return operator
