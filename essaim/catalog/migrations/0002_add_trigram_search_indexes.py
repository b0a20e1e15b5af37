"""On PostgreSQL, trigram indexes let the text search's `LIKE '% stem%'` filters use an index
instead of reading every offer. SQLite has no such index: there the same queries scan, which
is fine for a catalogue of a few thousand offers. pg_trgm is a trusted extension (PostgreSQL
13+): the owner of the database may create it."""

from django.db import migrations

INDEXED = ("search_document", "search_title")


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in INDEXED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS catalog_offer_{column}_trgm ON catalog_offer USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in INDEXED:
        schema_editor.execute(f"DROP INDEX IF EXISTS catalog_offer_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
