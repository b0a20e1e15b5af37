"""The organiser's forms: an event's settings, its sessions and tables, the participant list's
filters, and moving or adding a rendez-vous by hand."""

from __future__ import annotations

from itertools import combinations_with_replacement
from typing import Any

from django import forms
from django.conf import settings

from essaim.core.fields import BoundedDateField
from essaim.esspresso.models import Event, Participant, ParticipantKind, Session, Slot, Table
from essaim.territories.forms import CommuneField
from essaim.territories.models import Departement, Epci

MAX_TABLES = 200
MAX_GROUP = 8


def kind_pairs() -> list[tuple[str, str]]:
    """Every pair of participant types, as `Event.allowed_pairs` stores it ("ess:collectivite")."""
    labels = dict(ParticipantKind.choices)
    return [
        (f"{a}:{b}", f"{labels[a]} ↔ {labels[b]}" if a != b else f"{labels[a]} entre elles")
        for a, b in combinations_with_replacement(list(labels), 2)
    ]


class EventForm(forms.ModelForm):
    commune = CommuneField(label="Commune", required=False, region_code=None)
    allowed_pairs = forms.MultipleChoiceField(
        label="Qui peut rencontrer qui",
        choices=kind_pairs,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Ne cochez rien pour que tout le monde puisse rencontrer tout le monde.",
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "date",
            "place",
            "address",
            "commune",
            "scope",
            "scope_code",
            "sector",
            "format",
            "group_size",
            "registration_closes_on",
            "requests_close_on",
            "needs_validation",
            "default_max_meetings",
            "allowed_pairs",
            "is_published",
        ]
        field_classes = {
            "date": BoundedDateField,
            "registration_closes_on": BoundedDateField,
            "requests_close_on": BoundedDateField,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].region_code = settings.ESSAIM_REGION  # type: ignore[attr-defined]
        self.fields["group_size"].min_value = 2  # type: ignore[attr-defined]
        self.fields["group_size"].widget.attrs.update({"min": 2, "max": MAX_GROUP})
        self.fields["default_max_meetings"].widget.attrs.update({"min": 1, "max": 50})
        self.fields["sector"].required = False
        if self.instance.pk and not self.is_bound:
            self.initial["commune"] = self.instance.commune
            self.initial["allowed_pairs"] = list(self.instance.allowed_pairs or [])

    def clean_group_size(self) -> int:
        size: int = self.cleaned_data["group_size"]
        if not 2 <= size <= MAX_GROUP:
            raise forms.ValidationError(f"Indiquez entre 2 et {MAX_GROUP} personnes par table.")
        return size

    def clean_default_max_meetings(self) -> int | None:
        value: int | None = self.cleaned_data.get("default_max_meetings")
        if value is not None and not 1 <= value <= 50:
            raise forms.ValidationError("Indiquez entre 1 et 50 rendez-vous, ou laissez vide.")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day = data.get("date")
        for name, label in (
            ("registration_closes_on", "Les inscriptions"),
            ("requests_close_on", "Les demandes de rendez-vous"),
        ):
            deadline = data.get(name)
            if day and deadline and deadline > day:
                self.add_error(name, f"{label} doivent se clore au plus tard le jour de l'événement ({day:%d/%m/%Y}).")
        scope, code = data.get("scope"), (data.get("scope_code") or "").strip()
        data["scope_code"] = code
        if scope == Event.Scope.DEPARTEMENT and not Departement.objects.filter(code=code).exists():
            self.add_error("scope_code", "Indiquez le code d'un département (par exemple « 49 »).")
        elif scope == Event.Scope.EPCI and not Epci.objects.filter(code=code).exists():
            self.add_error("scope_code", "Indiquez le SIREN d'une intercommunalité (9 chiffres).")
        elif scope == Event.Scope.SECTOR and not data.get("sector"):
            self.add_error("sector", "Choisissez la filière de l'événement.")
        return data

    def save(self, commit: bool = True) -> Event:
        event: Event = super().save(commit=False)
        event.commune = self.cleaned_data.get("commune")
        event.allowed_pairs = sorted(self.cleaned_data.get("allowed_pairs") or [])
        if event.scope != Event.Scope.SECTOR:
            event.sector = None
        if commit:
            event.save()
        return event


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["label", "starts_at", "ends_at", "meeting_minutes", "break_minutes"]
        widgets = {
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean_meeting_minutes(self) -> int:
        minutes: int = self.cleaned_data["meeting_minutes"]
        if not 5 <= minutes <= 240:
            raise forms.ValidationError("Un rendez-vous dure entre 5 et 240 minutes.")
        return minutes

    def clean_break_minutes(self) -> int:
        minutes: int = self.cleaned_data["break_minutes"]
        if minutes > 120:
            raise forms.ValidationError("Une pause dure au plus 120 minutes.")
        return minutes

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "La session doit finir après son début.")
        return data


class BaseSessionFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            if not self.can_delete or not self._should_delete_form(form) or not form.instance.pk:
                continue
            if form.instance.slots.filter(appointments__isnull=False).exists():
                raise forms.ValidationError(
                    f"La session « {form.instance.label} » a des rendez-vous : annulez-les ou "
                    "déplacez-les avant de la supprimer."
                )
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not (self.can_delete and self._should_delete_form(form))
            and form.cleaned_data.get("starts_at")
            and form.cleaned_data.get("ends_at")
        ]
        kept.sort(key=lambda data: data["starts_at"])
        for before, after in zip(kept, kept[1:], strict=False):
            # Two sessions at the same time would put one person in two rendez-vous at once.
            if after["starts_at"] < before["ends_at"]:
                raise forms.ValidationError(
                    f"Les sessions « {before.get('label', '')} » et « {after.get('label', '')} » se chevauchent : "
                    "une personne pourrait avoir deux rendez-vous en même temps. Décalez leurs horaires."
                )


SessionFormSet = forms.inlineformset_factory(
    Event,
    Session,
    form=SessionForm,
    formset=BaseSessionFormSet,
    extra=1,
    can_delete=True,
    max_num=10,
    validate_max=True,
)


class TablesForm(forms.Form):
    count = forms.IntegerField(label="Nombre de tables", min_value=1, max_value=MAX_TABLES)
    names = forms.CharField(
        label="Noms des tables (facultatif)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Un nom par ligne, dans l'ordre des numéros (par exemple « Salle Loire »).",
    )

    def clean_names(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data.get("names", "").splitlines()]
        if any(len(line) > 100 for line in lines):
            raise forms.ValidationError("Un nom de table fait au plus 100 caractères.")
        while lines and not lines[-1]:
            lines.pop()
        return lines


class HostsForm(forms.Form):
    """A host for each table (a collectivité, say): their partners come to them."""

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tables = list(Table.objects.filter(event=event).order_by("number"))
        people = Participant.objects.confirmed().filter(event=event).select_related("organisation")
        for table in self.tables:
            self.fields[f"host_{table.number}"] = forms.ModelChoiceField(
                label=str(table),
                queryset=people,
                required=False,
                initial=table.host_id,
                empty_label="Aucun hôte",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: dict[int, str] = {}
        for name, host in list(data.items()):
            if host is None:
                continue
            if host.pk in seen:
                self.add_error(name, f"{host.full_name} est déjà hôte de la {seen[host.pk]}.")
            seen[host.pk] = self.fields[name].label or ""
        return data

    def hosts(self) -> dict[int, Participant | None]:
        """Table number → its host (None: no host)."""
        return {table.number: self.cleaned_data.get(f"host_{table.number}") for table in self.tables}


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label="Rechercher", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Statut", required=False, choices=[("", "Tous")] + list(Participant.Status.choices)
    )
    kind = forms.ChoiceField(label="Type", required=False, choices=[("", "Tous")] + list(ParticipantKind.choices))

    def filter(self, participants: Any) -> Any:
        if not self.is_valid():
            return participants
        data = self.cleaned_data
        if data["q"]:
            participants = participants.matching(data["q"])
        if data["status"]:
            participants = participants.filter(status=data["status"])
        if data["kind"]:
            participants = participants.filter(kind=data["kind"])
        return participants


class PlaceForm(forms.Form):
    """Where a rendez-vous goes: a slot and, optionally, a table."""

    slot = forms.ModelChoiceField(label="Créneau", queryset=Slot.objects.none())
    table = forms.ModelChoiceField(
        label="Table", queryset=Table.objects.none(), required=False, empty_label="Sans table"
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = Slot.objects.filter(event=event).order_by("starts_at", "pk")  # type: ignore[attr-defined]
        self.fields["table"].queryset = Table.objects.filter(event=event).order_by("number")  # type: ignore[attr-defined]


class AppointmentAddForm(PlaceForm):
    first = forms.ModelChoiceField(label="Première personne", queryset=Participant.objects.none())
    second = forms.ModelChoiceField(label="Seconde personne", queryset=Participant.objects.none())

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, event=event, **kwargs)
        people = Participant.objects.confirmed().filter(event=event).select_related("organisation")
        self.fields["first"].queryset = people  # type: ignore[attr-defined]
        self.fields["second"].queryset = people  # type: ignore[attr-defined]
        self.fields["first"].label_from_instance = _person_label  # type: ignore[attr-defined]
        self.fields["second"].label_from_instance = _person_label  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("first"), data.get("second")
        if first and second and first.pk == second.pk:
            self.add_error("second", "Choisissez deux personnes différentes.")
        return data


def _person_label(participant: Participant) -> str:
    return f"{participant.full_name} ({participant.organisation.name})"
