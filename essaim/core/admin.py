from typing import Any

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import HttpRequest

from essaim.core.models import HistoryEntry, ReferenceDataset
from essaim.core.text import MAX_ID


class _CheckedAutocompleteMixin:
    """Django's autocomplete widget looks up the value it shows as it stands: a value that names
    no object (`?operator=abc`, or typed into a posted form) would answer 500; it is shown empty."""

    field: Any

    def optgroups(self, name: str, value: list[Any], attr: Any = None) -> Any:
        remote = self.field.remote_field
        target = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        return super().optgroups(name, [item for item in value if _are_keys(target, [item])], attr)  # type: ignore[misc]


class CheckedAutocompleteSelect(_CheckedAutocompleteMixin, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(_CheckedAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class CheckedAutocompleteMixin:
    """For every admin and inline with `autocomplete_fields`: its widgets show only values that
    name an object."""

    admin_site: admin.AdminSite

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):  # type: ignore[attr-defined]
            kwargs["widget"] = CheckedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):  # type: ignore[attr-defined]
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class CheckedPrefillAdmin(CheckedAutocompleteMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """An admin with `autocomplete_fields`, whose "add" page takes its prefilled relations from
    the address only when they name an object (see `CheckedAutocompleteMixin`)."""

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


class TaxonomyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """The admin of every taxonomy a module keeps as data (`TaxonomyTerm`): the CRESS edits
    labels and order, and retires a term as obsolete rather than deleting it."""

    list_display = ["label", "slug", "order", "is_obsolete"]
    list_editable = ["order", "is_obsolete"]
    search_fields = ["label", "slug"]


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


class SettingsRowAdmin(admin.ModelAdmin):
    """The admin of a `SettingsRow`: its one row is changed, never added twice nor deleted."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not self.model.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
