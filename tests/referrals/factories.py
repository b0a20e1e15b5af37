"""Factories for support requests, through the module's services (as a user would make them).

Usage (with the `region` and `taxonomies` fixtures):
    team = make_team(needs=["financer_demarrage"], territories=[("departement", "44")])
    receipt = make_referral(commune=region.nantes, need="financer_demarrage")
"""

from __future__ import annotations

import itertools
from typing import Any

from essaim.referrals.models import Team
from essaim.referrals.services import ReferralReceipt, referral_create
from essaim.referrals.services.partners import team_save
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory

_numbers = itertools.count(1)
NEED = "financer_demarrage"


def make_team(
    *,
    needs: list[str] | None = None,
    territories: list[tuple[str, str]] | None = None,
    organisation: Any = None,
    advisers: list[Any] | None = None,
    **fields: Any,
) -> Team:
    """A team handling `needs` (financer_demarrage) on `territories` (Loire-Atlantique), with one
    adviser unless `advisers` says otherwise."""
    number = next(_numbers)
    organisation = organisation or OrganisationFactory(name=f"Partenaire {number}")
    data = {"organisation": organisation, "name": f"Équipe {number}", "needs": needs or [NEED], **fields}
    if advisers is None:
        advisers = [UserFactory(email=f"conseil{number}@example.org", full_name=f"Conseillère {number}")]
    return team_save(
        data=data, territories=territories if territories is not None else [("departement", "44")], advisers=advisers
    )


def make_referral(*, commune: Any, need: str = NEED, **fields: Any) -> ReferralReceipt:
    values: dict[str, Any] = {
        "email": f"porteur{next(_numbers)}@example.org",
        "name": "Camille Porteur",
        "description": "Nous lançons une épicerie solidaire et cherchons un premier financement.",
        "consent": True,
        **fields,
    }
    return referral_create(need=need, commune=commune, **values)
