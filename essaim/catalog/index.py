"""An in-memory index of the published catalogue, kept per process, for fast orientation and
text search.

Building it reads the catalogue in a fixed number of queries; each request then checks one
cheap "version" query (latest change of an offer, number of offers, latest change of a
structure) and rebuilds only when one of them moved. Every write path saves the Offer row (import,
form, admin, status change), which moves its `updated_at`; a card also shows its operator's name,
so a structure renamed anywhere (directory import, admin) moves the version too. A change is thus
seen by every web process at its next request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from essaim.catalog import matching, text_search
from essaim.catalog.models import Offer, OfferType
from essaim.catalog.profiles import profiles
from essaim.core.text import fold
from essaim.organisations.models import Organisation
from essaim.territories.places import Places


@dataclass(frozen=True)
class Card:
    """What a list of results shows without reading the offer again."""

    id: int
    external_id: str | None
    title: str
    operator: str
    offer_types: tuple[str, ...]
    operator_id: int | None = None
    sort_title: str = ""  # folded, for an order that ignores case and accents
    financing: bool = False  # one of its types is a kind of financing (the results' first group)


@dataclass
class CatalogueIndex:
    version: tuple[Any, ...]
    offers: matching.OfferIndex = field(default_factory=matching.OfferIndex)
    cards: dict[int, Card] = field(default_factory=dict)
    text: text_search.TextIndex = field(default_factory=text_search.TextIndex)

    @property
    def profiles(self) -> dict[int, matching.OfferProfile]:
        return self.offers.profiles

    def candidates(self, place: Places | None) -> list[matching.OfferProfile]:
        """Profiles of the offers whose territory may contain the place (all without a place)."""
        return [self.offers.profiles[offer_id] for offer_id in self.offers.near(place)]

    def orient(self, answers: matching.Answers) -> list[matching.Match]:
        return self.offers.orient(answers)


_lock = threading.Lock()
_current: CatalogueIndex | None = None


def _version() -> tuple[Any, ...]:
    """(latest change, number of offers, latest change of a structure), in one round trip:
    scalar subqueries that each use an index, where one aggregate would read the whole table."""
    offers = connection.ops.quote_name(Offer._meta.db_table)
    structures = connection.ops.quote_name(Organisation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX(updated_at) FROM {offers}), (SELECT COUNT(*) FROM {offers}),"
            f" (SELECT MAX(updated_at) FROM {structures})"
        )
        latest, count, structure_latest = cursor.fetchone()
    # SQLite returns the dates as text; the version only needs to change when they do.
    return (latest, count, structure_latest)


def build(version: tuple[Any, ...]) -> CatalogueIndex:
    published = Offer.objects.published()
    index = CatalogueIndex(version=version)
    for profile in profiles(published):
        index.offers.add(profile)
    types: dict[int, list[str]] = {}
    financing: set[int] = set()
    for offer_id, slug, kind in Offer.offer_types.through.objects.filter(offer__in=published).values_list(
        "offer_id", "offertype__slug", "offertype__kind"
    ):
        types.setdefault(offer_id, []).append(slug)
        if kind == OfferType.Kind.FINANCEMENT:
            financing.add(offer_id)
    rows = published.values_list(
        "pk",
        "external_id",
        "title",
        "operator__name",
        "operator_id",
        "search_document",
        "search_title",
        "search_summary",
        "search_description",
    )
    for offer_id, external_id, title, operator, operator_id, document, *sequences in rows:
        index.cards[offer_id] = Card(
            offer_id,
            external_id,
            title,
            operator,
            tuple(sorted(types.get(offer_id, ()))),
            operator_id,
            fold(title),
            offer_id in financing,
        )
        index.text.add(offer_id, document=document, fields=dict(zip(text_search.FIELD_WEIGHTS, sequences, strict=True)))
    return index


def current() -> CatalogueIndex:
    """The index of the catalogue as it is now (rebuilt when it changed since last time)."""
    global _current
    version = _version()
    index = _current
    if index is not None and index.version == version:
        return index
    with _lock:
        if _current is None or _current.version != version:
            _current = build(version)
        return _current
