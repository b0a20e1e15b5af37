"""Form widgets shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class QuickSelect(forms.Select):
    """A <select> rendered in Python. Django renders each option through a template, about
    0.2 ms an option: a filter listing a few hundred operators cost more than the search itself.
    Same markup as forms.Select, without option groups."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        context = self.get_context(name, value, attrs)["widget"]
        options = [option for _group, group_options, _index in context["optgroups"] for option in group_options]
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(context["attrs"]),
            format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((option["value"], " selected" if option["selected"] else "", option["label"]) for option in options),
            ),
        )


class DateInput(forms.DateInput):
    """The browser's date picker; it reads and writes ISO dates whatever the locale."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)
