"""The catalogue's taxonomies that other modules reference by slug (a support request's need,
stage and status), registered into `core.registries.vocabularies`."""

from __future__ import annotations

from essaim.catalog.models import Audience, Need, Stage
from essaim.core.models import TaxonomyTerm
from essaim.core.registries import vocabularies


def _terms(model: type[TaxonomyTerm], current_only: bool) -> list[tuple[str, str]]:
    terms = model.objects.all()  # type: ignore[attr-defined]
    if current_only:
        terms = terms.filter(is_obsolete=False)
    return list(terms.values_list("slug", "label"))


vocabularies.add("needs", lambda current_only: _terms(Need, current_only), order=10)
vocabularies.add("stages", lambda current_only: _terms(Stage, current_only), order=10)
vocabularies.add("audiences", lambda current_only: _terms(Audience, current_only), order=10)
