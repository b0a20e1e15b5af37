"""An indicator's figures: read as typed (with `core.numbers`), shown the French way. Pure."""

from __future__ import annotations

from decimal import Decimal

from essaim.core.numbers import parse_decimal

# What the database columns hold (DecimalField(max_digits=14, decimal_places=4)).
MAX_INTEGER_DIGITS, MAX_DECIMALS = 10, 4


def parse_value(text: str, unit: str = "") -> Decimal:
    """An indicator's value as typed ("12,5", "1 200", "12,5 %"): see `core.numbers`."""
    return parse_decimal(text, unit, integer_digits=MAX_INTEGER_DIGITS, decimals=MAX_DECIMALS)


def format_value(value: Decimal | float | int | None, decimals: int = 0) -> str:
    """French display: 1 234,5 (narrow no-break space as thousands separator)."""
    if value is None:
        return "—"
    quantized = f"{Decimal(str(value)):,.{decimals}f}"
    return quantized.replace(",", "\u202f").replace(".", ",")


def decimal_text(value: Decimal) -> str:
    """The shortest exact text of a stored decimal: 400.0000 → "400", 12.5000 → "12.5"."""
    return format(value.normalize(), "f")
