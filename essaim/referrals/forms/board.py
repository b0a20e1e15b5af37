"""The CRESS's board: its period, and the routing of a request by hand."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from essaim.core.fields import BoundedDateField, IdMultipleChoiceField
from essaim.referrals.models import Team


class PeriodForm(forms.Form):
    """The board's period: the last twelve months unless said otherwise."""

    start = BoundedDateField(label="Du", required=False)
    end = BoundedDateField(label="Au", required=False)

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        end = data.get("end") or self.today
        start = data.get("start") or default_start(end)
        if start > end:
            self.add_error("end", "La fin de la période doit suivre son début.")
        data["start"], data["end"] = start, end
        return data

    def period(self) -> tuple[date, date]:
        """The period asked for, or the last twelve months when the dates are wrong."""
        if self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return default_start(self.today), self.today


def default_start(end: date) -> date:
    """Twelve months back: the day after the same date a year before."""
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return end.replace(year=end.year - 1, day=28) + timedelta(days=1)


class TeamChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        # `handles`: annotated by the view, the team's referencing covers this request.
        return f"{obj} (traite ce besoin sur ce territoire)" if getattr(obj, "handles", False) else str(obj)


class RouteForm(forms.Form):
    """The CRESS sends a request by hand to teams of its choice."""

    teams = TeamChoiceField(
        label="Équipes destinataires",
        queryset=Team.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choisissez au moins une équipe."},
    )

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = teams
