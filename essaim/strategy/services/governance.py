"""Meetings of the groups and bodies, the decisions taken there and their follow-up."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from essaim.accounts.models import User
from essaim.core.history import save_fields, tracking
from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms
from essaim.strategy.models import Decision, Meeting
from essaim.strategy.workflows import DECISION_FLOW

MEETING_FIELDS = ("body", "held_on", "title", "agenda", "minutes", "is_public")
DECISION_FIELDS = ("text", "owner", "due_on")


@transaction.atomic
def meeting_create(*, data: dict[str, Any], by: User) -> Meeting:
    """Record a meeting held by one of the strategy's groups or bodies (`data["body"]`)."""
    return save_fields(Meeting(), data=data, fields=MEETING_FIELDS, by=by, summary="Réunion enregistrée")


@transaction.atomic
def decision_create(*, meeting: Meeting, data: dict[str, Any], by: User) -> Decision:
    """Add a decision taken at the meeting; it stays open until followed up."""
    decision = save_fields(
        Decision(meeting=meeting), data=data, fields=DECISION_FIELDS, by=by, summary="Décision ajoutée"
    )
    decision.actions.set(data.get("actions") or [])
    return decision


@transaction.atomic
def decision_follow_up(*, decision: Decision, status: str, by: User, today: date) -> None:
    """Mark the decision carried out (dated today), dropped, or open again."""
    decision = (
        Decision.objects.select_for_update(of=("self",)).select_related("meeting__body__strategy").get(pk=decision.pk)
    )
    if status == decision.status:
        # Said plainly rather than as a move from a state to itself; the first date is kept.
        raise TransitionRefused(f"La décision est déjà « {decision.get_status_display().lower()} ».")
    DECISION_FLOW.check(
        decision.status, status, roles=perms.roles_in(by, decision.meeting.body.strategy, decision=decision)
    )
    with tracking(decision, by=by, summary="Suivi de la décision mis à jour"):
        decision.status = status
        decision.done_on = today if status == Decision.Status.DONE else None
        decision.save(update_fields=["status", "done_on"])
