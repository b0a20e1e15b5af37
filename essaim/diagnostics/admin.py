"""The admin edits the question bank: the CRESS adds regional items (flagged "régional") to a
domain of the current framework without code, or switches an item off. Campaigns, answers and
plans are the structures' own, and private: they are not in the admin."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from essaim.diagnostics.models import Domain, Framework, Item, Theme
from essaim.diagnostics.services.bank import CONTENT_FIELDS, item_version_save


class FromTheFileAdmin(admin.ModelAdmin):
    """Frameworks and themes come from the guide's file (`setup_reference`): the admin edits
    their wording, never adds one."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(FromTheFileAdmin):
    list_display = ["title", "version", "is_current", "loaded_at"]
    readonly_fields = ["code", "version", "loaded_at"]


@admin.register(Theme)
class ThemeAdmin(FromTheFileAdmin):
    list_display = ["title", "framework", "order"]
    list_filter = ["framework"]
    readonly_fields = ["framework", "code"]


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "order"]
    list_filter = ["theme__framework", "theme"]
    search_fields = ["title"]

    def get_readonly_fields(self, request: HttpRequest, obj: Domain | None = None) -> list[str]:
        # A new domain (a regional one) chooses its theme; an existing one keeps it.
        return ["theme", "code"] if obj is not None else []


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["text", "domain", "kind", "quick", "regional", "is_active", "version"]
    list_filter = ["domain__theme__framework", "domain__theme", "kind", "quick", "regional", "is_active"]
    search_fields = ["text", "code"]
    autocomplete_fields = ["domain"]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        # An item added here is the CRESS's own: regional, with its own version.
        return {**super().get_changeform_initial_data(request), "regional": True}

    def get_readonly_fields(self, request: HttpRequest, obj: Item | None = None) -> list[str]:
        # An item keeps its place and code (the comparison from one year to the next rests on
        # them); its version follows the changes (below); a new item starts at the one typed.
        return ["domain", "code", "version"] if obj is not None else []

    def has_change_permission(self, request: HttpRequest, obj: Item | None = None) -> bool:
        # A version that a newer one replaced is kept as campaigns asked it: read only.
        if (
            obj is not None
            and Item.objects.filter(domain_id=obj.domain_id, code=obj.code, version__gt=obj.version).exists()
        ):
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Item, form: Any, change: bool) -> None:
        # A change to what the item says makes its next version; campaigns that asked the
        # previous one keep its wording (the change page then shows the new row).
        if change and set(CONTENT_FIELDS) & set(form.changed_data):
            item_version_save(obj)
            return
        super().save_model(request, obj, form, change)
