"""What the rows of an offers file are checked against, read once for the whole file."""

from __future__ import annotations

from essaim.catalog.models import TAXONOMY_MODELS, RefinementQuestion
from essaim.territories.names import TerritoryNames


class Referential:
    """Everything rows are checked against, read once for the whole file."""

    def __init__(self) -> None:
        self.terms = {
            column: {term.slug: term for term in model._default_manager.filter(is_obsolete=False)}
            for column, model in TAXONOMY_MODELS.items()
        }
        self.questions = set(RefinementQuestion.objects.filter(is_obsolete=False).values_list("slug", flat=True))
        self.territories = TerritoryNames()

    def territory_name(self, kind: str, code: str) -> str | None:
        return self.territories.name(kind, code)
