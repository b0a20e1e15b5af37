from django.contrib import admin

from essaim.core.models import ReferenceDataset


@admin.register(ReferenceDataset)
class ReferenceDatasetAdmin(admin.ModelAdmin):
    list_display = ["name", "version", "loaded_at"]
    readonly_fields = ["name", "version", "loaded_at"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
