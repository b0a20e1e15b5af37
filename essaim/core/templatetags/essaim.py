from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from django import template
from django.forms import BoundField
from django.template.defaultfilters import date as date_filter
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from essaim.core.charts import french_number

register = template.Library()


@register.simple_tag
def widget(field: BoundField) -> SafeString:
    """The field's input, tied to its help text and errors for screen readers."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    attrs: dict[str, str] = {}
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("includes/breadcrumb.html")
def breadcrumb(*items: object) -> dict[str, object]:
    """The trail above a page's title: pairs of label and address, then the current page.

    {% url 'strategy:index' as index %}{% breadcrumb "Stratégie régionale" index strategy.short_title %}
    """
    *pairs, current = items
    return {"links": list(zip(pairs[::2], pairs[1::2], strict=True)), "current": current}


# French typography for texts shown to people: a no-break space keeps the sign with the word it
# follows ("Attention :" never starts a line with ":"); thin for ;!? and », as French printers do.
_SPACE_BEFORE_SIGN = re.compile(r"[ \u00a0\u202f]+([;!?»])")
_SPACE_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:")
_SPACE_AFTER_QUOTE = re.compile(r"«[ \u00a0\u202f]+")
_BLANK_LINE = re.compile(r"\r?\n[ \t\u00a0]*\r?\n")
_FIRST_OF_MONTH = re.compile(
    r"(?<!\d)1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
)


@register.filter(is_safe=True)
def fr_typo(text: object) -> str:
    """No-break spaces before ":;?!»" and after "«", so that a sign never starts a line."""
    value = _SPACE_BEFORE_SIGN.sub("\u202f\\1", str(text))
    value = _SPACE_BEFORE_COLON.sub("\u00a0:", value)
    return _SPACE_AFTER_QUOTE.sub("«\u00a0", value)


@register.filter(expects_localtime=True)
def fr_date(value: date | datetime | None, arg: str = "j F Y") -> str:
    """A date in French with the first of a month written "1er" ("1er janvier 2026"), which
    Django's "j F Y" writes "1 janvier"."""
    if value in (None, ""):
        return ""
    return _FIRST_OF_MONTH.sub(r"1er \1", date_filter(value, arg))


@register.filter
def fr_plural(value: object, arg: str = "s") -> str:
    """Django's `pluralize` in French: 0 and 1 take the singular ("0 inscription à valider").
    `arg` is a suffix ("s") or "singular,plural" ("al,aux")."""
    singular, _, plural = arg.rpartition(",") if "," in arg else ("", "", arg)
    try:
        count = abs(float(len(value) if isinstance(value, (list, tuple, dict)) else value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return singular
    return plural if count >= 2 else singular


@register.filter
def comma_list(items: Iterable[object], attribute: str = "") -> str:
    """The items' texts (or one attribute of each) joined by ", ": no space before the commas,
    which a template loop split over lines produces."""
    return ", ".join(str(getattr(item, attribute) if attribute else item) for item in items)


@register.filter(needs_autoescape=True)
def paragraphs(text: str, autoescape: bool = True) -> SafeString:
    """A text typed or imported with hard line breaks, reflowed: a blank line starts a paragraph,
    a single line break is a space (the source file's line width means nothing on a screen)."""
    escaped = conditional_escape(text) if autoescape else str(text)
    blocks = [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in _BLANK_LINE.split(str(escaped))
    ]
    return mark_safe("".join(f"<p>{fr_typo(block)}</p>" for block in blocks if block))  # noqa: S308 - escaped above


@register.filter
def fr_int(value: object) -> str:
    """A whole number the French way: 12 345 (a narrow no-break space between thousands)."""
    try:
        return french_number(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


@register.filter
def fr_percent(share: object) -> str:
    """A share between 0 and 1 as a French percentage with one decimal: "79,4 %"."""
    try:
        return f"{french_number(float(share) * 100, 1)}\u202f%"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


@register.filter
def share_of(part: object, total: object) -> str:
    """`part` as a French percentage of `total` ("—" when the total is zero)."""
    try:
        whole = float(total)  # type: ignore[arg-type]
        return fr_percent(float(part) / whole) if whole else "—"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "—"
