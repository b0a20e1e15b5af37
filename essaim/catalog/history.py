"""What the history follows on an offer (read by `essaim.core.history`), registered at start-up."""

from __future__ import annotations

from typing import Any

from essaim.catalog.models import CONTENT_FIELDS, TAXONOMY_MODELS, Offer
from essaim.core.history import Extra, track
from essaim.territories.names import TerritoryNames


def _slugs(name: str) -> Any:
    return lambda offer: sorted(getattr(offer, name).values_list("slug", flat=True))


def _label_of(model: Any) -> Any:
    def show(slug: Any) -> str:
        return str(model.objects.filter(slug=slug).values_list("label", flat=True).first() or slug)

    return show


def _territories(offer: Offer) -> list[str]:
    return sorted(territory.token for territory in offer.territories.all())


def _territory_name(token: Any) -> str:
    """ "departement:44" → "Loire-Atlantique (departement:44)"; "france" → "France entière"."""
    kind, _, code = str(token).partition(":")
    if kind == "france":
        return "France entière"
    name = TerritoryNames().name(kind, code)
    return f"{name} ({token})" if name else str(token)


track(
    Offer,
    fields=[*CONTENT_FIELDS, "operator_id", "parent_id", "status", "reviewed_on", "required_answers"],
    extras={
        **{
            name: Extra(str(getattr(Offer._meta.get_field(name), "verbose_name", name)), _slugs(name), _label_of(model))
            for name, model in TAXONOMY_MODELS.items()
        },
        "territories": Extra("territoires couverts", _territories, _territory_name),
    },
)
