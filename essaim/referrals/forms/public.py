"""The project leader's request form (no account): what they need, where, who they are, how to
reach them, and their consent to share it with the partners chosen to answer."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.forms import BoundField

from essaim.core.ratelimit import HoneypotForm
from essaim.core.registries import vocabulary
from essaim.core.text import MAX_ID
from essaim.organisations.legal_categories import legal_category_choices
from essaim.referrals.links import ORIENTATION
from essaim.referrals.models import DESCRIPTION_MAX
from essaim.referrals.services import referral_problems
from essaim.territories.forms import CommuneField

MAX_YEARS = 300
MAX_EMPLOYEES = 1_000_000
PHONE = re.compile(r"\A[0-9+().\s-]{6,30}\Z")


def _choices(name: str, empty: str) -> Any:
    """A vocabulary of the catalogue read when the form is built (it may change in the admin)."""
    return lambda: [("", empty), *vocabulary(name)]


class RequestForm(HoneypotForm):
    need = forms.ChoiceField(
        label="De quoi avez-vous besoin ?",
        choices=lambda: vocabulary("needs"),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez votre besoin dans la liste.",
            "invalid_choice": "Choisissez votre besoin dans la liste.",
        },
        help_text="Un besoin par demande : pour un autre besoin, envoyez une autre demande.",
    )
    stage = forms.ChoiceField(
        label="Où en est votre projet ?",
        choices=_choices("stages", "Je ne sais pas"),
        required=False,
        error_messages={"invalid_choice": "Choisissez l'étape de votre projet dans la liste."},
    )
    audience = forms.ChoiceField(
        label="Votre statut",
        choices=_choices("audiences", "Je ne sais pas"),
        required=False,
        error_messages={"invalid_choice": "Choisissez votre statut dans la liste."},
    )
    legal_form = forms.ChoiceField(
        label="Forme juridique de la structure",
        choices=lambda: [("", "Pas encore de structure, ou je ne sais pas"), *legal_category_choices()],
        required=False,
        help_text="Facultatif.",
        error_messages={"invalid_choice": "Choisissez la forme juridique dans la liste."},
    )
    years = forms.IntegerField(
        label="Depuis combien d'années la structure existe-t-elle ?",
        required=False,
        min_value=0,
        max_value=MAX_YEARS,
        help_text="Facultatif. 0 si elle a moins d'un an.",
    )
    employees = forms.IntegerField(
        label="Combien de salariés compte-t-elle ?",
        required=False,
        min_value=0,
        max_value=MAX_EMPLOYEES,
        help_text="Facultatif.",
    )
    commune = CommuneField(
        label="Commune du projet", error_messages={"required": "Indiquez la commune de votre projet."}
    )
    project_name = forms.CharField(label="Nom du projet ou de la structure", max_length=200, required=False)
    description = forms.CharField(
        label="Votre projet et votre demande, en quelques lignes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Ce que fait le projet, ce que vous attendez d'un accompagnement "
        f"({DESCRIPTION_MAX // 1000}\u202f{DESCRIPTION_MAX % 1000:03d} caractères au plus).",
    )
    name = forms.CharField(label="Vos nom et prénom", max_length=150, required=False)
    email = forms.EmailField(
        label="Adresse e-mail",
        required=False,
        help_text="Pour recevoir la confirmation, puis les coordonnées de la personne qui vous accompagnera.",
    )
    phone = forms.CharField(
        label="Téléphone",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text="Une adresse e-mail ou un téléphone au moins, pour qu'on puisse vous joindre.",
    )
    consent = forms.BooleanField(
        label="J'accepte que ma demande et mes coordonnées soient transmises aux partenaires du réseau "
        "d'accompagnement choisis pour y répondre, et à l'équipe de la CRESS qui les coordonne.",
        error_messages={"required": "Votre accord est nécessaire pour transmettre la demande aux partenaires."},
    )
    # Where the form was opened from (hidden): the guided path's results, an offer's page.
    origine = forms.ChoiceField(
        choices=[("", ""), (ORIENTATION, ORIENTATION)], required=False, widget=forms.HiddenInput
    )
    offre = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)

    def _clean_fields(self) -> None:
        # A hidden field nobody can correct: an altered value is ignored, never an error.
        super()._clean_fields()
        for name in ("origine", "offre"):
            if name in self.errors:
                del self.errors[name]
                self.cleaned_data[name] = None if name == "offre" else ""

    # The need comes first, on its own (a group of choices); then these fieldsets.
    fieldsets: tuple[tuple[str, tuple[str, ...]], ...] = (
        (
            "Votre projet",
            ("commune", "stage", "audience", "legal_form", "years", "employees", "project_name", "description"),
        ),
        ("Comment vous joindre", ("name", "email", "phone")),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def grouped(self) -> list[tuple[str, list[BoundField]]]:
        """The fields by fieldset, for the template (a legend, then its fields)."""
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def clean_phone(self) -> str:
        phone = str(self.cleaned_data.get("phone") or "").strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                "Le numéro de téléphone ne peut contenir que des chiffres, des espaces et + . - ( )."
            )
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        problems = referral_problems(
            need=data.get("need") or "",
            email=data.get("email") or "",
            phone=data.get("phone") or "",
            description=data.get("description") or "",
            consent=bool(data.get("consent")),
            stage=data.get("stage") or "",
            audience=data.get("audience") or "",
            legal_form=data.get("legal_form") or "",
        )
        # An e-mail or a phone typed but refused has its own error: the "at least one" one would
        # only repeat it.
        reachable_typed = "email" in self.errors or "phone" in self.errors
        for field, message in problems.items():
            if field in self.errors or (field == "email" and reachable_typed):
                continue
            self.add_error(field if field in self.fields else None, message)
        return data
