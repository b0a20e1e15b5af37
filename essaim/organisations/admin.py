from django.contrib import admin

from essaim.core.admin import CheckedAutocompleteMixin, CheckedPrefillAdmin
from essaim.organisations.models import Membership, Organisation, OrganisationRole


class MembershipInline(CheckedAutocompleteMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(CheckedPrefillAdmin):
    list_display = ["name", "commune", "ess_family", "siret", "is_active", "updated_at"]
    list_filter = ["is_active", "ess_family", "roles", "commune__departement"]
    search_fields = ["name", "search_name", "siret", "siren"]
    autocomplete_fields = ["commune"]
    filter_horizontal = ["roles"]
    readonly_fields = ["siren", "created_at", "updated_at"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["commune"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "roles", "is_active", "description")}),
        ("Identité", {"fields": ("siret", "siren", "legal_category", "ess_family", "naf_code", "headcount_band")}),
        ("Coordonnées", {"fields": ("commune", "address", "website", "email", "phone")}),
        ("Dates", {"fields": ("created_at", "updated_at")}),
    )


@admin.register(OrganisationRole)
class OrganisationRoleAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "order", "is_obsolete"]
    list_editable = ["order", "is_obsolete"]
    search_fields = ["label", "slug"]


@admin.register(Membership)
class MembershipAdmin(CheckedPrefillAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
