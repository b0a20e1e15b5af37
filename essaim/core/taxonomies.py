"""Load a taxonomy (slug, label, order, and any extra field) from a CSV file kept in the repository.

The CRESS edits taxonomies in the admin, and `make run` calls `setup_reference` every time, so a
file is applied only when its content changed since it was last loaded (a new release): the
admin's edits survive every other run. When it is applied, the file wins for the slugs it lists;
terms added in the admin are left alone. A term is retired by setting `obsolete` to 1 in the
file (or ticking "obsolète" in the admin), never by deleting it: what points to it survives.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from django.db import models, transaction

from essaim.core.models import ReferenceDataset

SPECIAL_COLUMNS = {"slug", "label", "order", "obsolete"}


@transaction.atomic
def load_taxonomy(model: type[models.Model], path: Path) -> int:
    """Insert or update every row of the file unless it is already loaded; return how many rows
    it holds."""
    content = path.read_bytes()
    marker = f"taxonomie : {model._meta.label_lower}"
    version = hashlib.sha256(content).hexdigest()
    rows = list(csv.DictReader(content.decode("utf-8").splitlines()))
    if ReferenceDataset.is_current(marker, version):
        return len(rows)
    for row in rows:
        defaults = {
            "label": row["label"].strip(),
            "order": int(row.get("order") or 0),
            "is_obsolete": (row.get("obsolete") or "").strip() in {"1", "oui", "true"},
        }
        # Any other column is a field of the term (e.g. `kind` for offer types).
        defaults |= {name: value.strip() for name, value in row.items() if name not in SPECIAL_COLUMNS}
        model._default_manager.update_or_create(slug=row["slug"].strip(), defaults=defaults)
    ReferenceDataset.mark_loaded(marker, version)
    return len(rows)
