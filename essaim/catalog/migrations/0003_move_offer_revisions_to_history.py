"""The offers' history moves to the platform's one history (core.HistoryEntry): every revision is
copied with its author, date, summary and changes, then the old table goes."""

from django.db import migrations


def copy_revisions(apps, schema_editor):
    OfferRevision = apps.get_model("catalog", "OfferRevision")
    HistoryEntry = apps.get_model("core", "HistoryEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not OfferRevision.objects.exists():
        return
    offer_type, _ = ContentType.objects.get_or_create(app_label="catalog", model="offer")
    entries = [
        HistoryEntry(
            content_type=offer_type,
            object_id=revision.offer_id,
            object_label=revision.offer.title[:300],
            author_id=revision.author_id,
            created_at=revision.created_at,
            summary=revision.summary,
            changes=revision.changes,
        )
        for revision in OfferRevision.objects.select_related("offer").order_by("pk").iterator(chunk_size=2000)
    ]
    HistoryEntry.objects.bulk_create(entries, batch_size=2000)


def copy_back(apps, schema_editor):
    OfferRevision = apps.get_model("catalog", "OfferRevision")
    HistoryEntry = apps.get_model("core", "HistoryEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    offer_type = ContentType.objects.filter(app_label="catalog", model="offer").first()
    if offer_type is None:
        return
    entries = HistoryEntry.objects.filter(content_type=offer_type)
    OfferRevision.objects.bulk_create(
        [
            OfferRevision(
                offer_id=entry.object_id,
                author_id=entry.author_id,
                created_at=entry.created_at,
                summary=entry.summary,
                changes=entry.changes,
            )
            for entry in entries.order_by("pk")
        ],
        batch_size=2000,
    )
    # Moved back, not copied: migrating forward again must not hold every entry twice.
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0002_add_trigram_search_indexes"),
        ("core", "0002_add_history_entry"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_revisions, copy_back),
        migrations.DeleteModel(name="OfferRevision"),
    ]
