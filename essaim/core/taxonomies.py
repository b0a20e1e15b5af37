"""Load a taxonomy (slug, label, order, and any extra field) from a CSV file kept in the repository.

Idempotent: rows are matched by slug, labels and order are refreshed, and a slug that has
left the file is marked obsolete rather than deleted, so that what points to it survives.
"""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import models, transaction


@transaction.atomic
def load_taxonomy(model: type[models.Model], path: Path) -> int:
    """Insert or update every row of the file; return how many rows it holds."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    slugs = []
    for row in rows:
        slug = row["slug"].strip()
        slugs.append(slug)
        defaults = {"label": row["label"].strip(), "order": int(row.get("order") or 0), "is_obsolete": False}
        # Any other column is a field of the term (e.g. `kind` for offer types).
        defaults |= {name: value.strip() for name, value in row.items() if name not in {"slug", "label", "order"}}
        model._default_manager.update_or_create(slug=slug, defaults=defaults)
    model._default_manager.exclude(slug__in=slugs).update(is_obsolete=True)
    return len(rows)
