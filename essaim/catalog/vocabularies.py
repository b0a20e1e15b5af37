"""The catalogue's taxonomies that other modules reference by slug (a support request's need,
stage and status), registered into `core.registries.vocabularies`."""

from __future__ import annotations

from essaim.catalog.models import Audience, Need, Stage
from essaim.core.models import TaxonomyTerm
from essaim.core.registries import vocabularies


def _terms(model: type[TaxonomyTerm]) -> list[tuple[str, str]]:
    return list(model.objects.filter(is_obsolete=False).values_list("slug", "label"))  # type: ignore[attr-defined]


vocabularies.add("needs", lambda: _terms(Need), order=10)
vocabularies.add("stages", lambda: _terms(Stage), order=10)
vocabularies.add("audiences", lambda: _terms(Audience), order=10)
