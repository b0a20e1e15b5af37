"""The cache table (settings.CACHES, when not on Redis): created by `migrate`, so a deployment
needs no extra command before the public forms' rate limits work."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Does nothing for a cache that is not in the database (Redis), or a table that exists.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_add_history_entry")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
