from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from essaim.strategy.values import format_value

register = template.Library()


@register.filter
def get(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "") if isinstance(mapping, dict) else ""


@register.filter
def number(value: Any, decimals: int = 0) -> str:
    """French display of a stored figure (text or decimal): 161200 → 161 200."""
    if value is None or value == "":
        return "—"
    try:
        figure = Decimal(str(value))
    except InvalidOperation:  # text that is not a figure is shown as it was written
        return str(value)
    return format_value(figure, int(decimals or 0))


@register.filter
def anchor(code: str) -> str:
    """An id from a node code that keeps codes apart: "1.1.2" → "1-1-2" (slugify gives "112",
    like "11.2")."""
    return re.sub(r"[^0-9A-Za-z]+", "-", str(code)).strip("-")


@register.filter
def isodate(value: str | None) -> str:
    """A date kept as ISO text in a bilan ("2018-08-31") shown as 31/08/2018."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value


@register.filter
def percent(share: float | None) -> str:
    return "" if share is None else f"{round(share * 100)}\u202f%"


@register.filter
def share(count: int, total: int) -> float:
    """Width (in %) of a bar for `count` out of `total`."""
    return round(count * 100 / total, 1) if total else 0.0
