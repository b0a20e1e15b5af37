"""Matching profiles read from the database: the bridge between offers and `catalog/matching.py`."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from essaim.catalog import matching
from essaim.catalog.models import Offer, OfferTerritory
from essaim.territories.places import Territory

RELATED = {"stages": "stage", "needs": "need", "audiences": "audience", "sectors": "sector"}


def profiles(offers: QuerySet[Offer]) -> list[matching.OfferProfile]:
    """Matching profiles of the offers, read in a fixed number of queries whatever their count."""
    ids = offers.values("pk")
    terms: dict[str, dict[int, set[str]]] = {}
    for name, term in RELATED.items():
        through = getattr(Offer, name).through
        by_offer: dict[int, set[str]] = defaultdict(set)
        for offer_id, slug in through.objects.filter(offer_id__in=ids).values_list("offer_id", f"{term}__slug"):
            by_offer[offer_id].add(slug)
        terms[name] = by_offer
    territories: dict[int, list[Territory]] = defaultdict(list)
    for offer_id, kind, code in OfferTerritory.objects.filter(offer_id__in=ids).values_list("offer_id", "kind", "code"):
        territories[offer_id].append(Territory(kind, code))
    rows = offers.values_list(
        "pk",
        "min_years",
        "max_years",
        "min_employees",
        "max_employees",
        "opens_on",
        "deadline",
        "recurrence",
        "required_answers",
        "reviewed_on",
    )
    return [
        matching.OfferProfile(
            id=pk,
            stages=frozenset(terms["stages"].get(pk, ())),
            needs=frozenset(terms["needs"].get(pk, ())),
            audiences=frozenset(terms["audiences"].get(pk, ())),
            sectors=frozenset(terms["sectors"].get(pk, ())),
            territories=tuple(territories.get(pk, ())),
            min_years=min_years,
            max_years=max_years,
            min_employees=min_employees,
            max_employees=max_employees,
            opens_on=opens_on,
            deadline=deadline,
            permanent=recurrence == Offer.Recurrence.PERMANENTE,
            required_answers=required_answers or {},
            updated_on=reviewed_on,
        )
        for pk, min_years, max_years, min_employees, max_employees, opens_on, deadline, recurrence, required_answers, reviewed_on in rows
    ]
