"""The platform's administration is a named role, separate from technical access to the admin."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from essaim.accounts.models import User
from essaim.organisations.demo import DEMO_ACCOUNTS, create_demo_accounts
from tests.accounts.factories import PASSWORD, UserFactory
from tests.organisations.factories import OrganisationFactory
from tests.strategy.factories import strategy_world

pytestmark = pytest.mark.django_db

ROLE_MIGRATION = importlib.import_module(
    "essaim.accounts.migrations.0002_platform_admin_role_and_case_insensitive_email"
)


def log_in(client, user):
    return client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})


def test_a_staff_account_without_the_role_is_not_a_platform_admin(client, region):
    staff = UserFactory(is_staff=True)
    assert not staff.is_platform_admin
    assert log_in(client, staff)["Location"] == reverse("core:home")
    assert client.get(reverse("catalog:moderation")).status_code == 403
    assert client.get(reverse("catalog:dashboard")).status_code == 403
    world = strategy_world(region)
    assert client.get(reverse("strategy:board", args=[world.strategy.code])).status_code in {403, 404}


def test_the_role_without_staff_status_moderates_but_does_not_open_the_admin(client):
    cress = UserFactory(administers_platform=True)
    assert cress.is_platform_admin
    assert log_in(client, cress)["Location"] == reverse("catalog:moderation")
    assert client.get(reverse("catalog:moderation")).status_code == 200
    admin = client.get(reverse("admin:index"))
    assert admin.status_code == 302 and admin["Location"].startswith(reverse("admin:login"))
    assert "Administration</a>" not in client.get(reverse("core:home")).content.decode()


def test_an_inactive_account_loses_the_role():
    assert not UserFactory(administers_platform=True, is_active=False).is_platform_admin


def test_the_role_writes_for_every_structure():
    from essaim.organisations.models import Organisation

    hidden = OrganisationFactory(is_active=False)
    assert hidden in Organisation.objects.editable_by(UserFactory(administers_platform=True))
    assert hidden not in Organisation.objects.editable_by(UserFactory(is_staff=True))


def test_existing_staff_receive_the_role_so_nothing_changes_for_them():
    staff = UserFactory(is_staff=True)
    member = UserFactory()
    ROLE_MIGRATION.give_the_role_to_existing_staff(apps, None)
    staff.refresh_from_db()
    member.refresh_from_db()
    assert staff.administers_platform and not member.administers_platform


def test_the_demo_cress_account_keeps_its_powers():
    create_demo_accounts()
    cress = next(account for account in DEMO_ACCOUNTS if account.is_staff)
    user = User.objects.get(email=cress.email)
    assert user.is_platform_admin and user.is_staff
    # Run twice, as `load_demo` may be: still the same account, still the role.
    create_demo_accounts()
    assert User.objects.get(email=cress.email).is_platform_admin


def test_the_role_is_shown_and_given_in_the_admin(client):
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    colleague = UserFactory()
    changelist = client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Administration de la plateforme" in changelist
    page = client.get(reverse("admin:accounts_user_change", args=[colleague.pk])).content.decode()
    assert 'name="administers_platform"' in page
