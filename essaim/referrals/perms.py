"""Who may do what with requests for support. Each rule is one function whose docstring gives
the reason.

A requester needs no account: their private link (a secret token) is their key, and the views
find the request from it; these rules are about accounts."""

from __future__ import annotations

from typing import Any

from essaim.referrals.models import Dispatch, Referral, Team


def is_cress(user: Any) -> bool:
    """The CRESS team routes what nobody handles, edits the partners' referencing and reads the
    board: it runs the regional network of support."""
    return bool(getattr(user, "is_platform_admin", False))


def is_adviser(user: Any) -> bool:
    """An adviser answers for at least one active team."""
    return Team.objects.active().of_adviser(user).exists()


def can_see_referral(user: Any, referral: Referral) -> bool:
    """An adviser reads only the requests sent to their team (they hold a person's contact and
    project); the CRESS reads them all."""
    return is_cress(user) or Referral.objects.for_team(Team.objects.of_adviser(user)).filter(pk=referral.pk).exists()


def referral_roles(user: Any, referral: Referral, team: Team | None = None) -> set[str]:
    """The roles this account holds on the request, for `workflows.REFERRAL`: "cress" for the
    CRESS team, "adviser" for an adviser of `team` (by default, of the team in charge): only the
    team that received a request answers it."""
    roles = set()
    if is_cress(user):
        roles.add("cress")
    team = team if team is not None else referral.taken_team
    if team is not None and team.is_active and team.advisers.filter(pk=getattr(user, "pk", None)).exists():
        roles.add("adviser")
    return roles


def can_read_contact(user: Any, referral: Referral) -> bool:
    """The requester's contact and description are for the team in charge, the teams still asked
    to answer and the CRESS: a team that declined, or that another team took over from, has no
    more use for them (the requester agreed to share them with those who answer)."""
    if is_cress(user):
        return True
    current = referral.dispatches.filter(status__in=(Dispatch.Status.PENDING, Dispatch.Status.TAKEN))
    return current.filter(team__in=Team.objects.of_adviser(user)).exists()
