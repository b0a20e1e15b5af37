"""An action sheet kept up to date by its leads: its text and dates, its milestones, its documents."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from essaim.accounts.models import User
from essaim.core.history import record_event, save_fields
from essaim.core.workflows import TransitionRefused
from essaim.strategy.models import Action, ActionDocument, Milestone

# What a lead may change on the sheet (the rest comes from the strategy file).
ACTION_FIELDS = ("description", "public_summary", "planned_start", "planned_end")


@transaction.atomic
def action_update(*, action: Action, data: dict[str, Any], by: User) -> Action:
    """Save the sheet's fields given in `data` and record what changed. The action is read again
    from the database: a form's validation already wrote into the instance it was given."""
    action = Action.objects.select_for_update(of=("self",)).select_related("strategy").get(pk=action.pk)
    return save_fields(action, data=data, fields=ACTION_FIELDS, by=by, summary="Fiche action modifiée")


@transaction.atomic
def milestone_reach(*, milestone: Milestone, done_on: date, by: User, today: date) -> None:
    """Mark the milestone reached on `done_on` (today or earlier), once."""
    if done_on > today:
        raise TransitionRefused("Un jalon est atteint à une date passée ou aujourd'hui, pas dans le futur.")
    # One update that only succeeds once: a double click does not record the milestone twice.
    if not Milestone.objects.filter(pk=milestone.pk, done_on=None).update(done_on=done_on):
        raise TransitionRefused("Ce jalon est déjà marqué comme atteint.")
    record_event(
        milestone.action,
        by=by,
        summary="Jalon atteint",
        changes={"jalon": [None, f"{milestone.title} ({done_on.isoformat()})"]},
    )


@transaction.atomic
def document_add(*, action: Action, document: ActionDocument, by: User) -> ActionDocument:
    """Attach a document (a link) to the action, as evidence of what was done."""
    document.action, document.added_by = action, by
    document.save()
    record_event(
        action, by=by, summary="Document ajouté", changes={"document": [None, f"{document.title} ({document.url})"]}
    )
    return document
