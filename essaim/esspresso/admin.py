"""The admin edits ESSpresso's taxonomies; events, registrations and timetables are managed from
the organiser's pages, through the services (history, e-mails, rules)."""

from django.contrib import admin

from essaim.core.admin import TaxonomyAdmin
from essaim.esspresso.models import Sector, Topic

for model in (Sector, Topic):
    admin.site.register(model, TaxonomyAdmin)
