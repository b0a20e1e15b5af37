"""Factories for ESS places.

Usage: PlaceFactory(commune=region.nantes, kind=PlaceKind.PTCE)
"""

from __future__ import annotations

import factory

from essaim.places.models import Place, PlaceKind


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        skip_postgeneration_save = True

    kind = PlaceKind.TIERS_LIEU
    name = factory.Sequence(lambda n: f"Tiers-lieu numéro {n}")
    description = "Un lieu de test."
    source = "https://exemple.org/lieux"

    @factory.post_generation
    def members(self, create: bool, extracted: list[object] | None, **kwargs: object) -> None:
        if create and extracted:
            self.members.set(extracted)
