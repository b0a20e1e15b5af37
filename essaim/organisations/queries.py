"""Read helpers the rest of the platform may call (the directory's public surface)."""

from __future__ import annotations

from django.db.models import Count, Q

from essaim.organisations.models import Organisation


def directory_counts(region_code: str) -> dict[str, int]:
    """Active structures of the région, in all and by role slug."""
    organisations = Organisation.objects.active().in_region(region_code)
    counts = organisations.aggregate(
        total=Count("pk", distinct=True),
        ess=Count("pk", filter=Q(roles__slug="entreprise_ess"), distinct=True),
        operators=Count("pk", filter=Q(roles__slug="operateur_accompagnement"), distinct=True),
    )
    return {key: value or 0 for key, value in counts.items()}
