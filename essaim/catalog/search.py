"""Free search in the catalogue: stems, synonyms and filters, the same on SQLite and PostgreSQL.

Each word of the query must match (through its stem or a synonym's stem) somewhere in the offer;
relevance weighs where each word occurs (title, summary, description, then the operator and the
taxonomy labels) and how often (see `text_search.word_score`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.functions import Cast, Length, Replace

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


# The stored stem sequences read by the ranking, by field of `text_search.FIELD_WEIGHTS`.
RANKED_COLUMNS = {"title": "search_title", "summary": "search_summary", "description": "search_description"}


def _occurrences(column: str, stems: list[str]) -> Any:
    """SQL for how many times the stems start a word of a stored stem sequence: the length the
    sequence loses when " stem" is removed, divided by the length of " stem"."""
    total: Any = Value(0.0)
    for value in stems:
        needle = f" {value}"
        removed = Length(column) - Length(Replace(column, Value(needle), Value("")))
        total = total + Cast(removed, FloatField()) / Value(float(len(needle)))
    return total


def _with_relevance(offers: QuerySet[Offer], terms: list[list[str]]) -> QuerySet[Offer]:
    """Annotate `relevance`: the sum over the query words of `text_search.word_score`, in SQL."""
    relevance: Any = Value(0.0)
    for stems in terms:
        relevance = relevance + Value(text_search.FOUND_ELSEWHERE)
        for field, weight in text_search.FIELD_WEIGHTS.items():
            count = _occurrences(RANKED_COLUMNS[field], stems)
            relevance = relevance + Value(weight) * count / (count + Value(1.0))
    return offers.annotate(relevance=Cast(relevance, FloatField()))


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
