"""The admin edits ESSpresso's taxonomies; events, registrations and timetables are managed from
the organiser's pages, through the services (history, e-mails, rules)."""

from django.contrib import admin

from essaim.esspresso.models import Sector, Topic


class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "order", "is_obsolete"]
    list_editable = ["order", "is_obsolete"]
    search_fields = ["label", "slug"]


for model in (Sector, Topic):
    admin.site.register(model, TaxonomyAdmin)
