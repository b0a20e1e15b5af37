"""Where the self-diagnostic shows up outside its module: the strategy's platform metric
"structures engagées dans une démarche d'amélioration continue"."""

from __future__ import annotations

from datetime import date

from essaim.core.registries import PlatformMetric, platform_metrics
from essaim.diagnostics.models import Campaign


def engaged_structures(region_code: str, start: date, end: date) -> int:
    """Structures of the région with a self-diagnostic campaign of a year the period touches
    (a yearly approach: a campaign of 2026 counts for any period that includes part of 2026)."""
    return (
        Campaign.objects.filter(
            organisation__commune__departement__region__code=region_code, year__gte=start.year, year__lte=end.year
        )
        .values("organisation")
        .distinct()
        .count()
    )


platform_metrics.add(
    "autodiagnostic.structures_engagees",
    PlatformMetric("Structures engagées dans une démarche d'amélioration continue", "structures", engaged_structures),
    order=35,
)
