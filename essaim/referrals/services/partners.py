"""The partners' referencing: a team and what it handles, saved in one place (workspace form,
demo, tests), and the module's settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from essaim.accounts.models import User, normalise_email
from essaim.core.history import tracking
from essaim.referrals.models import Dispatch, ReferralSettings, Team, TeamTerritory
from essaim.referrals.services.answers import referral_send_on
from essaim.territories.names import TerritoryNames

TEAM_FIELDS = (
    "organisation",
    "name",
    "email",
    "phone",
    "needs",
    "audiences",
    "legal_forms",
    "min_years",
    "max_years",
    "min_employees",
    "max_employees",
    "is_active",
)
SETTINGS_FIELDS = ("max_partners", "retention_months")


@dataclass(frozen=True)
class AdviserAddress:
    """An adviser named by their address (and, for a new account, their full name)."""

    email: str
    full_name: str = ""


def advisers_from_addresses(addresses: Iterable[AdviserAddress]) -> list[User]:
    """The accounts of these addresses. An unknown address gets an account without a usable
    password: the adviser sets one from the link in their first request's e-mail. An existing
    account keeps its name."""
    accounts = []
    for address in addresses:
        email = normalise_email(address.email)
        account = User.objects.filter(email__iexact=email).first()
        if account is None:
            account = User.objects.create_user(email=email, full_name=address.full_name.strip()[:150])
        accounts.append(account)
    return accounts


@transaction.atomic
def team_save(
    *,
    team: Team | None = None,
    data: dict[str, Any],
    territories: Iterable[tuple[str, str]] | None = None,
    advisers: Iterable[Any] | None = None,
    adviser_addresses: Iterable[AdviserAddress] | None = None,
    by: Any = None,
) -> Team:
    """Create or update a team from `data` (fields of TEAM_FIELDS), its territories as
    (kind, code) pairs and its advisers, as accounts or as addresses (`adviser_addresses`,
    accounts created when unknown); None leaves them as they are. One history entry says what
    changed, territories and advisers included."""
    team = team or Team()
    summary = "Référencement modifié" if team.pk else "Équipe créée"
    was_active = bool(team.pk) and Team.objects.filter(pk=team.pk, is_active=True).exists()
    if advisers is not None and adviser_addresses is not None:
        raise ValueError("give the advisers as accounts or as addresses, not both")
    if adviser_addresses is not None:
        advisers = advisers_from_addresses(adviser_addresses)
    with tracking(team, by=by, summary=summary):
        for name, value in data.items():
            if name not in TEAM_FIELDS:
                raise ValueError(f"unknown team field {name!r}")
            setattr(team, name, sorted(set(value)) if name in ("needs", "audiences", "legal_forms") else value)
        team.full_clean(exclude=["organisation"] if "organisation" not in data and team.pk else None)
        team.save()
        if territories is not None:
            wanted = sorted(set(territories))
            names = TerritoryNames()
            team.territories.all().delete()
            TeamTerritory.objects.bulk_create(
                TeamTerritory(
                    team=team,
                    kind=kind,
                    code="" if kind == "france" else code,
                    name="France entière" if kind == "france" else names.name(kind, code) or "",
                )
                for kind, code in wanted
            )
        if advisers is not None:
            team.advisers.set(list(advisers))
    if was_active and not team.is_active:
        _hand_over(team)
    return team


def _hand_over(team: Team) -> None:
    """A team switched off no longer holds requests: those still waiting for its answer go on to
    the next teams (or to the CRESS), so that nobody waits for a team nobody reads."""
    now = timezone.now()
    waiting = list(team.dispatches.filter(status=Dispatch.Status.PENDING).select_related("referral"))
    for dispatch in waiting:
        Dispatch.objects.filter(pk=dispatch.pk).update(status=Dispatch.Status.ENDED, answered_at=now)
        referral_send_on(dispatch.referral, now=now)


@transaction.atomic
def settings_save(*, data: dict[str, Any], by: Any) -> ReferralSettings:
    """The CRESS changes the module's settings (limit of partners, retention of closed requests)."""
    current = ReferralSettings.current()
    unknown = set(data) - set(SETTINGS_FIELDS)
    if unknown:
        raise ValueError(f"unknown settings fields {sorted(unknown)}")
    with tracking(current, by=by, summary="Réglages modifiés"):
        for name, value in data.items():
            setattr(current, name, value)
        current.full_clean()
        current.save()
    return current
