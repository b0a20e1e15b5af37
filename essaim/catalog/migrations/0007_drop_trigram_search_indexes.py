"""The text search reads the per-process index of the published catalogue (`text_search.TextIndex`)
since issue 10, no longer SQL `LIKE` filters: the trigram indexes of 0002 only cost writes now.
The pg_trgm extension stays (dropping it needs its owner, and it is harmless)."""

from django.db import migrations

INDEXED = ("search_document", "search_title")


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in INDEXED:
        schema_editor.execute(f"DROP INDEX IF EXISTS catalog_offer_{column}_trgm")


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in INDEXED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS catalog_offer_{column}_trgm ON catalog_offer USING gin ({column} gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0006_add_offer_revisions_and_creation_token")]

    operations = [migrations.RunPython(drop, create)]
