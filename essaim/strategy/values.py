"""Reading a figure typed by a person: "12,5", "1 200", "12,5 %". Pure: no Django import."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_LEADING_NUMBER = re.compile(r"^([-+]?[\d\s\u00a0\u202f]+(?:[.,]\d+)?)\s*(.*)$")


# What the database columns hold (DecimalField(max_digits=14, decimal_places=4)).
MAX_INTEGER_DIGITS, MAX_DECIMALS = 10, 4


class ValueInputError(ValueError):
    """The message is meant for the person who typed the value (in French)."""


def parse_value(text: str, unit: str = "") -> Decimal:
    """A decimal from French or English notation, with thousands separated by spaces.

    The indicator's own unit may follow the number ("12,5 %" for a percentage); any other
    unit is refused rather than silently dropped ("12 €" for a number of jobs)."""
    raw = (text or "").strip()
    if not raw:
        raise ValueInputError("Indiquez une valeur.")
    match = _LEADING_NUMBER.match(raw)
    if not match:
        raise ValueInputError(f"« {raw} » n'est pas un nombre. Écrivez par exemple 12 ou 12,5.")
    number_part, suffix = match.group(1), match.group(2).strip()
    if suffix and _fold_unit(suffix) != _fold_unit(unit):
        expected = f"en {unit}" if unit else "sans unité"
        raise ValueInputError(
            f"Unité « {suffix} » inattendue : cet indicateur se mesure {expected}. Écrivez le seul nombre."
        )
    number = _SPACES.sub("", number_part)
    if not _NUMBER.match(number):
        raise ValueInputError(f"« {raw} » n'est pas un nombre. Écrivez par exemple 12 ou 12,5.")
    integer_part, _, decimal_part = number.lstrip("+-").replace(",", ".").partition(".")
    if len(integer_part) > MAX_INTEGER_DIGITS or len(decimal_part) > MAX_DECIMALS:
        raise ValueInputError(
            f"« {raw} » est trop long : {MAX_INTEGER_DIGITS} chiffres avant la virgule et {MAX_DECIMALS} après, au plus."
        )
    try:
        return Decimal(number.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the pattern above already filters
        raise ValueInputError(f"« {raw} » n'est pas un nombre.") from error


def _fold_unit(unit: str) -> str:
    return _SPACES.sub("", unit).lower().rstrip(".")


def format_value(value: Decimal | float | int | None, decimals: int = 0) -> str:
    """French display: 1 234,5 (narrow no-break space as thousands separator)."""
    if value is None:
        return "—"
    quantized = f"{Decimal(str(value)):,.{decimals}f}"
    return quantized.replace(",", "\u202f").replace(".", ",")


def decimal_text(value: Decimal) -> str:
    """The shortest exact text of a stored decimal: 400.0000 → "400", 12.5000 → "12.5"."""
    return format(value.normalize(), "f")
