"""A respondent's answers, saved as they go (one item at a time), resumable at any time."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from essaim.diagnostics.models import Answer, Campaign, Item, Respondent
from essaim.diagnostics.services.campaigns import DiagnosticRefused
from essaim.diagnostics.vocabulary import ANSWERS


@transaction.atomic
def answer_save(
    *,
    respondent: Respondent,
    item: Item,
    level: str = "",
    practices: str = "",
    value: Decimal | None = None,
    to_review: bool = False,
) -> Answer:
    """Save one answer (replacing the previous one). Refused, with a French message, for an item
    this campaign does not ask (another version of the framework, a theme not chosen) and once
    the campaign is closed; the view then keeps what was typed on the page."""
    campaign = respondent.campaign
    if campaign.status != Campaign.Status.OPEN:
        raise DiagnosticRefused("La campagne est close : vos réponses ne peuvent plus être modifiées.")
    if not campaign.items().filter(pk=item.pk).exists():
        raise DiagnosticRefused("Cette question ne fait pas partie de la campagne (autre version du référentiel).")
    if level and level not in dict(ANSWERS):
        raise DiagnosticRefused("Choisissez un niveau dans la liste.")
    answer, _created = Answer.objects.update_or_create(
        respondent=respondent,
        item=item,
        defaults={
            "item_version": item.version,
            "level": level,
            "practices": practices.strip(),
            "value": value,
            "to_review": to_review,
        },
    )
    Respondent.objects.filter(pk=respondent.pk).update(last_answer_at=timezone.now())
    return answer
