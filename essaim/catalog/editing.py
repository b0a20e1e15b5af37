"""The form operators and the CRESS edit offers with; `services.offer_save` saves what it gives."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django import forms
from django.conf import settings

from essaim.catalog.models import CONTENT_FIELDS, TAXONOMY_MODELS, Offer, RefinementQuestion
from essaim.core.fields import BoundedDateField, IdMultipleChoiceField
from essaim.territories.models import Departement, Region
from essaim.territories.names import TerritoryNames, local_kind

REQUIREMENT_PREFIX = "requires_"
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
REQUIREMENT_CHOICES = [
    ("", "Pas de condition"),
    ("oui", "Réservée à qui répond oui"),
    ("non", "Réservée à qui répond non"),
]


class OfferForm(forms.ModelForm):
    coverage = forms.MultipleChoiceField(
        label="Territoires couverts",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez l'échelle la plus large qui convient.",
    )
    # A new offer's form carries a one-time token (`services.offer_create`): sent twice, it
    # finds the draft it created the first time.
    creation_token = forms.CharField(required=False, widget=forms.HiddenInput)
    local_codes = forms.CharField(
        label="Communes ou intercommunalités couvertes",
        required=False,
        help_text="Codes INSEE de communes (5 caractères) ou SIREN d'EPCI (9 chiffres), séparés par des virgules.",
    )

    class Meta:
        model = Offer
        fields = [*CONTENT_FIELDS[:3], "operator", *TAXONOMY_MODELS, *CONTENT_FIELDS[3:]]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            **{name: forms.CheckboxSelectMultiple for name in TAXONOMY_MODELS},
        }
        field_classes = {
            "opens_on": BoundedDateField,
            "deadline": BoundedDateField,
            **dict.fromkeys(TAXONOMY_MODELS, IdMultipleChoiceField),
        }
        help_texts = {
            "title": "Commencez par un verbe : « Financer son démarrage avec… ».",
            "stages": "Aucune case cochée : toutes les étapes.",
            "needs": "Aucune case cochée : tous les besoins.",
            "audiences": "Aucune case cochée : tous les publics.",
            "sectors": "Aucune case cochée : tous les secteurs.",
        }

    def __init__(self, *args: Any, operators: Any, territory_tokens: list[str] | None = None, **kwargs: Any) -> None:
        """`territory_tokens` shows other territories than the offer's own (a pending revision's)."""
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["creation_token"]
        else:
            self.fields["creation_token"].initial = secrets.token_urlsafe(24)
        self.fields["operator"].queryset = operators.order_by("search_name")
        for name, model in TAXONOMY_MODELS.items():
            self.fields[name].queryset = model.objects.filter(is_obsolete=False)
            self.fields[name].to_field_name = "slug"
        region = Region.objects.filter(code=settings.ESSAIM_REGION).first()
        choices = [("france", "France entière")]
        if region:
            choices.append((f"region:{region.code}", f"Toute la région {region.name}"))
            choices += [
                (f"departement:{dep.code}", f"{dep.name} ({dep.code})")
                for dep in Departement.objects.filter(region=region).order_by("code")
            ]
        self.fields["coverage"].choices = choices
        # One field per refinement question of the guided path: may this offer require an answer?
        self.questions = list(RefinementQuestion.objects.filter(is_obsolete=False))
        for question in self.questions:
            expected = self.instance.required_answers.get(question.slug)
            self.fields[REQUIREMENT_PREFIX + question.slug] = forms.ChoiceField(
                label=f"Condition : {question.label}",
                choices=REQUIREMENT_CHOICES,
                required=False,
                initial="" if expected is None else ("oui" if expected else "non"),
            )
        if self.instance.pk or territory_tokens is not None:
            if territory_tokens is None:
                territory_tokens = [territory.token for territory in self.instance.territories.all()]
            tokens = territory_tokens
            known = {value for value, _label in choices}
            self.initial["coverage"] = [token for token in tokens if token in known]
            self.initial["local_codes"] = ", ".join(token.split(":", 1)[1] for token in tokens if token not in known)

    def clean_creation_token(self) -> str:
        """A token the form did not make (tampered with) is ignored, not an error."""
        token = str(self.cleaned_data.get("creation_token") or "")
        return token if TOKEN.fullmatch(token) else ""

    def clean_local_codes(self) -> list[tuple[str, str, str]]:
        names = TerritoryNames()
        territories = []
        for code in [part.strip() for part in self.cleaned_data.get("local_codes", "").split(",") if part.strip()]:
            kind = local_kind(code)
            name = names.name(kind, code)
            if name is None:
                raise forms.ValidationError(f"« {code[:20]} » n'est ni un code de commune ni un SIREN d'EPCI connu.")
            territories.append((kind, code, name))
        return territories

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        names = TerritoryNames()
        territories = []
        for token in data.get("coverage", []):
            kind, _, code = token.partition(":")
            territories.append((kind, code, "France entière" if kind == "france" else names.name(kind, code) or code))
        territories += data.get("local_codes") or []
        data["required_answers"] = {
            question.slug: data[REQUIREMENT_PREFIX + question.slug] == "oui"
            for question in self.questions
            if data.get(REQUIREMENT_PREFIX + question.slug)
        }
        if not territories:
            self.add_error("coverage", "Indiquez au moins un territoire couvert.")
        # A territory typed twice ("49007, 49007") is covered once: nothing to tell the operator.
        data["territories"] = list({(kind, code): (kind, code, name) for kind, code, name in territories}.values())
        for low, high, label in (
            ("amount_min", "amount_max", "montant"),
            ("min_years", "max_years", "ancienneté"),
            ("min_employees", "max_employees", "effectif"),
        ):
            if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
                self.add_error(high, f"Le maximum de {label} doit être supérieur ou égal au minimum.")
        if data.get("opens_on") and data.get("deadline") and data["opens_on"] > data["deadline"]:
            self.add_error("deadline", "La date limite doit suivre la date d'ouverture.")
        return data

    def offer(self) -> Offer:
        """The offer as the form changed it, not saved yet (hand it to `services.offer_save`)."""
        offer: Offer = self.save(commit=False)
        # Keep what an obsolete question still requires: the form only shows the current ones.
        current = {question.slug for question in self.questions}
        kept = {slug: expected for slug, expected in offer.required_answers.items() if slug not in current}
        offer.required_answers = kept | self.cleaned_data["required_answers"]
        return offer

    def relations(self) -> dict[str, Any]:
        """The taxonomy terms chosen, by field name."""
        return {name: self.cleaned_data[name] for name in TAXONOMY_MODELS}
