from __future__ import annotations

from typing import Any, cast

from django import forms

from essaim.core.imports import split_list
from essaim.organisations.models import EssFamily, Organisation, OrganisationRole
from essaim.organisations.siret import InvalidIdentifier, validate_siret
from essaim.organisations.sizes import HEADCOUNT_BANDS
from essaim.territories.models import Commune, Departement
from essaim.territories.names import insee_code


class SlugListField(forms.CharField):
    """A `|`-separated list of slugs, whose order does not matter."""

    def has_changed(self, initial: Any, data: Any) -> bool:
        return set(split_list(initial or "")) != set(split_list(data or ""))


class BandField(forms.ChoiceField):
    """An INSEE head-count band; "1" is read "01" (a spreadsheet drops the leading zero)."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        return text.zfill(2) if len(text) == 1 and text.isdigit() else text


class OrganisationRowForm(forms.ModelForm):
    """Validates one row of an organisation import; cells are the CSV's text."""

    commune_code = forms.CharField(required=False)
    headcount_band = BandField(choices=[("", ""), *HEADCOUNT_BANDS], required=False)
    roles = SlugListField(required=False)

    class Meta:
        model = Organisation
        fields = [
            "name",
            "siret",
            "legal_category",
            "ess_family",
            "naf_code",
            "headcount_band",
            "address",
            "website",
            "email",
            "phone",
            "description",
        ]

    def __init__(self, *args: Any, roles_by_slug: dict[str, OrganisationRole], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.roles_by_slug = roles_by_slug
        if self.instance.pk:
            # Lets has_changed() tell an unchanged row from an update.
            self.initial["commune_code"] = self.instance.commune.code if self.instance.commune else ""
            self.initial["roles"] = "|".join(self.instance.roles.values_list("slug", flat=True))

    def clean_siret(self) -> str:
        value = self.cleaned_data.get("siret", "")
        if not value:
            return ""
        try:
            return validate_siret(value)
        except InvalidIdentifier as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_commune_code(self) -> Commune | None:
        code = insee_code(self.cleaned_data.get("commune_code", ""))
        if not code:
            return None
        commune = Commune.objects.select_related("departement").filter(code=code).first()
        if commune is None:
            raise forms.ValidationError(f"aucune commune n'a le code INSEE « {code} ».")
        return commune

    def clean_roles(self) -> list[OrganisationRole]:
        slugs = split_list(self.cleaned_data.get("roles", ""))
        unknown = [slug for slug in slugs if slug not in self.roles_by_slug]
        if unknown:
            raise forms.ValidationError(
                "rôle inconnu : " + ", ".join(unknown) + " (attendus : " + ", ".join(self.roles_by_slug) + ")."
            )
        return [self.roles_by_slug[slug] for slug in slugs]


class DirectoryFilterForm(forms.Form):
    """The directory's search: every field optional, bad values ignored with a message."""

    q = forms.CharField(label="Nom ou SIRET", required=False, max_length=200)
    commune = forms.CharField(label="Commune (nom ou code INSEE)", required=False, max_length=100)
    departement = forms.ModelChoiceField(
        label="Département",
        queryset=Departement.objects.none(),
        required=False,
        to_field_name="code",
        empty_label="Tous",
    )
    family = forms.ChoiceField(label="Famille", required=False, choices=[("", "Toutes"), *EssFamily.choices])
    role = forms.ModelChoiceField(
        label="Rôle",
        queryset=OrganisationRole.objects.filter(is_obsolete=False),
        required=False,
        to_field_name="slug",
        empty_label="Tous",
    )

    def __init__(self, *args: Any, region_code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        departement_field = cast(forms.ModelChoiceField, self.fields["departement"])
        departement_field.queryset = Departement.objects.filter(region__code=region_code).order_by("code")
        departement_field.label_from_instance = lambda dep: f"{dep.name} ({dep.code})"
        self.fields["commune"].widget.attrs.update(
            {"data-commune-search": "", "data-region": region_code, "autocomplete": "off"}
        )
