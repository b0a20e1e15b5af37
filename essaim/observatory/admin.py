"""The CRESS edits the perimeter (its legal categories and excluded activities) and reads the
imports with their data-quality report; official figures are imported, then corrected here."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from essaim.observatory.models import ExcludedActivity, OfficialFigure, Perimeter, PerimeterCategory, SireneImport


class CategoryInline(admin.TabularInline):
    model = PerimeterCategory
    extra = 0
    fields = ["code", "label", "family", "included", "confidence", "source"]


class ExclusionInline(admin.TabularInline):
    model = ExcludedActivity
    extra = 0
    fields = ["naf", "label", "source"]


@admin.register(Perimeter)
class PerimeterAdmin(admin.ModelAdmin):
    list_display = ["version", "is_current", "loaded_at"]
    readonly_fields = ["version", "loaded_at"]
    inlines = [CategoryInline, ExclusionInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a perimeter comes from the repository's files (setup_reference)


@admin.register(SireneImport)
class SireneImportAdmin(admin.ModelAdmin):
    """Read only: an import is made by `import_sirene`; its rules and data quality are kept."""

    list_display = ["started_at", "vintage", "status", "region", "demo"]
    list_filter = ["status", "demo"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OfficialFigure)
class OfficialFigureAdmin(admin.ModelAdmin):
    list_display = ["source", "year", "level", "code", "family", "sector", "employer_establishments", "jobs"]
    list_filter = ["level", "year"]
    search_fields = ["source", "code"]
