"""Read helpers the rest of the platform may call (the directory's public surface)."""

from __future__ import annotations

from django.db.models import Count, Q

from essaim.organisations.models import Organisation


def directory_counts(region_code: str) -> dict[str, int]:
    """What the directory lists, in all and by role: every active structure, those of the région
    and the national ones whose offers reach it (the directory is not filtered by région, so a
    figure counted on the région alone would disagree with the list it links to)."""
    organisations = Organisation.objects.active()
    counts = organisations.aggregate(
        total=Count("pk", distinct=True),
        ess=Count("pk", filter=Q(roles__slug="entreprise_ess"), distinct=True),
        operators=Count("pk", filter=Q(roles__slug="operateur_accompagnement"), distinct=True),
    )
    return {key: value or 0 for key, value in counts.items()}
