"""Reading a figure typed by a person: "12,5", "1 200", "12,5 %". Pure: no Django import.

One parser for every module: the caller says how many digits its column holds."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_LEADING_NUMBER = re.compile(r"^([-+]?[\d\s\u00a0\u202f]+(?:[.,]\d+)?)\s*(.*)$")
# A longer text is not a figure, and is not repeated whole in the message.
SHOWN = 30
MAX_LENGTH = 40


class NumberInputError(ValueError):
    """The message is meant for the person who typed the value (in French)."""


def _fold_unit(unit: str) -> str:
    return _SPACES.sub("", unit).lower().rstrip(".")


def _shown(raw: str) -> str:
    return raw if len(raw) <= SHOWN else raw[:SHOWN] + "…"


def parse_decimal(text: str, unit: str = "", *, integer_digits: int, decimals: int) -> Decimal:
    """A decimal from French or English notation, with thousands separated by spaces, within
    `integer_digits` before the point and `decimals` after it (what the column holds).

    The value's own unit may follow the number ("12,5 %" for a percentage); any other unit is
    refused rather than silently dropped ("12 €" for a number of jobs)."""
    raw = (text or "").strip()
    if not raw:
        raise NumberInputError("Indiquez une valeur.")
    if len(raw) > MAX_LENGTH:  # before any pattern runs: a huge text costs nothing to refuse
        raise NumberInputError(f"« {_shown(raw)} » est trop long pour un nombre ({MAX_LENGTH} caractères au plus).")
    match = _LEADING_NUMBER.match(raw)
    if not match:
        raise NumberInputError(f"« {_shown(raw)} » n'est pas un nombre. Écrivez par exemple 12 ou 12,5.")
    number_part, suffix = match.group(1), match.group(2).strip()
    if suffix and _fold_unit(suffix) != _fold_unit(unit):
        expected = f"en {unit}" if unit else "sans unité"
        raise NumberInputError(
            f"Unité « {_shown(suffix)} » inattendue : cet indicateur se mesure {expected}. Écrivez le seul nombre."
        )
    number = _SPACES.sub("", number_part)
    if not _NUMBER.match(number):
        raise NumberInputError(f"« {_shown(raw)} » n'est pas un nombre. Écrivez par exemple 12 ou 12,5.")
    integer_part, _, decimal_part = number.lstrip("+-").replace(",", ".").partition(".")
    if len(integer_part.lstrip("0")) > integer_digits or len(decimal_part) > decimals:
        raise NumberInputError(
            f"« {_shown(raw)} » est trop long : {integer_digits} chiffres avant la virgule "
            f"et {decimals} après, au plus."
        )
    try:
        return Decimal(number.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the pattern above already filters
        raise NumberInputError(f"« {_shown(raw)} » n'est pas un nombre.") from error
