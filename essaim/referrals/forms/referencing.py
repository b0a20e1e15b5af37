"""The CRESS's forms on partners: a team's referencing and the module's settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q

from essaim.accounts.models import EMAIL_MAX_LENGTH
from essaim.core.registries import vocabulary
from essaim.organisations.legal_categories import legal_category_choices
from essaim.organisations.models import Organisation
from essaim.referrals.models import Team
from essaim.referrals.services.partners import AdviserAddress
from essaim.territories.forms import CoveredTerritoriesForm, territory_token

MAX_ADVISERS = 50
MAX_YEARS = 500
MAX_EMPLOYEES = 1_000_000
LISTS = ("needs", "audiences", "legal_forms")
BOUNDS = (("min_years", "max_years", "d'ancienneté"), ("min_employees", "max_employees", "d'effectif"))


class TeamForm(CoveredTerritoriesForm):
    """A partner team's referencing, saved by `services.partners.team_save`."""

    organisation = forms.ModelChoiceField(
        label="Structure",
        queryset=Organisation.objects.none(),
        help_text="Une structure de l'annuaire. Absente ? Ajoutez-la d'abord à l'annuaire.",
        error_messages={"invalid_choice": "Choisissez une structure de l'annuaire."},
    )
    name = forms.CharField(label="Nom de l'équipe", max_length=200, help_text="Par exemple « Antenne de Nantes ».")
    email = forms.EmailField(
        label="E-mail de l'équipe", required=False, help_text="Donné au porteur de projet pour la joindre."
    )
    phone = forms.CharField(label="Téléphone de l'équipe", max_length=30, required=False)
    needs = forms.MultipleChoiceField(
        label="Besoins traités",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Cochez au moins un besoin : sans besoin, l'équipe ne reçoit aucune demande."},
    )
    audiences = forms.MultipleChoiceField(
        label="Publics accompagnés",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune case cochée : tous les publics.",
    )
    legal_forms = forms.MultipleChoiceField(
        label="Formes juridiques acceptées",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Aucune case cochée : toutes les formes juridiques.",
    )
    min_years = forms.IntegerField(
        label="Ancienneté minimale (années)", required=False, min_value=0, max_value=MAX_YEARS
    )
    max_years = forms.IntegerField(
        label="Ancienneté maximale (années)",
        required=False,
        min_value=0,
        max_value=MAX_YEARS,
        help_text="Laissez vide : pas de limite.",
    )
    min_employees = forms.IntegerField(label="Effectif minimal", required=False, min_value=0, max_value=MAX_EMPLOYEES)
    max_employees = forms.IntegerField(
        label="Effectif maximal",
        required=False,
        min_value=0,
        max_value=MAX_EMPLOYEES,
        help_text="Laissez vide : pas de limite.",
    )
    is_active = forms.BooleanField(label="L'équipe reçoit des demandes", required=False, initial=True)
    advisers = forms.CharField(
        label="Conseillers",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "Une adresse e-mail par ligne, suivie si vous le souhaitez du nom complet : "
            "« claire.martin@exemple.fr, Claire Martin ». Une adresse sans compte en reçoit un : "
            "la personne choisit son mot de passe depuis le lien de son premier e-mail de demande."
        ),
    )

    field_order = [
        "organisation",
        "name",
        "email",
        "phone",
        "needs",
        "coverage",
        "local_codes",
        "audiences",
        "legal_forms",
        "min_years",
        "max_years",
        "min_employees",
        "max_employees",
        "advisers",
        "is_active",
    ]

    def __init__(self, *args: Any, team: Team | None = None, **kwargs: Any) -> None:
        self.team = team
        tokens = [territory_token(t.kind, t.code) for t in team.territories.all()] if team else None
        if team is not None:
            kwargs.setdefault("initial", {}).update(self._initial_of(team))
        super().__init__(*args, territory_tokens=tokens, **kwargs)
        organisations = Organisation.objects.active()
        if team is not None:
            organisations = Organisation.objects.filter(Q(is_active=True) | Q(pk=team.organisation_id))
        self.fields["organisation"].queryset = organisations.order_by("search_name")
        self.fields["needs"].choices = vocabulary("needs")
        self.fields["audiences"].choices = vocabulary("audiences")
        self.fields["legal_forms"].choices = [(code, f"{label} ({code})") for code, label in legal_category_choices()]

    @staticmethod
    def _initial_of(team: Team) -> dict[str, Any]:
        names = ("organisation", "name", "email", "phone", *LISTS, "is_active", *(n for b in BOUNDS for n in b[:2]))
        initial = {name: getattr(team, name) for name in names}
        initial["advisers"] = "\n".join(
            f"{adviser.email}, {adviser.full_name}" if adviser.full_name else adviser.email
            for adviser in team.advisers.order_by("email")
        )
        return initial

    def clean_advisers(self) -> list[AdviserAddress]:
        lines = [line.strip() for line in self.cleaned_data.get("advisers", "").splitlines() if line.strip()]
        if len(lines) > MAX_ADVISERS:
            raise ValidationError(f"Indiquez au plus {MAX_ADVISERS} conseillers.")
        found: dict[str, AdviserAddress] = {}
        errors = []
        for number, line in enumerate(lines, start=1):
            address = _adviser_line(line)
            if address is None:
                errors.append(f"Ligne {number} : « {line[:60]} » ne contient pas d'adresse e-mail valide.")
            else:
                found.setdefault(address.email, address)
        if errors:
            raise ValidationError(errors)
        return list(found.values())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for low, high, label in BOUNDS:
            if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
                self.add_error(high, f"Le maximum {label} doit être supérieur ou égal au minimum.")
        if self.team is not None:
            # Keep the terms the catalogue retired since: the form only shows the current ones.
            for name in ("needs", "audiences"):
                current = {slug for slug, _label in vocabulary(name)}
                kept = [slug for slug in getattr(self.team, name) or [] if slug not in current]
                if name in data:
                    data[name] = [*data[name], *kept]
        return data

    def team_data(self) -> dict[str, Any]:
        """The team's fields, for `team_save`."""
        names = ("organisation", "name", "email", "phone", *LISTS, "is_active", *(n for b in BOUNDS for n in b[:2]))
        return {name: self.cleaned_data[name] for name in names}

    def territories(self) -> list[tuple[str, str]]:
        return [(kind, code) for kind, code, _name in self.cleaned_data["territories"]]


def _adviser_line(line: str) -> AdviserAddress | None:
    """ "claire@exemple.fr, Claire Martin", "Claire Martin <claire@exemple.fr>" or an address alone."""
    words = line.replace(",", " ").replace(";", " ").split()
    addresses = [word for word in words if "@" in word]
    if len(addresses) != 1:
        return None
    email = addresses[0].strip("<>()[]\"'").lower()
    if len(email) > EMAIL_MAX_LENGTH:
        return None
    try:
        validate_email(email)
    except ValidationError:
        return None
    name = " ".join(word for word in words if word != addresses[0]).strip("<>()[]\"' ")
    return AdviserAddress(email=email, full_name=name[:150])


class SettingsForm(forms.Form):
    max_partners = forms.IntegerField(
        label="Nombre maximal de partenaires destinataires",
        min_value=1,
        max_value=10,
        help_text="Une demande est transmise au plus à ce nombre de structures partenaires à la fois (de 1 à 10).",
    )
    retention_months = forms.IntegerField(
        label="Durée de conservation après clôture (mois)",
        min_value=1,
        max_value=120,
        help_text=(
            "Passé ce délai, les coordonnées et la description des demandes closes sont effacées (de 1 à 120 mois)."
        ),
    )
