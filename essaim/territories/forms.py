"""Form fields for places: a commune found from what a person types (a name, accents and case
ignored, a name with its département, "Saint-Herblain (44)", or an INSEE code), and the
territories something covers (`CoveredTerritoriesForm`: an offer, a partner team)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings

from essaim.core.text import is_ascii_digits
from essaim.territories.models import Commune, Departement, Region
from essaim.territories.names import TerritoryNames, local_kind

LABEL_PATTERN = re.compile(r"^(?P<name>.+?)\s*\((?P<dep>[0-9][0-9AB][0-9]?)\)\s*$")


def resolve_commune(text: str, *, region_code: str | None = None) -> Commune:
    """The one commune the text designates, or a ValidationError that says what to type."""
    text = text.strip()
    # The parents callers read (place, labels), without the outlines: a région's weighs 100 kB.
    communes = Commune.objects.with_places().defer(
        "outline", "departement__outline", "departement__region__outline", "epci__outline"
    )
    if region_code:
        communes = communes.in_region(region_code)
    if is_ascii_digits(text) or re.fullmatch(r"2[AB]\d{3}", text.upper()):
        commune = communes.filter(code=text.upper().zfill(5)).first()
        if commune is None:
            raise forms.ValidationError(f"Aucune commune n'a le code INSEE « {text} ».")
        return commune
    match = LABEL_PATTERN.match(text)
    if match:
        communes = communes.filter(departement__code=match["dep"])
        text = match["name"]
    candidates = list(communes.named(text).order_by("-population")[:6])
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise forms.ValidationError(
            f"Aucune commune ne s'appelle « {text[:80]} »"
            + (" dans la région" if region_code else "")
            + ". Vérifiez l'orthographe ou saisissez le code INSEE."
        )
    choices = ", ".join(commune.label for commune in candidates)
    raise forms.ValidationError(
        f"Plusieurs communes s'appellent « {text[:80]} » : {choices}. Précisez le département, par exemple « {candidates[0].label} »."
    )


class CommuneField(forms.CharField):
    """Text input with suggestions (see static/js/commune-search.js); cleans to a Commune."""

    def __init__(self, *, region_code: str | None = None, **kwargs: Any) -> None:
        self.region_code = region_code
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("help_text", "Nom de la commune ou code INSEE, par exemple « Angers » ou « 49007 ».")
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update({"data-commune-search": "", "autocomplete": "off", "list": ""})
        return attrs

    def clean(self, value: Any) -> Commune | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        return resolve_commune(text, region_code=self.region_code)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Commune):
            return value.label
        return value


def coverage_choices(region_code: str) -> list[tuple[str, str]]:
    """The wide territories offered as boxes to tick: France, the région and its départements,
    as tokens ("france", "region:52", "departement:44")."""
    choices = [("france", "France entière")]
    region = Region.objects.filter(code=region_code).first()
    if region:
        choices.append((f"region:{region.code}", f"Toute la région {region.name}"))
        choices += [
            (f"departement:{dep.code}", f"{dep.name} ({dep.code})")
            for dep in Departement.objects.filter(region=region).order_by("code")
        ]
    return choices


def territory_token(kind: str, code: str) -> str:
    """A territory as the forms and files name it: "france", "departement:44", "commune:49007"."""
    return kind if kind == "france" else f"{kind}:{code}"


class CoveredTerritoriesForm(forms.Form):
    """The territories something covers (an offer, a partner team): the wide ones ticked (France,
    the région, its départements), communes and EPCI typed by code. Mix it into a form; its
    `clean()` gives `territories`, a list of (kind, code, name) without repeats, at least one.
    `territory_tokens` shows the territories already covered."""

    coverage = forms.MultipleChoiceField(
        label="Territoires couverts",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Cochez l'échelle la plus large qui convient.",
    )
    local_codes = forms.CharField(
        label="Communes ou intercommunalités couvertes",
        required=False,
        help_text="Codes INSEE de communes (5 caractères) ou SIREN d'EPCI (9 chiffres), séparés par des virgules.",
    )

    def __init__(self, *args: Any, territory_tokens: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = coverage_choices(settings.ESSAIM_REGION)
        self.fields["coverage"].choices = choices
        if territory_tokens is not None:
            known = {value for value, _label in choices}
            self.initial["coverage"] = [token for token in territory_tokens if token in known]
            self.initial["local_codes"] = ", ".join(
                token.split(":", 1)[1] for token in territory_tokens if token not in known
            )

    def clean_local_codes(self) -> list[tuple[str, str, str]]:
        names = TerritoryNames()
        territories = []
        for code in [part.strip() for part in self.cleaned_data.get("local_codes", "").split(",") if part.strip()]:
            kind = local_kind(code)
            name = names.name(kind, code)
            if name is None:
                raise forms.ValidationError(f"« {code[:20]} » n'est ni un code de commune ni un SIREN d'EPCI connu.")
            territories.append((kind, code, name))
        return territories

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        names = TerritoryNames()
        territories = []
        for token in data.get("coverage", []):
            kind, _, code = token.partition(":")
            territories.append((kind, code, "France entière" if kind == "france" else names.name(kind, code) or code))
        territories += data.get("local_codes") or []
        if not territories:
            self.add_error("coverage", "Indiquez au moins un territoire couvert.")
        # A territory typed twice ("49007, 49007") is covered once: nothing to tell anyone.
        data["territories"] = list({(kind, code): (kind, code, name) for kind, code, name in territories}.values())
        return data
