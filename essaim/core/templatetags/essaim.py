from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

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
