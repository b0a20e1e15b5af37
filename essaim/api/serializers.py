"""Plain dictionaries for the JSON API (the shapes are described in openapi.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from essaim.catalog.models import Offer


def offer_to_dict(offer: Offer) -> dict[str, Any]:
    """An offer as the API shows it; expects `Offer.objects.with_relations()`."""
    return {
        "id": offer.pk,
        "external_id": offer.external_id,
        "title": offer.title,
        "summary": offer.summary,
        "description": offer.description,
        "page_url": f"{settings.SITE_URL}{offer.get_absolute_url()}",
        "operator": {"id": offer.operator_id, "name": offer.operator.name, "siret": offer.operator.siret or None},
        "parent_id": offer.parent_id,
        "offer_types": [term.slug for term in offer.offer_types.all()],
        "stages": [term.slug for term in offer.stages.all()],
        "needs": [term.slug for term in offer.needs.all()],
        "audiences": [term.slug for term in offer.audiences.all()],
        "sectors": [term.slug for term in offer.sectors.all()],
        "territories": [territory.token for territory in offer.territories.all()],
        "amount_min": offer.amount_min,
        "amount_max": offer.amount_max,
        "fees": offer.fees,
        "info_url": offer.url or None,
        "application_url": offer.application_url or None,
        "contact_email": offer.contact_email or None,
        "contact_phone": offer.contact_phone or None,
        "opens_on": offer.opens_on.isoformat() if offer.opens_on else None,
        "deadline": offer.deadline.isoformat() if offer.deadline else None,
        "recurrence": offer.recurrence,
        "min_years": offer.min_years,
        "max_years": offer.max_years,
        "min_employees": offer.min_employees,
        "max_employees": offer.max_employees,
        "updated_on": offer.reviewed_on.isoformat(),
    }
