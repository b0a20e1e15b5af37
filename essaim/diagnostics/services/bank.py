"""The question bank's one rule: an item a campaign has asked keeps its wording for good."""

from __future__ import annotations

from django.db import transaction

from essaim.diagnostics.models import Item

# What an answer is given to: changing any of these makes a new version of the item.
CONTENT_FIELDS = ("kind", "text", "unit", "about", "key_ideas", "legal", "examples", "source", "suggested_actions")


@transaction.atomic
def item_version_save(item: Item, *, version: int | None = None) -> Item:
    """Save `item`, whose content was changed in memory, as its next version (or as `version`,
    from the guide's file, when higher). An item no campaign has asked yet is rewritten in place;
    one already asked stays as it was, switched off, and the new wording becomes a new row of the
    same code, which the next campaigns ask. The rows of the item are locked meanwhile, so a
    campaign opening at the same moment asks one version or the other, whole."""
    rows = Item.objects.select_for_update().filter(domain_id=item.domain_id, code=item.code)
    latest = max(rows.values_list("version", flat=True), default=0)
    item.version = max(version or 0, latest + 1)
    if item.pk is not None and item.asking_campaigns.exists():
        Item.objects.filter(pk=item.pk).update(is_active=False)
        item.pk = None
        item._state.adding = True
    item.save()
    return item
