from datetime import date

from django.urls import reverse
from django.utils import timezone

from essaim.catalog.models import Offer, SearchLog
from essaim.core.registries import Figure, PlatformMetric, home_figures, platform_metrics
from essaim.territories.models import Departement


@home_figures.register("catalogue", order=10)
def catalogue_figures(region_code: str) -> list[Figure]:
    today = timezone.localdate()
    count = Offer.objects.visible_on(today).count()
    return [
        Figure(
            count,
            "offres d'accompagnement et de financement",
            reverse("catalog:search"),
            singular="offre d'accompagnement et de financement",
        )
    ]


def published_offers(region_code: str, start: date, end: date) -> int:
    """Offers the public could find in the région on the last day of the period."""
    return Offer.objects.visible_on(end).covering_region(region_code).count()


def orientations(region_code: str, start: date, end: date) -> int:
    """Guided paths that reached a results page during the period, for a commune of the région
    (the search log keeps the département of the commune answered)."""
    departements = list(Departement.objects.filter(region__code=region_code).values_list("code", flat=True))
    return SearchLog.objects.filter(
        kind=SearchLog.Kind.ORIENTATION,
        created_at__date__gte=start,
        created_at__date__lte=end,
        criteria__departement__in=departements,
    ).count()


platform_metrics.add(
    "catalogue.offres_publiees",
    PlatformMetric("Offres publiées dans le catalogue", "offres", published_offers),
    order=10,
)
platform_metrics.add(
    "catalogue.orientations",
    PlatformMetric("Parcours d'orientation menés", "parcours", orientations),
    order=10,
)
