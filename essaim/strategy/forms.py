from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from essaim.core.fields import BoundedDateField, IdMultipleChoiceField
from essaim.core.numbers import NumberInputError
from essaim.strategy import perms
from essaim.strategy.models import (
    Action,
    ActionDocument,
    Campaign,
    Decision,
    Indicator,
    Meeting,
    Milestone,
    ProgressReport,
    Strategy,
)
from essaim.strategy.services import ProposedValue

# The fields each service writes are the ones its form shows: one list, in the service.
from essaim.strategy.services.actions import ACTION_FIELDS
from essaim.strategy.services.campaigns import CAMPAIGN_FIELDS
from essaim.strategy.services.governance import DECISION_FIELDS, MEETING_FIELDS
from essaim.strategy.services.reports import REPORT_FIELDS
from essaim.strategy.values import parse_value

# A reminder goes at most this many days before or after a campaign's due date.
REMIND_DAYS_MAX = 90


class ReportForm(forms.ModelForm[ProgressReport]):
    class Meta:
        model = ProgressReport
        fields = list(REPORT_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields[2:]}
        help_texts = {
            "status": "L'état factuel de l'action à ce jour.",
            "weather": "Votre appréciation : l'objectif de l'action sera-t-il atteint ?",
            "highlights": "Un exemple concret, un chiffre, un témoignage : le public peut les lire.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].required = True
        self.fields["weather"].choices = [("", "Non renseignée"), *Action.Weather.choices[1:]]


class IndicatorValueForm(forms.Form):
    """One indicator's proposed value within a report; left blank, nothing is proposed."""

    value = forms.CharField(label="Valeur", required=False, max_length=40)
    measured_on = BoundedDateField(label="Date de la mesure", required=False)
    vintage = forms.CharField(label="Millésime", required=False, max_length=20, help_text="Par exemple 2019.")
    source = forms.CharField(label="Source", required=False, max_length=250)

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        self.indicator = indicator
        super().__init__(*args, **kwargs)
        self.fields["value"].label = f"Valeur (en {indicator.unit})"
        self.fields["value"].help_text = "Nombre seul : 12 ou 12,5."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = (data.get("value") or "").strip()
        if not text:
            return data
        try:
            data["number"] = parse_value(text, self.indicator.unit)
        except NumberInputError as error:
            self.add_error("value", str(error))
            return data
        if not data.get("measured_on"):
            self.add_error("measured_on", "Indiquez la date de la mesure.")
        if not (data.get("source") or "").strip():
            self.add_error("source", "Indiquez d'où vient la valeur (source).")
        return data

    def proposed(self) -> ProposedValue | None:
        data = self.cleaned_data
        if "number" not in data:
            return None
        measured_on: date = data["measured_on"]
        return ProposedValue(
            indicator=self.indicator,
            value=data["number"],
            measured_on=measured_on,
            source=data["source"].strip(),
            vintage=(data.get("vintage") or "").strip() or str(measured_on.year),
        )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label="Commentaire des copilotes",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Obligatoire pour renvoyer le point au référent ; facultatif pour le valider.",
    )


class CampaignForm(forms.ModelForm[Campaign]):
    class Meta:
        model = Campaign
        fields = list(CAMPAIGN_FIELDS)
        labels = {"title": "Titre de la campagne"}
        help_texts = {"meeting": "La réunion (COTECH, COPIL, conférence) où les points seront présentés."}
        field_classes = {"opens_on": BoundedDateField, "due_on": BoundedDateField}

    # Bounded so that a reminder's date stays a date (and a lead is chased within the campaign's season).
    remind_days_before = forms.IntegerField(
        label="Relance avant l'échéance (jours)", min_value=0, max_value=REMIND_DAYS_MAX, initial=7
    )
    remind_days_after = forms.IntegerField(
        label="Relance après l'échéance (jours)", min_value=0, max_value=REMIND_DAYS_MAX, initial=3
    )

    def __init__(self, *args: Any, user: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every choice is one this person may see (a meeting they may not read is refused).
        meetings = perms.visible_meetings(user, strategy).select_related("body")
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("opens_on") and data.get("due_on") and data["due_on"] < data["opens_on"]:
            self.add_error("due_on", "La date limite ne peut pas précéder l'ouverture.")
        return data


class BilanForm(forms.Form):
    title = forms.CharField(
        label="Titre du bilan", max_length=200, help_text="Par exemple « Bilan 2019 — conférence régionale »."
    )
    as_of = BoundedDateField(label="Arrêté au")
    introduction = forms.CharField(
        label="Mot d'introduction",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "Le bilan rappelle lui-même, à partir des données, combien d'actions sont réalisées, en cours "
            "ou en retard : ne recopiez pas ces chiffres ici, ils pourraient contredire les tableaux."
        ),
    )

    def clean_as_of(self) -> date:
        as_of: date = self.cleaned_data["as_of"]
        if as_of > timezone.localdate():
            raise forms.ValidationError("Un bilan dit ce qui a été fait : choisissez une date passée ou aujourd'hui.")
        return as_of


class ActionForm(forms.ModelForm[Action]):
    class Meta:
        model = Action
        fields = list(ACTION_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "public_summary": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"planned_start": BoundedDateField, "planned_end": BoundedDateField}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("planned_start") and data.get("planned_end") and data["planned_end"] < data["planned_start"]:
            self.add_error("planned_end", "La fin prévue ne peut pas précéder le début.")
        return data


class MilestoneDoneForm(forms.Form):
    done_on = BoundedDateField(label="Atteint le")

    def __init__(self, *args: Any, milestone: Milestone, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].label = f"« {milestone.title} » atteint le"


class DocumentForm(forms.ModelForm[ActionDocument]):
    class Meta:
        model = ActionDocument
        fields = ["title", "url", "kind", "dated", "is_public"]
        labels = {"title": "Titre du document", "url": "Adresse (lien vers le document)"}
        field_classes = {"dated": BoundedDateField}


class MeetingForm(forms.ModelForm[Meeting]):
    class Meta:
        model = Meeting
        fields = list(MEETING_FIELDS)
        labels = {"title": "Objet de la réunion", "body": "Groupe ou instance"}
        field_classes = {"held_on": BoundedDateField}
        widgets = {
            "agenda": forms.Textarea(attrs={"rows": 3}),
            "minutes": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, user: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the groups and bodies whose meetings this person records.
        self.fields["body"].queryset = perms.recordable_bodies(user, strategy)  # type: ignore[attr-defined]


class DecisionForm(forms.ModelForm[Decision]):
    class Meta:
        model = Decision
        fields = [*DECISION_FIELDS, "actions"]
        labels = {"text": "Décision prise"}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"due_on": BoundedDateField, "actions": IdMultipleChoiceField}

    def __init__(self, *args: Any, user: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every choice is one this person may see: an action they may not read is neither listed
        # nor accepted when posted (the form says the choice is invalid).
        people = perms.assignable_people(user, strategy)
        self.fields["owner"].queryset = people.order_by("full_name")  # type: ignore[attr-defined]
        actions = perms.visible_actions(user, strategy)
        self.fields["actions"].queryset = actions.order_by("order")  # type: ignore[attr-defined]
        self.fields["actions"].required = False
