"""Whether imported values fit the model fields that will store them, checked before any write.

A value too long for its column is an error on PostgreSQL and is stored whole by SQLite; an
integer beyond the column's range fails on both, differently. Checking every value against its
field while rows are checked turns each into a French error with its line and column, the same on
every database, instead of a failure halfway through the writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import DecimalValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

# The ranges of PostgreSQL's integer columns (Django's reference ones), used on every database so
# that a file is refused or accepted the same way everywhere.
_INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges


def field_problems(model: type[models.Model], values: Mapping[str, Any]) -> dict[str, str]:
    """What is wrong with each value that its field of `model` cannot store, in French, by field
    name (the caller names the column or key): NUL in a text, a text over `max_length`, an integer
    out of range, a decimal with too many digits. Empty values, and names that are not concrete
    fields of the model, are left alone."""
    problems: dict[str, str] = {}
    for name, value in values.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if value is None or value == "" or not isinstance(field, models.Field):
            continue
        problem = _problem(field, value)
        if problem:
            problems[name] = problem
    return problems


def text_problem(value: str, max_length: int | None) -> str:
    """What is wrong with a text for a column of `max_length` characters (None: no limit)."""
    if "\x00" in value:
        return "caractère nul (octet 0) interdit"
    if max_length is not None and len(value) > max_length:
        return f"{max_length} caractères au plus (ici {len(value)})"
    return ""


def _problem(field: models.Field[Any, Any], value: Any) -> str:
    if isinstance(value, str):
        return text_problem(value, getattr(field, "max_length", None))
    if isinstance(value, bool):
        return ""
    if isinstance(value, int) and isinstance(field, models.IntegerField):
        low, high = _INTEGER_RANGES.get(field.get_internal_type(), (None, None))
        if (low is not None and value < low) or (high is not None and value > high):
            return f"nombre hors des limites ({low} à {high})"
        return ""
    if isinstance(value, Decimal) and isinstance(field, models.DecimalField):
        if not value.is_finite():
            return "nombre invalide"
        try:
            DecimalValidator(field.max_digits, field.decimal_places)(value)
        except ValidationError:
            return (
                f"nombre trop long ({field.max_digits - field.decimal_places} chiffres avant la virgule "
                f"et {field.decimal_places} après, au plus)"
            )
    return ""
