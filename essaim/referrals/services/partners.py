"""The partners' referencing: a team and what it handles, saved in one place (workspace form,
demo, tests)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from essaim.core.history import tracking
from essaim.referrals.models import Team, TeamTerritory
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


@transaction.atomic
def team_save(
    *,
    team: Team | None = None,
    data: dict[str, Any],
    territories: Iterable[tuple[str, str]] | None = None,
    advisers: Iterable[Any] | None = None,
    by: Any = None,
) -> Team:
    """Create or update a team from `data` (fields of TEAM_FIELDS), its territories as
    (kind, code) pairs and its advisers' accounts; None leaves them as they are."""
    team = team or Team()
    summary = "Référencement modifié" if team.pk else "Équipe créée"
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
    return team
