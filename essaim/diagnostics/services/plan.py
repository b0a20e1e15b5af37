"""The pilot's consolidated positions and the action plan."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from essaim.core.history import record_event, tracking
from essaim.diagnostics.models import Action, Campaign, Item, Position
from essaim.diagnostics.services.campaigns import DiagnosticRefused
from essaim.diagnostics.vocabulary import ACTION_STATUS, ANSWERS

ACTION_FIELDS = ("title", "objective_1y", "objective_3y", "responsible", "due_on", "status", "resources")


def _asked(campaign: Campaign, item: Item) -> None:
    if not campaign.items().filter(pk=item.pk).exists():
        raise DiagnosticRefused("Cette question ne fait pas partie de la campagne (autre version du référentiel).")


@transaction.atomic
def position_save(*, campaign: Campaign, item: Item, level: str, comment: str, by: Any) -> Position:
    """The level the team retains on an item after reading the answers, and the shared finding."""
    _asked(campaign, item)
    if level and level not in dict(ANSWERS):
        raise DiagnosticRefused("Choisissez un niveau dans la liste.")
    position = Position.objects.filter(campaign=campaign, item=item).first() or Position(campaign=campaign, item=item)
    try:
        with transaction.atomic(), tracking(position, by=by, summary="Position retenue"):
            position.level = level
            position.comment = comment.strip()
            position.save()
    except IntegrityError as clash:  # two pilots saving the same item at once
        raise DiagnosticRefused(
            "Cette position vient d'être enregistrée par quelqu'un d'autre : rechargez la page."
        ) from clash
    return position


@transaction.atomic
def action_save(
    *, campaign: Campaign, data: dict[str, Any], item: Item | None = None, action: Action | None = None, by: Any
) -> Action:
    """Create or update a line of the plan, from an item (its theme) or on a theme of the campaign."""
    if item is not None:
        _asked(campaign, item)
    theme = item.domain.theme if item is not None else data.get("theme")
    if theme is None or not campaign.themes.filter(pk=theme.pk).exists():
        raise DiagnosticRefused("Choisissez l'un des thèmes travaillés cette année.")
    if data.get("status", "a_lancer") not in dict(ACTION_STATUS):
        raise DiagnosticRefused("Choisissez l'état de l'action dans la liste.")
    if not str(data.get("title", "") or (action.title if action else "")).strip():
        raise DiagnosticRefused("Donnez un intitulé à l'action.")
    created = action is None
    action = action or Action(campaign=campaign, item=item, theme=theme)
    if action.campaign_id != campaign.pk:
        raise DiagnosticRefused("Cette action appartient à une autre campagne.")
    with tracking(action, by=by, summary="Action créée" if created else "Action modifiée"):
        for name in ACTION_FIELDS:
            if name in data:
                setattr(action, name, data[name])
        action.theme = theme
        action.save()
    if created:
        record_event(campaign, by=by, summary=f"Action ajoutée au plan : {action.title}", changes={})
    return action
