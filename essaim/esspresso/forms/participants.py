"""The participant's forms: registration (no account needed), the profile, a request to meet, the
directory's filters, the feedback on each rendez-vous, the personal link asked again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BoundField

from essaim.core.fields import IdMultipleChoiceField
from essaim.core.ratelimit import HoneypotForm
from essaim.esspresso.models import Event, ParticipantKind, Priority, Seat, Sector, Topic
from essaim.organisations.models import Organisation
from essaim.organisations.siret import InvalidIdentifier, validate_siret
from essaim.territories.forms import CommuneField

MAX_MEETINGS = 60


def _topics() -> Any:
    return Topic.objects.filter(is_obsolete=False)


class ProfileFieldsForm(forms.Form):
    """What a participant says of themselves, at registration and later in their space. The
    event's sessions are the choices of availability (all ticked unless the person unticks)."""

    first_name = forms.CharField(label="Prénom", max_length=100)
    last_name = forms.CharField(label="Nom", max_length=100)
    job_title = forms.CharField(label="Fonction", max_length=150, required=False)
    phone = forms.CharField(
        label="Téléphone",
        max_length=30,
        required=False,
        help_text="Pour vous joindre le jour de l'événement ; il n'est montré qu'à l'organisateur.",
    )
    kind = forms.ChoiceField(label="Vous représentez", choices=ParticipantKind.choices, widget=forms.RadioSelect)
    offers = IdMultipleChoiceField(
        label="Ce que nous proposons",
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    offers_text = forms.CharField(
        label="Ce que nous proposons, en quelques mots",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Vos produits, services, savoir-faire (1 000 caractères au plus).",
    )
    seeks = IdMultipleChoiceField(
        label="Ce que nous cherchons",
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    seeks_text = forms.CharField(
        label="Ce que nous cherchons, en quelques mots",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Fournisseurs, partenaires, financements, compétences… (1 000 caractères au plus).",
    )
    sectors = IdMultipleChoiceField(
        label="Secteurs d'activité",
        queryset=Sector.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sessions = IdMultipleChoiceField(
        label="Vous êtes disponible pendant",
        queryset=None,  # the event's sessions, set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Si vous ne cochez rien, vous êtes compté(e) disponible pendant toutes les sessions.",
    )
    max_meetings = forms.IntegerField(
        label="Nombre de rendez-vous souhaités au plus",
        min_value=1,
        max_value=MAX_MEETINGS,
        required=False,
        help_text="Laissez vide pour autant de rendez-vous que vos disponibilités le permettent.",
    )
    listed = forms.BooleanField(
        label="Mon profil apparaît dans l'annuaire des participants de l'événement",
        required=False,
        initial=True,
    )

    fieldsets: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("Vous", ("first_name", "last_name", "job_title", "phone")),
        ("Votre structure", ("kind",)),
        ("Ce que vous proposez et ce que vous cherchez", ("offers", "offers_text", "seeks", "seeks_text", "sectors")),
        ("Vos disponibilités", ("sessions", "max_meetings", "listed")),
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["offers"].queryset = _topics()  # type: ignore[attr-defined]
        self.fields["seeks"].queryset = _topics()  # type: ignore[attr-defined]
        self.fields["sectors"].queryset = Sector.objects.filter(is_obsolete=False)  # type: ignore[attr-defined]
        self.fields["sessions"].queryset = event.sessions.all()  # type: ignore[attr-defined]
        if not self.is_bound and "sessions" not in self.initial:
            self.initial["sessions"] = list(event.sessions.all())

    def grouped(self) -> list[tuple[str, list[BoundField]]]:
        """The fields by fieldset, for the template (a legend, then its fields)."""
        return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in self.fieldsets]

    def profile_fields(self) -> dict[str, Any]:
        """The model fields of the participant, as the services take them."""
        data = self.cleaned_data
        names = ("first_name", "last_name", "job_title", "phone", "kind", "offers_text", "seeks_text")
        fields = {name: data[name] for name in names}
        fields["max_meetings"] = data.get("max_meetings")
        fields["listed"] = bool(data.get("listed"))
        return fields


class ProfileForm(ProfileFieldsForm):
    """The profile, edited from the personal space (the e-mail is the key: it does not change)."""


class RegistrationForm(HoneypotForm, ProfileFieldsForm):
    """A registration without an account. The structure is one of the person's own (when logged
    in), or found by SIRET or name in the shared directory, else created for the CRESS to check."""

    email = forms.EmailField(
        label="Adresse e-mail",
        max_length=254,
        help_text="Votre lien personnel y sera envoyé : il donne accès à votre profil, vos demandes et votre agenda.",
    )
    organisation = forms.ModelChoiceField(
        label="Une de vos structures",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Une autre structure (saisie ci-dessous)",
    )
    organisation_name = forms.CharField(label="Nom de la structure", max_length=200, required=False)
    siret = forms.CharField(
        label="SIRET",
        max_length=20,
        required=False,
        help_text="14 chiffres ; s'il est connu, nous retrouvons votre structure dans l'annuaire.",
    )
    commune = CommuneField(label="Commune de la structure", required=False)
    consent = forms.BooleanField(
        label="J'accepte que ces informations soient utilisées pour organiser mes rendez-vous (voir ci-dessus)",
        error_messages={"required": "Cochez cette case pour vous inscrire."},
    )

    fieldsets = (
        ("Vous", ("first_name", "last_name", "job_title", "email", "phone")),
        ("Votre structure", ("organisation", "organisation_name", "siret", "commune", "kind")),
        *ProfileFieldsForm.fieldsets[2:],
        ("Vos données", ("consent",)),
    )

    def __init__(self, *args: Any, event: Event, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, event=event, **kwargs)
        if organisations is not None and organisations.exists():
            self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        else:
            del self.fields["organisation"]

    def clean_siret(self) -> str:
        value: str = self.cleaned_data.get("siret", "")
        if not value.strip():
            return ""
        try:
            return validate_siret(value)
        except InvalidIdentifier as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        named = data.get("organisation") or (data.get("organisation_name") or "").strip()
        if not named and "organisation_name" not in self.errors:
            self.add_error("organisation_name", "Indiquez le nom de votre structure.")
        return data


class LinkRequestForm(HoneypotForm):
    email = forms.EmailField(label="Adresse e-mail utilisée pour l'inscription", max_length=254)


class WishForm(forms.Form):
    priority = forms.ChoiceField(
        label="Priorité", choices=Priority.choices, initial=Priority.LIKE, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label="Message (facultatif)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Pourquoi cette rencontre vous intéresse (500 caractères au plus).",
    )


YES_NO = [("oui", "Oui"), ("non", "Non")]


class FeedbackForm(forms.Form):
    """One person's word on one rendez-vous."""

    happened = forms.ChoiceField(label="Le rendez-vous a-t-il eu lieu ?", choices=YES_NO, widget=forms.RadioSelect)
    usefulness = forms.ChoiceField(
        label="Était-il utile ?", choices=Seat.Usefulness.choices, required=False, widget=forms.RadioSelect
    )
    follow_up = forms.ChoiceField(
        label="Une suite est-elle prévue ?", choices=Seat.FollowUp.choices, required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, seat: Seat, **kwargs: Any) -> None:
        initial = kwargs.pop("initial", {}) or {}
        if seat.happened is not None:
            initial.setdefault("happened", "oui" if seat.happened else "non")
        initial.setdefault("usefulness", seat.usefulness)
        initial.setdefault("follow_up", seat.follow_up)
        super().__init__(*args, prefix=f"rdv{seat.pk}", initial=initial, **kwargs)
        self.seat = seat


class DirectoryFilterForm(forms.Form):
    """The directory's search; an invalid value is ignored, the other filters still apply."""

    q = forms.CharField(label="Rechercher", max_length=200, required=False, help_text="Nom, structure, mots-clés.")
    kind = forms.ChoiceField(label="Type", choices=[("", "Tous")] + list(ParticipantKind.choices), required=False)
    offers = forms.ModelChoiceField(
        label="Propose", queryset=Topic.objects.none(), required=False, empty_label="Tous les thèmes"
    )
    seeks = forms.ModelChoiceField(
        label="Cherche", queryset=Topic.objects.none(), required=False, empty_label="Tous les thèmes"
    )
    sector = forms.ModelChoiceField(
        label="Secteur", queryset=Sector.objects.none(), required=False, empty_label="Tous les secteurs"
    )
    departement = forms.ChoiceField(label="Département", required=False)

    def __init__(self, *args: Any, departements: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offers"].queryset = _topics()  # type: ignore[attr-defined]
        self.fields["seeks"].queryset = _topics()  # type: ignore[attr-defined]
        self.fields["sector"].queryset = Sector.objects.filter(is_obsolete=False)  # type: ignore[attr-defined]
        self.fields["departement"].choices = [("", "Tous"), *departements]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        """The valid filters only."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
