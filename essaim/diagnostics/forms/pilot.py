"""The pilot's forms: open the year's campaign, invite, consolidate an item, write a plan line."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from essaim.core.fields import BoundedDateField, IdMultipleChoiceField
from essaim.diagnostics.models import Campaign, Theme
from essaim.diagnostics.vocabulary import ACTION_STATUS, ANSWERS, MODES, ROLES
from essaim.organisations.models import Organisation

THEMES_REQUIRED = "Choisissez au moins un thème à travailler cette année."


class ThemeChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, obj: Theme) -> str:
        return f"{obj.title} — {obj.summary}" if obj.summary else obj.title


class CampaignOpenForm(forms.Form):
    organisation = forms.ModelChoiceField(label="Structure", queryset=Organisation.objects.none(), empty_label=None)
    year = forms.IntegerField(
        label="Année",
        min_value=2016,
        max_value=2200,
        error_messages={
            "min_value": "Indiquez une année à partir de 2016.",
            "max_value": "Indiquez une année avant 2200.",
        },
    )

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if year > timezone.localdate().year + 1:
            raise forms.ValidationError("Une campagne s'ouvre pour cette année ou la suivante.")
        return year

    mode = forms.ChoiceField(
        label="Parcours",
        choices=MODES,
        initial="rapide",
        widget=forms.RadioSelect,
        help_text="Le parcours rapide pose les questions essentielles de chaque thème ; le complet, toutes.",
    )
    themes = ThemeChoiceField(
        label="Thèmes travaillés cette année",
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Inutile de tout traiter la même année : choisissez un ou plusieurs thèmes.",
        error_messages={"required": THEMES_REQUIRED},
    )
    pilot_role = forms.ChoiceField(
        label="Votre rôle dans la structure",
        choices=ROLES,
        help_text="Vous répondez aussi au questionnaire : vos réponses sont classées sous ce rôle.",
    )
    closes_on = BoundedDateField(label="Réponses attendues jusqu'au", required=False)
    general_meeting_on = BoundedDateField(label="Date de l'assemblée générale", required=False)

    def __init__(self, *args: Any, organisations: Any, themes: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("year", timezone.localdate().year)
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["themes"].queryset = themes

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        closes_on, meeting = data.get("closes_on"), data.get("general_meeting_on")
        if closes_on and meeting and closes_on > meeting:
            self.add_error("closes_on", "Attendez les réponses avant l'assemblée générale, pas après.")
        return data


class InviteForm(forms.Form):
    email = forms.EmailField(label="Adresse e-mail", max_length=254)
    name = forms.CharField(label="Nom", max_length=150, required=False)
    role = forms.ChoiceField(label="Rôle", choices=[("", "Choisissez…"), *ROLES])


class PositionForm(forms.Form):
    """The level the team retains on an item, and the finding it shares."""

    level = forms.ChoiceField(label="Niveau retenu", choices=[("", "Pas encore décidé"), *ANSWERS], required=False)
    comment = forms.CharField(
        label="Constat partagé", max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ActionForm(forms.Form):
    theme = forms.ModelChoiceField(label="Thème", queryset=Theme.objects.none(), empty_label="Choisissez…")
    title = forms.CharField(label="Action", max_length=250)
    objective_1y = forms.CharField(
        label="Objectif à un an", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    objective_3y = forms.CharField(
        label="Objectif à trois ans", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    responsible = forms.CharField(label="Responsable", max_length=150, required=False)
    due_on = BoundedDateField(label="Échéance", required=False)
    status = forms.ChoiceField(label="État", choices=ACTION_STATUS, initial="a_lancer")
    resources = forms.CharField(
        label="Moyens nécessaires", max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, campaign: Campaign, with_theme: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_theme:
            self.fields["theme"].queryset = campaign.themes.order_by("order", "pk")
        else:
            del self.fields["theme"]  # the item's theme
