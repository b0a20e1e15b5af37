"""Demo content: the directory of a realistic région and one account per role.

One région per instance: the demo follows `ESSAIM_REGION` (Pays de la Loire, 52, or
Centre-Val de Loire, 24), so that what the site says ("en Pays de la Loire") and what it lists
agree. Each région has its directory of fictional structures and its support operators; the
national operators (networks, foundations, State agencies) are loaded everywhere.
Demo accounts exist only where `load_demo` ran; a production install never creates them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from essaim.accounts.models import User
from essaim.accounts.staff import staff_member_add
from essaim.core.imports import read_csv_file
from essaim.core.registries import demo_loaders, demo_summaries
from essaim.organisations.models import Membership, Organisation
from essaim.organisations.services import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, organisations_import

DEMO_DIR = Path(__file__).parent / "demo_data"
DEMO_REGIONS = {"52": "Pays de la Loire", "24": "Centre-Val de Loire"}
DEMO_PASSWORD = "essaim-demo-2026"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    description: str
    is_staff: bool = False
    organisation_role: str = "operateur_accompagnement"
    membership: str = ""


DEMO_ACCOUNTS = (
    DemoAccount("cress@demo.essaim.example", "Camille Moreau", "équipe de la CRESS (administration)", is_staff=True),
    DemoAccount(
        "admin.structure@demo.essaim.example",
        "Karim Benali",
        "administrateur d'une structure",
        membership="admin",
    ),
    DemoAccount("editeur@demo.essaim.example", "Léa Guérin", "éditrice d'une structure", membership="editor"),
    DemoAccount(
        "membre@demo.essaim.example",
        "Yann Le Goff",
        "membre d'une structure de l'ESS",
        organisation_role="entreprise_ess",
        membership="member",
    ),
)


@transaction.atomic
def create_demo_accounts() -> list[DemoAccount]:
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={
                "full_name": account.full_name,
                "is_staff": account.is_staff,
                "administers_platform": account.is_staff,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if account.is_staff:
            # The CRESS account both holds the platform's role and opens the admin.
            staff_member_add(user=user)
            if not user.administers_platform:
                user.administers_platform = True
                user.save(update_fields=["administers_platform"])
        if account.membership:
            organisation = Organisation.objects.with_role(account.organisation_role).order_by("search_name").first()
            if organisation:
                Membership.objects.get_or_create(
                    user=user, organisation=organisation, defaults={"role": account.membership}
                )
    return list(DEMO_ACCOUNTS)


def demo_region() -> str:
    """The région the demo describes: the one this instance serves (`ESSAIM_REGION`)."""
    if settings.ESSAIM_REGION not in DEMO_REGIONS:
        known = ", ".join(f"{code} ({name})" for code, name in DEMO_REGIONS.items())
        raise ImproperlyConfigured(
            f"La démonstration existe pour les régions {known}, pas pour {settings.ESSAIM_REGION}."
        )
    return str(settings.ESSAIM_REGION)


def demo_files(region: str) -> list[Path]:
    """The directory of the région, then the support operators and funders whose offers fill the
    demo catalogue: national ones, then those of the région."""
    return [DEMO_DIR / f"organisations-{region}.csv", DEMO_DIR / "operators.csv", DEMO_DIR / f"operators-{region}.csv"]


@demo_loaders.register("annuaire", order=20)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    for path in demo_files(demo_region()):
        rows = read_csv_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
        report = organisations_import(rows=rows)
        if not report.ok:
            raise RuntimeError(f"{path.name} est invalide : " + "; ".join(map(str, report.errors)))
        log(f"  Structures ({path.name}) : {report.summary()}")
    create_demo_accounts()


@demo_summaries.register("annuaire", order=20)
def accounts_summary() -> str:
    existing = set(User.objects.filter(email__in=[a.email for a in DEMO_ACCOUNTS]).values_list("email", flat=True))
    lines = [f"Comptes de démonstration (mot de passe « {DEMO_PASSWORD} ») :"]
    lines += [f"  {account.email} — {account.description}" for account in DEMO_ACCOUNTS if account.email in existing]
    return "\n".join(lines) if existing else ""
