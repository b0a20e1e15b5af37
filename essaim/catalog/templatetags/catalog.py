from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from essaim.catalog import text_search
from essaim.catalog.models import Offer
from essaim.organisations.models import Organisation

register = template.Library()


@register.simple_tag
def highlight(text: str, terms: list[list[str]]) -> SafeString:
    """The text with the words that match the search wrapped in <mark>."""
    pieces = text_search.highlight_spans(text, terms or [])
    return mark_safe("".join(f"<mark>{escape(piece)}</mark>" if hit else escape(piece) for piece, hit in pieces))  # noqa: S308


@register.filter
def euros(value: int | None) -> str:
    """12000 -> "12 000 €" (narrow no-break space between thousands, as in French)."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", "\u202f") + "\u00a0€"


@register.simple_tag
def amount_range(offer: Offer) -> str:
    """ "de 1 000 € à 20 000 €", "jusqu'à 20 000 €", "à partir de 5 000 €" or ""."""
    low, high = offer.amount_min, offer.amount_max
    if low and high:
        return f"de {euros(low)} à {euros(high)}" if low != high else euros(low)
    if high:
        return f"jusqu'à {euros(high)}"
    if low:
        return f"à partir de {euros(low)}"
    return ""


@register.simple_tag
def suggestion_operators(offer: Offer) -> list[Organisation]:
    """The structures of the directory bearing the name a visitor typed in a suggestion: whom the
    CRESS may hand it to (`offer_suggestion_assign`)."""
    if offer.status != Offer.Status.SUGGESTION or offer.operator.is_active:
        return []
    return list(Organisation.objects.active().filter(search_name=offer.operator.search_name).order_by("name"))
