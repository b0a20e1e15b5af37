"""Free search in the catalogue: stems, synonyms and filters, the same on SQLite and PostgreSQL.

Each word of the query must match (through its stem or a synonym's stem) somewhere in the offer;
relevance counts a match in the title three times, elsewhere once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from essaim.catalog import text_search
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


def _word_query(field: str, stems: list[str]) -> Q:
    query = Q()
    for stem in stems:
        query |= Q(**{f"{field}__contains": f" {stem}"})
    return query


def matching_text(offers: QuerySet[Offer], terms: list[list[str]]) -> QuerySet[Offer]:
    """Offers that contain every query word (through one of its stems)."""
    for stems in terms:
        offers = offers.filter(_word_query("search_document", stems))
    return offers


def _with_relevance(offers: QuerySet[Offer], terms: list[list[str]]) -> QuerySet[Offer]:
    """Annotate `relevance`: three points per word found in the title, one elsewhere."""
    relevance: Any = Value(0)
    for stems in terms:
        relevance = relevance + Case(
            When(_word_query("search_title", stems), then=Value(3)), default=Value(1), output_field=IntegerField()
        )
    return offers.annotate(relevance=relevance)


def search_offers(data: dict[str, Any], *, today: date) -> tuple[QuerySet[Offer], list[list[str]]]:
    """Visible offers filtered by the search form's cleaned data, sorted as asked; also the
    query terms (for highlighting)."""
    offers = Offer.objects.visible_on(today)
    terms = text_search.query_terms(data.get("q") or "", synonyms_table())
    if terms:
        offers = matching_text(offers, terms)
    for field, relation in (
        ("stage", "stages"),
        ("need", "needs"),
        ("audience", "audiences"),
        ("sector", "sectors"),
    ):
        term = data.get(field)
        if term is not None:
            # An offer without constraint on this axis accepts every value.
            offers = offers.filter(Q(**{relation: term}) | Q(**{f"{relation}__isnull": True}))
    if data.get("type") is not None:
        offers = offers.filter(offer_types=data["type"])
    if data.get("operator") is not None:
        offers = offers.filter(operator=data["operator"])
    if data.get("open_now"):
        offers = offers.open_on(today)
    commune = data.get("commune")
    if commune is not None:
        offers = offers.covering(commune.places)
    # Filters on relations may repeat an offer: select the ids in a subquery rather than DISTINCT
    # over whole rows (long texts make DISTINCT slow).
    offers = Offer.objects.filter(pk__in=offers.values("pk"))
    if terms:
        offers = _with_relevance(offers, terms)
    sort = data.get("sort") or ("pertinence" if terms else "fraicheur")
    if sort == "echeance":
        order = [F("deadline").asc(nulls_last=True), "title"]
    elif sort == "pertinence" and terms:
        order = ["-relevance", "-reviewed_on", "title"]
    else:
        order = ["-reviewed_on", "title"]
    return offers.order_by(*order), terms
