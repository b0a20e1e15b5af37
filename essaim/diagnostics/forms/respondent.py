"""A respondent's answer to one item, on the theme's page: one form per item, prefixed with the
item's id, so that a page holds every item of a theme and saves them at once."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms

from essaim.diagnostics.models import Answer, Item
from essaim.diagnostics.vocabulary import ANSWERS

# What Answer.value holds (max_digits=14, decimal_places=2).
MAX_DIGITS, DECIMAL_PLACES = 14, 2
# Beyond this a typed figure is not a figure: refused before any conversion.
MAX_VALUE_LENGTH = 40
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
TOO_BIG = (
    f"Ce nombre est trop grand : {MAX_DIGITS - DECIMAL_PLACES} chiffres avant la virgule "
    f"et {DECIMAL_PLACES} après, au plus."
)


class FrenchDecimalField(forms.DecimalField):
    """A figure typed the French way ("12,5", "1 200") or the English one ("12.5"), within what
    the database column holds; any other text gets a French message, never an error page."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    default_error_messages = {
        "invalid": "Écrivez un nombre, par exemple 12 ou 12,5.",
        "max_digits": TOO_BIG,
        "max_whole_digits": TOO_BIG,
        "max_decimal_places": f"Écrivez au plus {DECIMAL_PLACES} chiffres après la virgule.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, **kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # Django's step/min/max attributes belong to a number input, which this is not: a number
        # input refuses "12,5" in some browsers and sends nothing, silently.
        return {"maxlength": str(MAX_VALUE_LENGTH)}

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            if len(value) > MAX_VALUE_LENGTH:
                raise forms.ValidationError(TOO_BIG, code="max_digits")
            value = _SPACES.sub("", value).replace(",", ".")
        return super().to_python(value)  # type: ignore[no-any-return]


class ItemAnswerForm(forms.Form):
    """One item: its level on the maturity scale (a question) or its figure (an indicator), the
    practices in the respondent's words, and whether they want to come back to it."""

    level = forms.ChoiceField(
        label="Niveau",
        choices=ANSWERS,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choisissez un niveau dans la liste."},
    )
    value = FrenchDecimalField(label="Valeur", required=False, help_text="Un nombre, par exemple 12 ou 12,5.")
    practices = forms.CharField(
        label="Vos pratiques actuelles (facultatif)",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    to_review = forms.BooleanField(label="À revoir", required=False)

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        self.item = item
        super().__init__(*args, prefix=f"item-{item.pk}", **kwargs)
        if item.kind == Item.Kind.INDICATOR:
            del self.fields["level"]
            if item.unit:
                self.fields["value"].label = f"Valeur (en {item.unit})"
        else:
            del self.fields["value"]

    @classmethod
    def initial_from(cls, answer: Answer | None) -> dict[str, Any]:
        """The form's initial values from the respondent's saved answer (resuming)."""
        if answer is None:
            return {}
        value = answer.value
        return {
            "level": answer.level,
            "value": format(value.normalize(), "f").replace(".", ",") if value is not None else "",
            "practices": answer.practices,
            "to_review": answer.to_review,
        }

    def answer(self) -> dict[str, Any]:
        """What `services.answer_save` takes, from the cleaned data."""
        data = self.cleaned_data
        return {
            "level": data.get("level") or "",
            "practices": data.get("practices") or "",
            "value": data.get("value"),
            "to_review": bool(data.get("to_review")),
        }

    def is_blank(self) -> bool:
        """Nothing chosen, typed or ticked: the item is left for later."""
        answer = self.answer()
        return not (
            answer["level"] or answer["practices"].strip() or answer["value"] is not None or answer["to_review"]
        )
