"""A form field that finds a commune from what a person types: a name (accents and case do not
matter), a name with its département ("Saint-Herblain (44)") or an INSEE code."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from essaim.core.text import is_ascii_digits
from essaim.territories.models import Commune

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
