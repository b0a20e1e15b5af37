from django.urls import reverse
from django.utils import timezone

from essaim.catalog.models import Offer
from essaim.core.registries import Figure, home_figures


@home_figures.register("catalogue", order=10)
def catalogue_figures(region_code: str) -> list[Figure]:
    today = timezone.localdate()
    count = Offer.objects.visible_on(today).count()
    return [Figure(count, "offres d'accompagnement et de financement", reverse("catalog:search"))]
