"""The demo of support requests (`load_demo`): the région's network of partners and about forty
requests in every state, dated from the day it loads, loaded again without duplicates.

Only what this module needs is loaded: the communes its requests come from (a small slice of the
referential), the catalogue's needs and the CRESS's demo account; the partners missing from this
empty directory are created by the loader itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.core.registries import demo_loaders
from essaim.core.text import fold
from essaim.organisations.demo import DEMO_PASSWORD, create_demo_accounts
from essaim.referrals import routing
from essaim.referrals.demo import accounts_summary
from essaim.referrals.demo_network import TEAMS
from essaim.referrals.demo_requests import PLACES
from essaim.referrals.models import Dispatch, Outcome, Referral, Source, Team
from essaim.referrals.services.reminders import reminders_due
from essaim.referrals.services.routing import team_profiles
from essaim.territories.models import Commune, Departement, Epci, Region
from tests.catalog.factories import load_catalog_taxonomies

pytestmark = pytest.mark.django_db

REGIONS = {"52": "Pays de la Loire", "24": "Centre-Val de Loire"}
DEPARTEMENTS = {"52": ("44", "49", "53", "72", "85"), "24": ("18", "28", "36", "37", "41", "45")}
# The EPCI of the Guid'Asso points, and the demo's communes in them.
EPCIS = {"244400404": ("44109", "44162"), "244900015": ("49007",), "243700754": ("37261",)}


def territories(region: str) -> None:
    """The région, its départements, the communes of the demo's requests and the EPCI of its
    Guid'Asso points (names are placeholders: the demo reads codes)."""
    home = Region.objects.create(code=region, name=REGIONS[region], search_name=fold(REGIONS[region]))
    departements = {
        code: Departement.objects.create(code=code, name=f"Département {code}", search_name=code, region=home)
        for code in DEPARTEMENTS[region]
    }
    epci_of = {commune: code for code, communes in EPCIS.items() for commune in communes}
    for code in PLACES[region].values():
        epci = None
        if code in epci_of:
            epci, _ = Epci.objects.get_or_create(code=epci_of[code], defaults={"name": epci_of[code], "kind": "CA"})
        Commune.objects.create(
            code=code, name=f"Commune {code}", search_name=code, departement=departements[code[:2]], epci=epci
        )


def load_demo(region: str) -> None:
    territories(region)
    load_catalog_taxonomies()
    create_demo_accounts()
    demo_loaders.get("accompagnement")(lambda _line: None)


