"""The pilot's support request: the need, the themes whose diagnostic is shared, consent."""

from __future__ import annotations

from typing import Any

from django import forms

from essaim.core.fields import IdMultipleChoiceField
from essaim.core.registries import vocabulary
from essaim.diagnostics.models import Campaign, Theme


class SupportForm(forms.Form):
    need = forms.ChoiceField(label="De quel accompagnement avez-vous besoin ?", widget=forms.RadioSelect)
    themes = IdMultipleChoiceField(
        queryset=Theme.objects.none(),
        label="Ce que vous partagez de l'autodiagnostic",
        help_text="Pour chaque thème coché, le partenaire lit les niveaux retenus par votre équipe et les actions "
        "de votre plan ; jamais les réponses de chacun.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choisissez au moins un thème à partager avec le partenaire."},
    )
    message = forms.CharField(
        label="Votre demande, en quelques lignes (facultatif)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    phone = forms.CharField(label="Téléphone (facultatif)", required=False, max_length=30)
    consent = forms.BooleanField(
        label="J'accepte que ces extraits de l'autodiagnostic et mes coordonnées soient transmis aux partenaires "
        "du réseau d'accompagnement choisis pour répondre, et à l'équipe de la CRESS qui les coordonne.",
        error_messages={"required": "Votre accord est nécessaire pour transmettre la demande."},
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = vocabulary("needs")
        self.fields["themes"].queryset = campaign.themes.order_by("order")  # type: ignore[attr-defined]
