"""Read helpers the rest of the platform may call (the directory's public surface)."""

from __future__ import annotations

from django.db.models import Count, Q

from essaim.organisations.models import Organisation


def directory_counts(region_code: str) -> dict[str, int]:
    """Active structures, in all and by role slug: what the directory lists. An instance serves
    one région, but its directory also holds the national bodies whose offers it shows, so the
    figures count them too (the home page and the directory must agree)."""
    organisations = Organisation.objects.active()
    counts = organisations.aggregate(
        total=Count("pk", distinct=True),
        ess=Count("pk", filter=Q(roles__slug="entreprise_ess"), distinct=True),
        operators=Count("pk", filter=Q(roles__slug="operateur_accompagnement"), distinct=True),
    )
    return {key: value or 0 for key, value in counts.items()}
