"""What the history follows on an offer (read by `essaim.core.history`), registered at start-up."""

from __future__ import annotations

from typing import Any

from essaim.catalog.models import Audience, Need, Offer, OfferType, Sector, Stage
from essaim.core.history import Extra, track

TAXONOMIES: dict[str, tuple[str, Any]] = {
    "offer_types": ("types d'offre", OfferType),
    "stages": ("étapes", Stage),
    "needs": ("besoins", Need),
    "audiences": ("publics", Audience),
    "sectors": ("secteurs", Sector),
}


def _slugs(name: str) -> Any:
    return lambda offer: sorted(getattr(offer, name).values_list("slug", flat=True))


def _label_of(model: Any) -> Any:
    def show(slug: Any) -> str:
        return str(model.objects.filter(slug=slug).values_list("label", flat=True).first() or slug)

    return show


def _territories(offer: Offer) -> list[str]:
    return sorted(territory.token for territory in offer.territories.all())


track(
    Offer,
    fields=[
        "title",
        "summary",
        "description",
        "operator_id",
        "parent_id",
        "amount_min",
        "amount_max",
        "fees",
        "url",
        "application_url",
        "contact_email",
        "contact_phone",
        "opens_on",
        "deadline",
        "recurrence",
        "min_years",
        "max_years",
        "min_employees",
        "max_employees",
        "status",
        "review_every_months",
        "required_answers",
    ],
    extras={
        **{name: Extra(label, _slugs(name), _label_of(model)) for name, (label, model) in TAXONOMIES.items()},
        "territories": Extra("territoires couverts", _territories),
    },
)
