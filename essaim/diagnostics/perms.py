"""Who may do what with a self-diagnostic. Each rule is one function whose docstring gives the
reason. A respondent needs no account: their personal link is their key, and the views find them
from it; these rules are about accounts.

Diagnostics are private by default: the CRESS reads only anonymised aggregates, never one
structure's answers."""

from __future__ import annotations

from typing import Any

from essaim.diagnostics.models import Campaign
from essaim.diagnostics.models.campaigns import EDITORS
from essaim.organisations.models import Organisation


def can_open_campaign(user: Any, organisation: Organisation) -> bool:
    """A structure's editors and administrators open its yearly diagnostic: they speak for it (the
    CRESS does not: the diagnostic is the structure's own, and private)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return organisation.memberships.filter(user_id=user.pk, role__in=EDITORS).exists()


def organisations_to_open(user: Any) -> Any:
    """The structures for which this account may open a campaign (`can_open_campaign`): those it
    edits or administers; not every structure for the CRESS (unlike `Organisation.editable_by`)."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user, memberships__role__in=EDITORS).distinct()


def can_pilot(user: Any, campaign: Campaign) -> bool:
    """The pilot, and the structure's editors and administrators, run the campaign: they invite,
    read every answer, consolidate, write the plan."""
    return Campaign.objects.piloted_by(user).filter(pk=campaign.pk).exists()


def can_read(user: Any, campaign: Campaign) -> bool:
    """The pilots, and the advisers the structure invited, read the consolidated diagnostic and the
    plan and comment on them; an adviser reads nothing else (no individual answer, no invitation)."""
    return Campaign.objects.readable_by(user).filter(pk=campaign.pk).exists()
