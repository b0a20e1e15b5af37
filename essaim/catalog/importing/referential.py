"""What the rows of an offers file are checked against, read once for the whole file."""

from __future__ import annotations

from essaim.catalog.importing.columns import TAXONOMIES
from essaim.catalog.models import RefinementQuestion
from essaim.territories.models import Commune, Departement, Epci, Region


class Referential:
    """Everything rows are checked against, read once for the whole file."""

    def __init__(self) -> None:
        self.terms = {
            column: {term.slug: term for term in model.objects.filter(is_obsolete=False)}
            for column, model in TAXONOMIES.items()
        }
        self.questions = set(RefinementQuestion.objects.filter(is_obsolete=False).values_list("slug", flat=True))
        self.regions = dict(Region.objects.values_list("code", "name"))
        self.departements = dict(Departement.objects.values_list("code", "name"))
        self._epcis: dict[str, str] | None = None
        self._communes: dict[str, str] = {}

    def territory_name(self, kind: str, code: str) -> str | None:
        if kind == "region":
            return self.regions.get(code)
        if kind == "departement":
            return self.departements.get(code)
        if kind == "epci":
            if self._epcis is None:
                self._epcis = dict(Epci.objects.values_list("code", "name"))
            return self._epcis.get(code)
        if code not in self._communes:
            commune = Commune.objects.filter(code=code).values_list("name", flat=True).first()
            if commune is None:
                return None
            self._communes[code] = commune
        return self._communes[code]
