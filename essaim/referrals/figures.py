"""Where support requests show up outside their module: the strategy's platform metrics and the
home page's key figure (see `statistics.py` for the definitions)."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from essaim.core.registries import Figure, PlatformMetric, home_figures, platform_metrics
from essaim.referrals.statistics import median_delay_taken, taken_in_hand

HOME_DAYS = 365  # the home page counts the requests taken in hand over the last year


def requests_taken(region_code: str, start: date, end: date) -> int:
    """Requests of the région taken in hand by a partner (or the CRESS) between the two dates."""
    return taken_in_hand(region_code, start, end).count()


def median_delay(region_code: str, start: date, end: date) -> float:
    """The median number of days, from its transmission to its taking in hand, of the région's
    requests taken in hand between the two dates (0 when none was)."""
    return median_delay_taken(region_code, start, end) or 0.0


platform_metrics.add(
    "accompagnement.demandes_prises_en_charge",
    PlatformMetric("Demandes d'accompagnement prises en charge", "demandes", requests_taken),
    order=15,
)
platform_metrics.add(
    "accompagnement.delai_median",
    PlatformMetric("Délai médian de prise en charge des demandes d'accompagnement", "jours", median_delay),
    order=15,
)


@home_figures.register("accompagnement", order=15)
def requests_taken_this_year(region_code: str) -> list[Figure]:
    """The requests taken in hand over the last year (none shown before the first one)."""
    today = timezone.localdate()
    count = requests_taken(region_code, today - timedelta(days=HOME_DAYS - 1), today)
    if not count:
        return []
    return [
        Figure(
            count,
            "demandes d'accompagnement prises en charge en un an",
            reverse("referrals:new"),
            singular="demande d'accompagnement prise en charge en un an",
        )
    ]
