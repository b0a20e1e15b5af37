"""The catalogue in a territory's portrait (observatory): the offers open to its structures."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from essaim.catalog.models import Offer
from essaim.core.registries import Link, TerritorySection, territory_sections
from essaim.territories.models import Commune

SHOWN = 12


def offers_in(communes: list[str]) -> list[Offer]:
    """Published, current offers with a territory that contains these communes, or lies in them."""
    inside = Commune.objects.filter(code__in=communes)
    regions = set(inside.values_list("departement__region__code", flat=True))
    departements = set(inside.values_list("departement__code", flat=True))
    epcis = set(inside.exclude(epci=None).values_list("epci__code", flat=True))
    territories = (
        Q(territories__kind="france")
        | Q(territories__kind="region", territories__code__in=regions)
        | Q(territories__kind="departement", territories__code__in=departements)
        | Q(territories__kind="epci", territories__code__in=epcis)
        | Q(territories__kind="commune", territories__code__in=communes)
    )
    return list(Offer.objects.visible_on(timezone.localdate()).filter(territories).distinct().order_by("title"))


@territory_sections.register("catalogue", order=10)
def section(level: str, code: str, communes: list[str]) -> TerritorySection | None:
    if not communes:
        return None
    offers = offers_in(communes)
    return TerritorySection(
        title="Offres d'accompagnement et de financement ouvertes ici",
        links=[Link(offer.title, offer.get_absolute_url()) for offer in offers[:SHOWN]],
        total=len(offers),
        empty="Aucune offre du catalogue ne couvre encore ce territoire.",
    )
