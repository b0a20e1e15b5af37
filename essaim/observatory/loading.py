"""The ESS perimeter from its files into the database (`setup_reference`), idempotent.

The version of the perimeter is the fingerprint of its two files: a change to a file makes a new
perimeter, current from then on; loading the same files again leaves the CRESS's edits in the
admin alone."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from django.db import transaction

from essaim.observatory.models import ExcludedActivity, Perimeter, PerimeterCategory

DATA = Path(__file__).parent / "data"
CATEGORIES = DATA / "perimetre_ess.csv"
EXCLUSIONS = DATA / "activites_exclues.csv"
SOURCE = (
    "Catégories juridiques et activités exclues d'après la méthode de l'INSEE (champ de l'économie "
    "sociale) ; voir docs/observatoire.md pour les points à confirmer."
)


def files_version() -> str:
    digest = hashlib.sha256(CATEGORIES.read_bytes() + EXCLUSIONS.read_bytes()).hexdigest()
    return f"fichiers {digest[:12]}"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def perimeter_load() -> tuple[Perimeter, bool]:
    """The perimeter of the repository's files, created (and made current) when new."""
    version = files_version()
    existing = Perimeter.objects.filter(version=version).first()
    if existing is not None:
        return existing, False
    perimeter = Perimeter.objects.create(version=version, source=SOURCE)
    Perimeter.objects.exclude(pk=perimeter.pk).update(is_current=False)
    categories = [
        PerimeterCategory(
            perimeter=perimeter,
            code=row["cj"],
            label=row["libelle"],
            family=row["famille"],
            included=row["inclus"] == "oui",
            confidence=row["confiance"],
            source=row["source"],
        )
        for row in _rows(CATEGORIES)
    ]
    exclusions = [
        ExcludedActivity(perimeter=perimeter, naf=row["naf"], label=row["libelle"], source=row["source"])
        for row in _rows(EXCLUSIONS)
    ]
    for row in (*categories, *exclusions):
        row.full_clean(exclude=["perimeter"])
    PerimeterCategory.objects.bulk_create(categories)
    ExcludedActivity.objects.bulk_create(exclusions)
    return perimeter, True
