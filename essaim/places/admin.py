from typing import Any

from django import forms
from django.contrib import admin
from django.utils import timezone

from essaim.core.admin import CheckedPrefillAdmin
from essaim.core.fields import BoundedDateField, IdMultipleChoiceField
from essaim.places.coordinates import position_problem
from essaim.places.models import Place, PlaceKind
from essaim.places.services import place_save


class PlaceAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """The import's rules, for a place typed by hand: members for a PTCE only, a point near its
    commune, information checked on a day already past."""

    class Meta:
        model = Place
        fields = [
            "kind",
            "subtype",
            "name",
            "description",
            "is_active",
            "address",
            "commune",
            "latitude",
            "longitude",
            "operator",
            "members",
            "website",
            "source",
            "updated_on",
        ]
        # Typed as French writes them: 47,2064.
        localized_fields = ["latitude", "longitude"]
        field_classes = {"updated_on": BoundedDateField, "members": IdMultipleChoiceField}

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if cleaned.get("members") and cleaned.get("kind") != PlaceKind.PTCE:
            self.add_error("members", "Seul un PTCE a des structures membres.")
        latitude, longitude, commune = cleaned.get("latitude"), cleaned.get("longitude"), cleaned.get("commune")
        if latitude is not None and longitude is not None and commune is not None:
            centre = (commune.latitude, commune.longitude) if commune.latitude is not None else None
            problem = position_problem(latitude, longitude, centre=centre, commune=commune.name)
            if problem:
                self.add_error("latitude", problem[0].upper() + problem[1:] + ".")
        updated_on = cleaned.get("updated_on")
        if updated_on is not None and updated_on > timezone.localdate():
            self.add_error(
                "updated_on", "Cette date est encore à venir : indiquez le jour où l'information a été vérifiée."
            )
        return cleaned


@admin.register(Place)
class PlaceAdmin(CheckedPrefillAdmin):
    form = PlaceAdminForm
    list_display = ["name", "kind", "subtype", "commune", "operator", "updated_on", "is_active"]
    list_filter = ["kind", "subtype", "is_active", ("commune__departement", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "search_name", "commune__name", "operator__name"]
    autocomplete_fields = ["commune", "operator", "members"]
    list_select_related = ["commune", "operator"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = (
        (None, {"fields": ("kind", "subtype", "name", "description", "is_active")}),
        ("Où", {"fields": ("address", "commune", "latitude", "longitude")}),
        ("Qui", {"fields": ("operator", "members", "website")}),
        ("Source", {"fields": ("source", "updated_on", "created_at", "updated_at")}),
    )

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        # Saved with its members in save_related, through the one service that saves places.
        pass

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        place_save(
            place=form.instance,
            members=form.cleaned_data["members"],
            by=request.user,
            summary="Modification dans l'administration" if change else "Création dans l'administration",
        )