@pytest.fixture(scope="module")
def _loaded_demo(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The Pays de la Loire demo, loaded once for this module and rolled back after its last
    test; each test runs in a savepoint of its own."""
    with django_db_blocker.unblock(), override_settings(ESSAIM_REGION="52"), transaction.atomic():
        load_demo("52")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def pays_de_la_loire(_loaded_demo, db, settings):  # type: ignore[no-untyped-def]
    settings.ESSAIM_REGION = "52"


def test_the_network_has_the_cress_the_chambers_each_dla_france_active_an_incubator_and_guidasso_points(
    pays_de_la_loire,
):
    partners = set(Team.objects.values_list("organisation__name", flat=True))

    assert {"CRESS Pays de la Loire", "CCI Pays de la Loire", "France Active Pays de la Loire"} <= partners
    assert {"Chambre de métiers et de l'artisanat Pays de la Loire", "Chambre d'agriculture des Pays de la Loire"} <= (
        partners
    )
    dlas = Team.objects.filter(organisation__name__startswith="DLA ")
    assert sorted(dlas.values_list("territories__code", flat=True)) == ["44", "49", "53", "72", "85"]
    assert all(team.min_employees == 1 and team.min_years == 1 for team in dlas)
    guidasso = Team.objects.filter(name__startswith="Point Guid'Asso")
    assert guidasso.count() == 3 and all(team.audiences == ["association", "collectif_informel"] for team in guidasso)
    assert Team.objects.filter(name="Incubateur des Ecossolies").exists()
    for team in Team.objects.all():
        (adviser,) = team.advisers.all()
        assert adviser.email.endswith("@demo.essaim.example") and adviser.has_usable_password()  # the demo password
        assert adviser.memberships.filter(organisation=team.organisation).exists()


def test_the_requests_are_in_every_state_with_every_outcome_and_from_everywhere(pays_de_la_loire):
    requests = Referral.objects.all()

    assert 35 <= requests.count() <= 45
    assert set(requests.values_list("status", flat=True)) == set(Referral.Status.values)
    closed = requests.filter(status=Referral.Status.CLOSED)
    assert set(closed.values_list("outcome", flat=True)) == set(Outcome.values)
    assert set(requests.exclude(useful=None).values_list("useful", flat=True)) == {True, False}
    assert {Source.FORM, Source.ORIENTATION, Source.OFFER, Source.CRESS} <= set(
        requests.values_list("source", flat=True)
    )
    from_offer = requests.filter(source=Source.OFFER)
    assert all(r.preferred_partner and r.context_kind == "offre" for r in from_offer)
    assert requests.filter(description__contains="— Ajouté par le formulaire le").count() == 1  # sent twice, merged
    assert Dispatch.objects.filter(status=Dispatch.Status.DECLINED).exists()
    assert all(r.email.endswith("@example.org") or (not r.email and r.phone) for r in requests)
    # Every request was routed by the services: an open one is held by a team or by the CRESS.
    for referral in requests.filter(status=Referral.Status.SENT):
        assert referral.dispatches.filter(status=Dispatch.Status.PENDING).exists()


def test_dates_are_relative_to_the_day_the_demo_loads(pays_de_la_loire):
    now = timezone.now()
    requests = Referral.objects.all()

    assert requests.filter(sent_at__gte=now - timedelta(days=1), status=Referral.Status.SENT).exists()
    assert Referral.objects.flagged(now).count() >= 3  # "à traiter" on the CRESS's board
    due = reminders_due(now)
    assert {dispatch.first_reminder_at is None for dispatch in due} == {True, False}  # D+3 and D+7 reminders
    assert Dispatch.objects.exclude(second_reminder_at=None).exists()  # and sent ones
    # Received at its date; sent again later only when the CRESS routed it by hand.
    assert all(r.created_at == r.sent_at for r in requests.exclude(dispatches__routed_by__isnull=False))
    assert all(r.created_at < r.sent_at for r in requests.filter(dispatches__routed_by__isnull=False))
    taken = requests.exclude(taken_at=None).first()
    entry = HistoryEntry.objects.get(object_id=taken.pk, summary="Prise en charge", content_type__model="referral")
    assert entry.created_at == taken.taken_at < now - timedelta(hours=12)
    assert requests.filter(satisfaction_sent_at__lt=now - timedelta(days=1), useful=None).exists()


def test_the_gap_table_shows_needs_nobody_handles_in_a_departement(pays_de_la_loire):
    communes = Commune.objects.select_related("departement")
    table = routing.coverage(
        team_profiles(),
        needs=["former_benevoles", "financer_demarrage"],
        departements={code: "52" for code in DEPARTEMENTS["52"]},
        departement_of={commune.code: commune.departement.code for commune in communes},
        epci_departements={code: frozenset(c[:2] for c in members) for code, members in EPCIS.items()},
    )

    assert table[("former_benevoles", "53")] == routing.Coverage.NONE
    assert table[("former_benevoles", "85")] == routing.Coverage.FULL
    assert all(table[("financer_demarrage", code)] == routing.Coverage.FULL for code in DEPARTEMENTS["52"])
    assert Referral.objects.filter(status=Referral.Status.TO_ROUTE, need="former_benevoles").exists()


def test_the_summary_gives_the_advisers_accounts_the_dla44_first(pays_de_la_loire):
    lines = accounts_summary().splitlines()

    assert DEMO_PASSWORD in lines[0]
    assert lines[1].startswith("  conseil.dla44@demo.essaim.example")
    assert len(lines) == len(TEAMS["52"]) + 2  # and the CRESS's account


def test_loading_again_makes_the_requests_anew_without_duplicates_or_emails(pays_de_la_loire, mail_at_once):
    from essaim.accounts.models import User
    from essaim.organisations.models import Organisation

    counts = (
        Referral.objects.count(),
        Dispatch.objects.count(),
        Team.objects.count(),
        User.objects.count(),
        Organisation.objects.count(),
        HistoryEntry.objects.filter(content_type__model__in=["referral", "dispatch"]).count(),
    )
    statuses = sorted(Referral.objects.values_list("status", flat=True))

    demo_loaders.get("accompagnement")(lambda _line: None)

    assert (
        Referral.objects.count(),
        Dispatch.objects.count(),
        Team.objects.count(),
        User.objects.count(),
        Organisation.objects.count(),
        HistoryEntry.objects.filter(content_type__model__in=["referral", "dispatch"]).count(),
    ) == counts
    assert sorted(Referral.objects.values_list("status", flat=True)) == statuses
    assert mail.outbox == []  # the services' e-mails are withheld
