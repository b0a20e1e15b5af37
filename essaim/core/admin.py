from django.contrib import admin

from essaim.core.models import HistoryEntry, ReferenceDataset


@admin.register(ReferenceDataset)
class ReferenceDatasetAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "loaded_at"]
    readonly_fields = ["name", "version", "loaded_at"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(HistoryEntry)
class HistoryEntryAdmin(admin.ModelAdmin):
    """The history is a record: it is read here, never written or changed by hand."""

    list_display = ["created_at", "object_label", "summary", "author"]
    list_filter = ["content_type"]
    search_fields = ["object_label", "summary"]
    list_select_related = ["author", "content_type"]
    readonly_fields = ["created_at", "content_type", "object_id", "object_label", "author", "summary", "changes"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
