"""Catalogue test data.

Usage: make_offer("Garantir un prêt", types=["garantie"], needs=["tresorerie"], territories=[("region", "52")])
"""

from __future__ import annotations

from datetime import date
from typing import Any

from essaim.catalog.models import Audience, Need, Offer, OfferTerritory, OfferType, Sector, Stage
from essaim.catalog.reference import DATA, TAXONOMY_FILES
from essaim.catalog.services import offer_refresh_search
from essaim.core.slugs import unique_slug
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
    offer = Offer.objects.create(
        title=title,
        slug=unique_slug(title, Offer.objects.all(), fallback="offre"),
        operator=operator or OrganisationFactory(name=f"Opérateur de {title}"),
        **fields,
    )
    offer.offer_types.set(OfferType.objects.filter(slug__in=types))
    offer.stages.set(Stage.objects.filter(slug__in=stages))
    offer.needs.set(Need.objects.filter(slug__in=needs))
    offer.audiences.set(Audience.objects.filter(slug__in=audiences))
    offer.sectors.set(Sector.objects.filter(slug__in=sectors))
    for kind, code in territories:
        OfferTerritory.objects.create(offer=offer, kind=kind, code=code, name=TERRITORY_NAMES.get(code, ""))
    offer_refresh_search(offer)
    return offer


TODAY = date.today()
