"""Who may reach the organiser's pages: the event's organisers and the CRESS team; others get
a 404 for an event they do not organise, anonymous people the login page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.esspresso.factories import make_participant
from tests.esspresso.organiser_helpers import cress, organised_event

pytestmark = pytest.mark.django_db

EVENT_PAGES = [
    "manage",
    "event_edit",
    "room",
    "participants",
    "timetable",
    "onsite",
    "event_stats",
    "badges",
    "table_plan",
]


@pytest.mark.parametrize("name", EVENT_PAGES)
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, name):
    event, _ = organised_event()
    response = client.get(reverse(f"esspresso:{name}", kwargs={"pk": event.pk}))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", EVENT_PAGES)
def test_the_organiser_of_another_event_gets_a_404(client, name):
    event, _ = organised_event()
    _, other = organised_event(title="Autre ESSpresso")
    client.force_login(other)
    assert client.get(reverse(f"esspresso:{name}", kwargs={"pk": event.pk})).status_code == 404


def test_a_participant_with_an_account_cannot_manage_their_event(client):
    event, _ = organised_event()
    user = UserFactory()
    make_participant(event, "Alice", user=user)
    client.force_login(user)
    assert client.get(reverse("esspresso:manage", kwargs={"pk": event.pk})).status_code == 404
    assert client.get(reverse("esspresso:manage_list")).status_code == 403
    assert client.get(reverse("esspresso:event_create")).status_code == 403
    assert client.get(reverse("esspresso:stats")).status_code == 403


@pytest.mark.parametrize("name", EVENT_PAGES)
def test_the_organiser_and_the_cress_open_every_page(client, name):
    event, organiser = organised_event()
    for user in (organiser, cress()):
        client.force_login(user)
        response = client.get(reverse(f"esspresso:{name}", kwargs={"pk": event.pk}))
        assert response.status_code == 200, (user, name)


def test_posts_of_another_organiser_change_nothing(client):
    event, _ = organised_event(needs_validation=True)
    alice = make_participant(event, "Alice", status="pending")
    _, other = organised_event(title="Autre ESSpresso")
    client.force_login(other)
    url = reverse("esspresso:participant_status", kwargs={"pk": event.pk, "participant": alice.pk})
    assert client.post(url, {"to": "confirmed"}).status_code == 404
    alice.refresh_from_db()
    assert alice.status == "pending"
    assert client.post(reverse("esspresso:timetable_run", kwargs={"pk": event.pk})).status_code == 404


def test_manage_list_shows_my_events_and_the_cress_may_create_one(client):
    event, organiser = organised_event(title="ESSpresso de Cholet")
    organised_event(title="ESSpresso de Laval")
    client.force_login(organiser)
    page = client.get(reverse("esspresso:manage_list")).content.decode()
    assert "ESSpresso de Cholet" in page
    assert "ESSpresso de Laval" not in page
    assert "Créer un ESSpresso" not in page
    client.force_login(cress())
    page = client.get(reverse("esspresso:manage_list")).content.decode()
    assert "ESSpresso de Cholet" in page and "ESSpresso de Laval" in page
    assert "Créer un ESSpresso" in page


def test_the_account_page_links_to_the_organiser_space_only_for_organisers(client):
    event, organiser = organised_event()
    client.force_login(organiser)
    assert "Mes rendez-vous ESSpresso à organiser" in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(UserFactory())
    assert "Mes rendez-vous ESSpresso à organiser" not in client.get(reverse("accounts:profile")).content.decode()
