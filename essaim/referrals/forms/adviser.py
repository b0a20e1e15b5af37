"""The adviser's forms: the inbox's filter, and the answers to a request (take it in hand, "pas
pour nous", close it). Each answer form carries its own prefix, as the three share one page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from essaim.referrals.models import DeclineReason, Outcome, Team

# The inbox's groups, as the query string names them ("?etat=prises").
WAITING, TAKEN, DONE, ALL = "a-traiter", "prises", "closes", "toutes"
INBOX_STATES = [(WAITING, "À traiter"), (TAKEN, "Prises en charge"), (DONE, "Closes"), (ALL, "Toutes")]


class InboxFilterForm(forms.Form):
    etat = forms.ChoiceField(label="État", choices=INBOX_STATES, required=False)

    def state(self) -> str:
        """The group asked for; "à traiter" when none or an unknown one is asked."""
        if self.is_valid() and self.cleaned_data["etat"]:
            return str(self.cleaned_data["etat"])
        return WAITING


class TeamAnswerForm(forms.Form):
    """An answer given for one of the adviser's teams: asked only when the request reached
    several of them; with one, it is that one (with none, the CRESS answers for itself)."""

    team = forms.TypedChoiceField(label="Pour l'équipe", coerce=int, empty_value=None)

    def __init__(self, *args: Any, teams: Sequence[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.teams = {team.pk: team for team in teams}
        if len(teams) > 1:
            self.fields["team"].choices = [("", "Choisissez une équipe")] + [(team.pk, team.name) for team in teams]
            self.fields["team"].error_messages["invalid_choice"] = "Choisissez une de vos équipes."
            self.fields["team"].error_messages["required"] = "Choisissez l'équipe qui répond."
        else:
            del self.fields["team"]

    def chosen_team(self) -> Team | None:
        if "team" in self.fields:
            return self.teams[self.cleaned_data["team"]]
        return next(iter(self.teams.values()), None)


class TakeForm(TeamAnswerForm):
    prefix = "prendre"


class DeclineForm(TeamAnswerForm):
    prefix = "decliner"

    reason = forms.ChoiceField(
        label="Raison",
        choices=[("", "Choisissez une raison"), *DeclineReason.choices],
        error_messages={
            "required": "Choisissez la raison pour laquelle la demande n'est pas pour vous.",
            "invalid_choice": "Choisissez une raison dans la liste.",
        },
    )
    note = forms.CharField(
        label="Précision (facultative)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Lue par la CRESS et votre équipe, jamais par le porteur de projet ni les autres partenaires.",
    )


class CloseForm(forms.Form):
    prefix = "clore"

    outcome = forms.ChoiceField(
        label="Issue de la demande",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez l'issue de la demande.",
            "invalid_choice": "Choisissez une issue dans la liste.",
        },
    )
    note = forms.CharField(
        label="Note de clôture (facultative)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Gardée avec la demande, pour votre équipe et la CRESS.",
    )
