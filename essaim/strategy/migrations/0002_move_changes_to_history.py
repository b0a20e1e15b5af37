"""The strategy's history moves to the platform's one history (core.HistoryEntry): every change
is copied with its object, author, date, summary and changes, then the old table goes."""

from django.db import migrations


def copy_changes(apps, schema_editor):
    Change = apps.get_model("strategy", "Change")
    HistoryEntry = apps.get_model("core", "HistoryEntry")
    HistoryEntry.objects.bulk_create(
        (
            HistoryEntry(
                content_type_id=change.content_type_id,
                object_id=change.object_id,
                object_label=change.object_label,
                author_id=change.author_id,
                created_at=change.created_at,
                summary=change.summary,
                changes=change.changes,
            )
            for change in Change.objects.order_by("pk").iterator(chunk_size=2000)
        ),
        batch_size=2000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0001_initial"),
        ("core", "0002_add_history_entry"),
    ]

    operations = [
        # Going back recreates an empty table: the entries stay in core.HistoryEntry.
        migrations.RunPython(copy_changes, migrations.RunPython.noop),
        migrations.DeleteModel(name="Change"),
    ]
