"""After logging in without a page to return to, each role lands on its own space."""

import pytest
from django.urls import reverse

from essaim.organisations.models import Membership
from tests.accounts.factories import PASSWORD, UserFactory
from tests.organisations.factories import OrganisationFactory
from tests.strategy.factories import strategy_world

pytestmark = pytest.mark.django_db


def log_in(client, user, **query):
    url = reverse("accounts:login") + (f"?next={query['next']}" if query else "")
    return client.post(url, {"username": user.email, "password": PASSWORD})


def test_cress_staff_land_on_the_moderation_queue(client):
    response = log_in(client, UserFactory(platform_admin=True))
    assert response["Location"] == reverse("catalog:moderation")


def test_an_operator_lands_on_the_operator_space(client):
    user = UserFactory()
    Membership.objects.create(user=user, organisation=OrganisationFactory(), role="editor")
    assert log_in(client, user)["Location"] == reverse("catalog:my_offers")


def test_copilots_readers_and_leads_land_on_the_steering_workspace(client, region):
    world = strategy_world(region)
    for user in (world.copilot, world.reader, world.lead):
        assert log_in(client, user)["Location"] == reverse("strategy:workspace")
        client.logout()


def test_a_plain_member_lands_on_the_home_page_and_next_always_wins(client):
    user = UserFactory()
    assert log_in(client, user)["Location"] == reverse("core:home")
    client.logout()
    staff = UserFactory(platform_admin=True)
    assert log_in(client, staff, next="/aides/")["Location"] == "/aides/"
