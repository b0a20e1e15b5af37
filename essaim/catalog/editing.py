"""The form operators and the CRESS edit offers with; `services.offer_save` saves what it gives."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django import forms

from essaim.catalog.models import CONTENT_FIELDS, TAXONOMY_MODELS, Offer, RefinementQuestion
from essaim.core.fields import BoundedDateField, IdMultipleChoiceField
from essaim.territories.forms import CoveredTerritoriesForm

REQUIREMENT_PREFIX = "requires_"
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
REQUIREMENT_CHOICES = [
    ("", "Pas de condition"),
    ("oui", "Réservée à qui répond oui"),
    ("non", "Réservée à qui répond non"),
]


class OfferForm(CoveredTerritoriesForm, forms.ModelForm):
    # A new offer's form carries a one-time token (`services.offer_create`): sent twice, it
    # finds the draft it created the first time.
    creation_token = forms.CharField(required=False, widget=forms.HiddenInput)

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
        instance = kwargs.get("instance")
        if territory_tokens is None and instance is not None and instance.pk:
            territory_tokens = [territory.token for territory in instance.territories.all()]
        super().__init__(*args, territory_tokens=territory_tokens, **kwargs)
        if self.instance.pk:
            del self.fields["creation_token"]
        else:
            self.fields["creation_token"].initial = secrets.token_urlsafe(24)
        self.fields["operator"].queryset = operators.order_by("search_name")
        for name, model in TAXONOMY_MODELS.items():
            self.fields[name].queryset = model.objects.filter(is_obsolete=False)
            self.fields[name].to_field_name = "slug"
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

    def clean_creation_token(self) -> str:
        """A token the form did not make (tampered with) is ignored, not an error."""
        token = str(self.cleaned_data.get("creation_token") or "")
        return token if TOKEN.fullmatch(token) else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["required_answers"] = {
            question.slug: data[REQUIREMENT_PREFIX + question.slug] == "oui"
            for question in self.questions
            if data.get(REQUIREMENT_PREFIX + question.slug)
        }
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
