"""Plain dictionaries for the JSON API (the shapes are described in openapi.py).

Rows are read with `values()` in one query and the taxonomy slugs and territories come from the
in-memory index of the published catalogue (`catalog/index.py`): no model instances, no
prefetching, which costs far more than the query itself for a page of 50 offers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from essaim.catalog import index
from essaim.catalog.models import CONTENT_FIELDS, Offer

ROW_FIELDS = [
    "pk",
    "slug",
    "external_id",
    *CONTENT_FIELDS,
    "operator_id",
    "operator__name",
    "operator__siret",
    "parent_id",
    "reviewed_on",
]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def published_offers_to_dicts(offers: QuerySet[Offer], order: Sequence[int] = ()) -> list[dict[str, Any]]:
    """The offers as the API shows them, in the queryset's order, or in the order of the ids in
    `order`. Only published offers have a place in the index: call this on published offers; one
    unpublished meanwhile is left out."""
    rows = list(offers.values(*ROW_FIELDS))
    if order:
        position = {offer_id: number for number, offer_id in enumerate(order)}
        rows.sort(key=lambda row: position.get(row["pk"], len(position)))
    # Read after the rows: whatever they hold was published before this index version.
    catalogue = index.current()
    results = []
    for row in rows:
        profile = catalogue.profiles.get(row["pk"])
        if profile is None:
            continue
        results.append(
            {
                "id": row["pk"],
                "external_id": row["external_id"],
                "title": row["title"],
                "summary": row["summary"],
                "description": row["description"],
                "page_url": settings.SITE_URL + reverse("catalog:offer", kwargs={"slug": row["slug"]}),
                "operator": {
                    "id": row["operator_id"],
                    "name": row["operator__name"],
                    "siret": row["operator__siret"] or None,
                },
                "parent_id": row["parent_id"],
                "offer_types": list(catalogue.cards[row["pk"]].offer_types),
                "stages": sorted(profile.stages),
                "needs": sorted(profile.needs),
                "audiences": sorted(profile.audiences),
                "sectors": sorted(profile.sectors),
                "territories": sorted(territory.token for territory in profile.territories),
                "amount_min": row["amount_min"],
                "amount_max": row["amount_max"],
                "fees": row["fees"],
                "info_url": row["url"] or None,
                "application_url": row["application_url"] or None,
                "contact_email": row["contact_email"] or None,
                "contact_phone": row["contact_phone"] or None,
                "opens_on": _iso(row["opens_on"]),
                "deadline": _iso(row["deadline"]),
                "recurrence": row["recurrence"],
                "min_years": row["min_years"],
                "max_years": row["max_years"],
                "min_employees": row["min_employees"],
                "max_employees": row["max_employees"],
                "updated_on": row["reviewed_on"].isoformat(),
            }
        )
    return results
