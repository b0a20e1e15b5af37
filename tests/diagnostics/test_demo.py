"""The self-diagnostic's demo (`load_demo`): three structures of the région with campaigns over two
years, dated from the day it loads, loaded again without duplicates.

Only what this module needs is loaded: a few communes, the organisations' roles and one of the
three structures (the others are missing from this empty directory: the loader creates them);
the loader loads the question bank itself when none is current."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.models import HistoryEntry
from essaim.core.registries import demo_loaders
from essaim.core.taxonomies import load_taxonomy
from essaim.diagnostics import demo  # noqa: F401  (registers the loader until apps.py imports it)
from essaim.diagnostics.demo import accounts_summary
from essaim.diagnostics.demo_plans import ORGANISATIONS, STRUCTURES
from essaim.diagnostics.models import Action, Answer, Campaign, Item, Position, Respondent
from essaim.diagnostics.perms import can_pilot
from essaim.organisations.demo import DEMO_PASSWORD
from essaim.organisations.models import Membership, Organisation, OrganisationRole
from essaim.organisations.reference import DATA
from tests.territories.factories import small_region

pytestmark = pytest.mark.django_db


def load() -> None:
    demo_loaders.get("autodiagnostic")(lambda _line: None)


@pytest.fixture(scope="module")
def _loaded_demo(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The Pays de la Loire demo, loaded once for this module and rolled back after its last
    test; each test runs in a savepoint of its own."""
    fast = override_settings(ESSAIM_REGION="52", PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast, transaction.atomic():
        small_region()
        load_taxonomy(OrganisationRole, DATA / "roles.csv")
        Organisation.objects.create(name="Les Cuisines du Monde Partagé", ess_family="association")
        load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def pays_de_la_loire(_loaded_demo, db, settings):  # type: ignore[no-untyped-def]
    settings.ESSAIM_REGION = "52"


def campaigns_of(name: str) -> tuple[Campaign, Campaign]:
    last, current = Campaign.objects.filter(organisation__name=name).order_by("year")
    return last, current


def test_three_structures_of_the_region_each_have_last_years_campaign_closed_and_this_years_open(pays_de_la_loire):
    today = timezone.localdate()

    for identity in ORGANISATIONS["52"]:
        assert Organisation.objects.filter(name=identity.name).count() == 1  # found in the directory, or added
        last, current = campaigns_of(identity.name)
        assert (last.year, last.status) == (today.year - 1, Campaign.Status.CLOSED)
        assert (current.year, current.status) == (today.year, Campaign.Status.OPEN)
        assert last.closed_at is not None and current.closed_at is None
    modes = sorted(Campaign.objects.filter(year=today.year).values_list("mode", flat=True))
    assert modes == ["complet", "complet", "rapide"]


def test_last_years_campaign_is_complete_with_roles_that_diverge_positions_and_a_plan(pays_de_la_loire):
    for identity in ORGANISATIONS["52"]:
        last, _current = campaigns_of(identity.name)
        respondents = last.respondents.all()
        assert 3 <= respondents.count() <= 6
        assert len({r.role for r in respondents}) >= 3
        assert all(r.answers.exists() and r.last_answer_at for r in respondents)
        questions = last.items().filter(kind=Item.Kind.QUESTION)
        assert last.positions.count() == questions.count()
        assert 4 <= last.actions.count() <= 6
        assert all(a.objective_1y and a.objective_3y and a.due_on and a.responsible for a in last.actions.all())
    answers = Answer.objects.filter(respondent__campaign__status=Campaign.Status.CLOSED)
    assert answers.filter(to_review=True).exists()
    assert answers.filter(level="ne_sait_pas").exists()
    assert answers.exclude(practices="").count() >= 10
    assert answers.exclude(value=None).exists()  # the indicators' figures
    assert Position.objects.filter(comment__startswith="Les regards diffèrent").exists()
    statuses = set(Action.objects.values_list("status", flat=True))
    assert statuses == {"a_lancer", "en_cours", "realisee", "abandonnee"}


def test_this_years_campaign_has_fewer_answers_so_far_and_someone_who_has_not_answered(pays_de_la_loire):
    today = timezone.localdate()

    for identity in ORGANISATIONS["52"]:
        last, current = campaigns_of(identity.name)
        assert current.closes_on == today + timedelta(days=21)
        assert (
            0
            < Answer.objects.filter(respondent__campaign=current).count()
            < Answer.objects.filter(respondent__campaign=last).count()
        )
        waiting = current.respondents.filter(answers=None)
        assert waiting.exists() and all(r.last_answer_at is None for r in waiting)
        assert not current.positions.exists() and not current.actions.exists()


def test_dates_are_relative_to_the_day_the_demo_loads(pays_de_la_loire):
    now = timezone.now()

    for campaign in Campaign.objects.all():
        assert timezone.localdate(campaign.created_at).year == campaign.year
        assert campaign.created_at < now
        respondents = campaign.respondents.all()
        assert all(campaign.created_at <= r.invited_at < now for r in respondents)
        assert all(r.invited_at < r.last_answer_at < now for r in respondents if r.last_answer_at)
        if campaign.status == Campaign.Status.CLOSED:
            assert all(r.last_answer_at < campaign.closed_at for r in respondents)
            closed = HistoryEntry.objects.get(object_id=campaign.pk, summary="Campagne close")
            assert closed.created_at == campaign.closed_at < now - timedelta(days=30)
    last_years = Campaign.objects.filter(status=Campaign.Status.CLOSED)
    this_years = Campaign.objects.filter(status=Campaign.Status.OPEN)
    assert max(c.closed_at for c in last_years) < min(c.created_at for c in this_years)
    # The plan moved on since: its actions were written before the campaign closed, some done since.
    done = HistoryEntry.objects.filter(content_type__model="action", summary="Action modifiée")
    assert done.exists() and all(entry.created_at < now for entry in done)


def test_answers_and_positions_are_only_on_items_of_their_campaign(pays_de_la_loire):
    for campaign in Campaign.objects.all():
        asked = set(campaign.items().values_list("pk", flat=True))
        assert set(Answer.objects.filter(respondent__campaign=campaign).values_list("item", flat=True)) <= asked
        assert set(campaign.positions.values_list("item", flat=True)) <= asked
        assert set(campaign.actions.values_list("item", flat=True)) <= asked
        assert set(campaign.actions.values_list("theme", flat=True)) <= set(
            campaign.themes.values_list("pk", flat=True)
        )


def test_each_pilot_pilots_their_structure_and_only_theirs(pays_de_la_loire):
    pilots = [User.objects.get(email=plan.pilot_email) for plan in STRUCTURES]

    for pilot, identity in zip(pilots, ORGANISATIONS["52"], strict=True):
        assert pilot.has_usable_password() and pilot.check_password(DEMO_PASSWORD)
        assert Membership.objects.filter(user=pilot, organisation__name=identity.name).exists()
        for campaign in Campaign.objects.all():
            assert can_pilot(pilot, campaign) == (campaign.organisation.name == identity.name)
    assert pilots[0].email == "pilote.autodiag@demo.essaim.example"


def test_the_summary_gives_the_pilots_accounts_the_first_structures_first(pays_de_la_loire):
    lines = accounts_summary().splitlines()

    assert DEMO_PASSWORD in lines[0]
    assert lines[1].startswith("  pilote.autodiag@demo.essaim.example — Les Cuisines du Monde Partagé")
    assert len(lines) == len(STRUCTURES) + 2


def test_loading_again_changes_nothing_and_sends_no_email(pays_de_la_loire, mail_at_once):
    def state() -> tuple[object, ...]:
        return (
            Campaign.objects.count(),
            Respondent.objects.count(),
            Answer.objects.count(),
            Position.objects.count(),
            Action.objects.count(),
            User.objects.count(),
            Organisation.objects.count(),
            Membership.objects.count(),
            HistoryEntry.objects.count(),
            sorted(Answer.objects.values_list("respondent__email", "item__code", "level", "to_review")),
            sorted(Campaign.objects.values_list("organisation__name", "year", "status", "mode", "closes_on")),
        )

    before = state()
    load()

    assert state() == before
    assert mail.outbox == []  # the invitations are withheld


def test_centre_val_de_loire_has_its_own_three_structures(pays_de_la_loire, settings):
    settings.ESSAIM_REGION = "24"

    load()

    for identity in ORGANISATIONS["24"]:
        assert Campaign.objects.filter(organisation__name=identity.name).count() == 2


def test_employees_answered_in_numbers_enough_to_show_their_role_apart(pays_de_la_loire):
    from essaim.diagnostics.results import MIN_ROLE

    last, _current = campaigns_of(ORGANISATIONS["52"][0].name)
    assert last.respondents.filter(role="salarie", answers__isnull=False).distinct().count() >= MIN_ROLE
