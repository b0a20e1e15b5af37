"""Catalogue test data.

Usage: make_offer("Garantir un prêt", types=["garantie"], needs=["tresorerie"], territories=[("region", "52")])
"""

from __future__ import annotations

from datetime import date
from typing import Any

from essaim.catalog.models import Audience, Need, Offer, OfferType, Sector, Stage
from essaim.catalog.reference import DATA, TAXONOMY_FILES
from essaim.catalog.services import offer_save
from essaim.core.taxonomies import load_taxonomy
from tests.organisations.factories import OrganisationFactory

TERRITORY_NAMES = {"52": "Pays de la Loire", "44": "Loire-Atlantique", "44109": "Nantes", "24": "Centre-Val de Loire"}


def load_catalog_taxonomies() -> None:
    for filename, model in TAXONOMY_FILES.items():
        load_taxonomy(model, DATA / filename)


def make_offer(
    title: str,
    *,
    types: list[str],
    territories: list[tuple[str, str]] = (("region", "52"),),  # type: ignore[assignment]
    stages: list[str] = (),  # type: ignore[assignment]
    needs: list[str] = (),  # type: ignore[assignment]
    audiences: list[str] = (),  # type: ignore[assignment]
    sectors: list[str] = (),  # type: ignore[assignment]
    operator: Any = None,
    **fields: Any,
) -> Offer:
    fields.setdefault("summary", f"Résumé de « {title} ».")
    fields.setdefault("status", Offer.Status.PUBLISHED)
    offer = Offer(
        title=title,
        operator=operator or OrganisationFactory(name=f"Opérateur de {title}"),
        **fields,
    )
    taxonomies = {
        "offer_types": OfferType.objects.filter(slug__in=types),
        "stages": Stage.objects.filter(slug__in=stages),
        "needs": Need.objects.filter(slug__in=needs),
        "audiences": Audience.objects.filter(slug__in=audiences),
        "sectors": Sector.objects.filter(slug__in=sectors),
    }
    places = [(kind, code, TERRITORY_NAMES.get(code, "")) for kind, code in territories]
    offer_save(offer=offer, relations=taxonomies, territories=places, by=None)
    return offer


TODAY = date.today()
