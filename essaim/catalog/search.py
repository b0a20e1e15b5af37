"""Free search in the catalogue: stems, synonyms and filters, the same on SQLite and PostgreSQL.

Each word of the query must match (through its stem or a synonym's stem) somewhere in the offer;
relevance weighs where each word occurs (title, summary, description, then the operator and the
taxonomy labels) and how often (see `text_search.word_score`).

The search reads the in-memory index of the published catalogue (`index.current()`): the stored
stems, inverted, and each offer's matching profile and card. Only the offers of the page shown
are then read from the database.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, overload

from essaim.catalog import index, matching, text_search
from essaim.catalog.models import Offer, Synonym


def synonyms_table() -> dict[str, list[str]]:
    """{folded word: [folded synonyms]}, both ways: "asso" finds "association" and back."""
    table: dict[str, list[str]] = {}
    for synonym in Synonym.objects.all():
        group = [synonym.term, *synonym.words]
        for word in group:
            table.setdefault(word, [])
            table[word].extend(other for other in group if other != word and other not in table[word])
    return table


class OfferResults(Sequence[Offer]):
    """The offers found, in order, read from the database a slice at a time (a paginator asks
    for its page only), with everything a list of offers displays."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def count(self, value: Any = None) -> int:  # type: ignore[override]  # Paginator's count()
        return len(self.ids)

    @overload
    def __getitem__(self, position: int) -> Offer: ...
    @overload
    def __getitem__(self, position: slice) -> list[Offer]: ...
    def __getitem__(self, position: int | slice) -> Offer | list[Offer]:
        if isinstance(position, int):
            return self[position : position + 1 or None][0]
        wanted = self.ids[position]
        offers = Offer.objects.with_relations().in_bulk(wanted)
        return [offers[offer_id] for offer_id in wanted if offer_id in offers]

    def __iter__(self) -> Iterator[Offer]:
        return iter(self[:])


def _accepts(accepted: frozenset[str], term: Any) -> bool:
    """An offer without constraint on an axis accepts every value."""
    return term is None or not accepted or term.slug in accepted


def search_offers(data: dict[str, Any], *, today: date) -> tuple[OfferResults, list[list[str]]]:
    """Visible offers (published, not expired) filtered by the search form's cleaned data,
    sorted as asked; also the query terms (for highlighting)."""
    catalogue = index.current()
    terms = text_search.query_terms(data.get("q") or "", synonyms_table())
    commune = data.get("commune")
    ids = catalogue.offers.near(commune.places if commune is not None else None)
    if terms:
        ids &= catalogue.text.matching(terms)
    offer_type, operator = data.get("type"), data.get("operator")
    found = []
    for offer_id in ids:
        profile, card = catalogue.profiles[offer_id], catalogue.cards[offer_id]
        if not (profile.permanent or profile.deadline is None or profile.deadline >= today):
            continue
        if not (
            _accepts(profile.stages, data.get("stage"))
            and _accepts(profile.needs, data.get("need"))
            and _accepts(profile.audiences, data.get("audience"))
            and _accepts(profile.sectors, data.get("sector"))
        ):
            continue
        if offer_type is not None and offer_type.slug not in card.offer_types:
            continue
        if operator is not None and card.operator_id != operator.pk:
            continue
        if data.get("open_now") and not matching.is_open(profile, today):
            continue
        found.append(offer_id)
    return OfferResults(_sorted(found, catalogue, terms, data.get("sort") or "")), terms


def _sorted(ids: list[int], catalogue: index.CatalogueIndex, terms: list[list[str]], sort: str) -> list[int]:
    """Relevance first when there are words (then freshness), else freshness; or the nearest
    deadline first (offers without one last). Ties: title, then id."""
    profiles, cards = catalogue.profiles, catalogue.cards

    ids = sorted(ids, key=lambda offer_id: (cards[offer_id].sort_title, offer_id))
    if sort == "echeance":
        return sorted(ids, key=lambda offer_id: profiles[offer_id].deadline or date.max)
    ids.sort(key=lambda offer_id: profiles[offer_id].updated_on, reverse=True)
    if terms and sort in ("", "pertinence"):
        relevance = catalogue.text.relevance(terms, ids)
        ids.sort(key=lambda offer_id: relevance[offer_id], reverse=True)
    return ids
