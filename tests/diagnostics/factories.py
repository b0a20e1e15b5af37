"""A small question bank and campaigns, through the services.

Usage: bank = make_bank(); campaign = make_campaign(bank); respondent = campaign.respondents.get()
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from essaim.diagnostics.models import Campaign, Domain, Framework, Item, Theme
from essaim.diagnostics.services import campaign_open
from tests.accounts.factories import UserFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory


@dataclass
class SmallBank:
    framework: Framework
    governance: Theme
    environment: Theme
    items: dict[str, Item]


def make_bank(version: int = 1, *, current: bool = True) -> SmallBank:
    """Two themes, two questions each (one in the quick path) and an indicator."""
    framework = Framework.objects.create(
        code="guide-bonnes-pratiques-ess", version=version, title="Guide des bonnes pratiques", is_current=current
    )
    items: dict[str, Item] = {}
    themes = []
    for order, (code, title) in enumerate(
        (("gouvernance", "Gouvernance démocratique"), ("environnement", "Environnement"))
    ):
        theme = Theme.objects.create(framework=framework, code=code, title=title, order=order)
        domain = Domain.objects.create(theme=theme, code="pratiques", title=f"Pratiques de {title.lower()}")
        for number, quick in ((1, True), (2, False)):
            item = Item.objects.create(
                domain=domain,
                code=f"{code}-q{number}",
                text=f"Question {number} sur {title.lower()} ?",
                quick=quick,
                order=number,
                source="Guide des bonnes pratiques (CSESS, 2016)",
                suggested_actions={"pas_encore": "En parler en bureau."},
            )
            items[item.code] = item
        indicator = Item.objects.create(
            domain=domain,
            code=f"{code}-indicateur",
            kind="indicateur",
            unit="%",
            text=f"Part liée à {title.lower()}",
            order=3,
        )
        items[indicator.code] = indicator
        themes.append(theme)
    return SmallBank(framework=framework, governance=themes[0], environment=themes[1], items=items)


def make_pilot(organisation: Any = None, **fields: Any) -> Any:
    organisation = organisation or OrganisationFactory(name="La Ressourcerie du Port")
    pilot = UserFactory(full_name="Claire Pilote", **fields)
    MembershipFactory(user=pilot, organisation=organisation, role="editor")
    return pilot


def make_campaign(bank: SmallBank | None, *, year: int = 2026, mode: str = "complet", **fields: Any) -> Campaign:
    pilot = fields.pop("pilot", None) or make_pilot()
    organisation = fields.pop("organisation", None) or pilot.memberships.get().organisation
    return campaign_open(
        organisation=organisation,
        year=year,
        pilot=pilot,
        pilot_role=fields.pop("pilot_role", "direction"),
        mode=mode,
        themes=fields.pop("themes") if bank is None else fields.pop("themes", [bank.governance, bank.environment]),
        **fields,
    )
