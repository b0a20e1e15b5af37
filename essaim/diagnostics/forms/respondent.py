"""A respondent's answer to one item, on the theme's page: one form per item, prefixed with the
item's id, so that a page holds every item of a theme and saves them at once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms

from essaim.core.numbers import MAX_LENGTH, NumberInputError, parse_decimal
from essaim.diagnostics.models import Answer, Item
from essaim.diagnostics.vocabulary import ANSWERS

# What Answer.value holds (max_digits=14, decimal_places=2).
MAX_DIGITS, DECIMAL_PLACES = 14, 2


class FrenchDecimalField(forms.CharField):
    """A figure typed the French way ("12,5", "1 200", "12,5 %" when the unit is %) or the
    English one ("12.5"), within what the database column holds (`core.numbers`); any other
    text gets a French message, never an error page."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "maxlength": str(MAX_LENGTH)})

    def __init__(self, *, unit: str = "", **kwargs: Any) -> None:
        self.unit = unit
        super().__init__(max_length=None, **kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_decimal(text, self.unit, integer_digits=MAX_DIGITS - DECIMAL_PLACES, decimals=DECIMAL_PLACES)
        except NumberInputError as refused:
            raise forms.ValidationError(str(refused), code="invalid") from refused


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
                cast(FrenchDecimalField, self.fields["value"]).unit = item.unit
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
