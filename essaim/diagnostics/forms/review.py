"""A comment on the diagnostic, one of its items or one action of its plan."""

from __future__ import annotations

from typing import Any

from django import forms

from essaim.diagnostics.models import Campaign

GENERAL = ""


class CommentForm(forms.Form):
    about = forms.ChoiceField(label="À propos de", required=False)
    text = forms.CharField(
        label="Votre commentaire", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), strip=True
    )

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(GENERAL, "L'ensemble de l'autodiagnostic")]
        choices += [(f"item-{item.pk}", f"Question : {item.text[:90]}") for item in campaign.items()]
        choices += [(f"action-{action.pk}", f"Action : {action.title[:90]}") for action in campaign.actions.all()]
        self.fields["about"].choices = choices


class AdviserInviteForm(forms.Form):
    email = forms.EmailField(label="Adresse e-mail du conseiller ou de la conseillère", max_length=254)
    full_name = forms.CharField(label="Nom (facultatif)", max_length=150, required=False)
