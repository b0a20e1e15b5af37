"""Who may do what with requests for support. Each rule is one function whose docstring gives
the reason.

A requester needs no account: their private link (a secret token) is their key, and the views
find the request from it; these rules are about accounts."""

from __future__ import annotations

from typing import Any

from essaim.referrals.models import Referral, Team


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


def teams_answering(user: Any, referral: Referral) -> list[Team]:
    """The teams of this adviser the request was sent to and that may still answer it."""
    return list(
        Team.objects.of_adviser(user)
        .filter(dispatches__referral=referral, dispatches__status__in=("a_traiter", "prise_en_charge"))
        .distinct()
    )
