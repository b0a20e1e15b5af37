"""Fields shared by the apps: a website field for models; a bounded date and a bounded multiple
choice of ids for forms."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from essaim.core.text import parse_id
from essaim.core.widgets import DateInput


class WebsiteField(models.URLField):
    """A URL field whose forms read "exemple.fr" as https://exemple.fr (Django 6's default)."""

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"assume_scheme": "https", **kwargs})


# Every date typed into a form of the platform falls between these years. Beyond them a date is a
# typing slip (0201 for 2021, 9999-12-31 for "never"), and the date arithmetic of the daily jobs
# (a reminder seven days after 9999-12-31) would overflow.
FIRST_YEAR = 1900
LAST_YEAR = 2200


class BoundedDateField(forms.DateField):
    """A date between 1 January `FIRST_YEAR` and 31 December `LAST_YEAR`, typed in the browser's
    date picker. Every date field of every form of the project is one (a test enumerates them):
    declare it, or name it in a ModelForm's `Meta.field_classes`."""

    widget = DateInput
    default_error_messages = {
        "out_of_range": f"Indiquez une date entre {FIRST_YEAR} et {LAST_YEAR}.",
    }

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range")


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several objects ticked in a list, named by their ids. An id no database could hold (23
    digits, letters) is refused like an unknown one, with Django's French message, before any
    query: the stock field lets SQLite's overflow through as an error page. Every multiple
    choice of the project keyed on ids is one (a test enumerates them)."""

    def _check_values(self, value: Any) -> Any:
        if (self.to_field_name or "pk") == "pk":
            for item in value:
                if parse_id(str(item)) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                    )
        return super()._check_values(value)
