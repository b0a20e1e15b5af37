"""The figures of the CRESS's gaps dashboard (reads only)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q

from essaim.catalog import coverage
from essaim.catalog.freshness import offer_quality
from essaim.catalog.models import Need, Offer, OfferEvent, SearchLog, Stage
from essaim.catalog.profiles import profiles
from essaim.territories.models import Departement
from essaim.territories.places import Places

WINDOW_DAYS = 90


@dataclass
class CoverageTable:
    departement: Departement
    stages: list[Stage]
    needs: list[Need]
    rows: list[tuple[Stage, list[int]]]
    empty_cells: int


def coverage_table(departement: Departement, today: date) -> CoverageTable:
    stages = list(Stage.objects.filter(is_obsolete=False))
    needs = list(Need.objects.filter(is_obsolete=False))
    place = Places(commune="", departement=departement.code, region=departement.region.code)
    matrix = coverage.coverage_matrix(
        profiles(Offer.objects.published()),
        stages=[stage.slug for stage in stages],
        needs=[need.slug for need in needs],
        place=place,
        today=today,
    )
    rows = [(stage, [matrix[(stage.slug, need.slug)] for need in needs]) for stage in stages]
    return CoverageTable(
        departement=departement,
        stages=stages,
        needs=needs,
        rows=rows,
        empty_cells=sum(1 for value in matrix.values() if value == 0),
    )


def fruitless_searches(since: Any, limit: int = 20) -> list[tuple[dict[str, Any], int]]:
    """The most frequent criteria of searches that found nothing."""
    counter: Counter[str] = Counter()
    for criteria in SearchLog.objects.filter(result_count=0, created_at__gte=since).values_list("criteria", flat=True):
        counter[json.dumps(criteria, sort_keys=True, ensure_ascii=False)] += 1
    return [(json.loads(criteria), count) for criteria, count in counter.most_common(limit)]


def offer_activity(since: Any, limit: int = 10) -> list[Offer]:
    """Offers most viewed since that moment, with their view and click counts."""
    return list(
        Offer.objects.annotate(
            views=Count("events", filter=Q(events__kind=OfferEvent.Kind.VIEW, events__created_at__gte=since)),
            applies=Count("events", filter=Q(events__kind=OfferEvent.Kind.APPLY, events__created_at__gte=since)),
            contacts=Count("events", filter=Q(events__kind=OfferEvent.Kind.CONTACT, events__created_at__gte=since)),
        )
        .filter(views__gt=0)
        .order_by("-views", "title")[:limit]
    )


def weakest_offers(today: date, limit: int = 15) -> list[tuple[Offer, Any]]:
    """Published offers with the lowest quality score, and what they miss."""
    scored = [(offer, offer_quality(offer, today)) for offer in Offer.objects.published().with_relations()]
    scored.sort(key=lambda item: (item[1].score, item[0].title))
    return scored[:limit]


def since(now: datetime) -> datetime:
    """The start of the statistics window."""
    return now - timedelta(days=WINDOW_DAYS)
