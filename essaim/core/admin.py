from typing import Any

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import HttpRequest

from essaim.core.models import HistoryEntry, ReferenceDataset
from essaim.core.text import MAX_ID


class CheckedPrefillAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """An admin whose "add" page takes its prefilled relations from the address only when they
    name an object: Django's autocomplete widget looks up `?operator=abc` as it stands and answers
    500. Every admin with `autocomplete_fields` uses it."""

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.is_relation and not _are_keys(field.target_field, value if isinstance(value, list) else [value]):
                del initial[name]
        return initial


def _are_keys(field: Any, values: list[Any]) -> bool:
    try:
        keys = [field.to_python(value) for value in values]
    except ValidationError:
        return False
    return all(not isinstance(key, int) or -MAX_ID <= key <= MAX_ID for key in keys)


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
