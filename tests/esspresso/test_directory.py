"""The event's directory: listed participants, searched and filtered, and "Suggestions pour vous"
with their reason, without the people one is already linked to."""

import html
import re

import pytest
from django.urls import reverse

from essaim.esspresso.directory import suggestions_for
from essaim.esspresso.models import Sector, Topic
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, make_wish
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def text(response):
    return " ".join(re.sub(r"<[^>]+>", " ", html.unescape(response.content.decode())).split())


@pytest.fixture(autouse=True)
def _taxonomies(db):
    load_esspresso_taxonomies()


@pytest.fixture
def world(region):
    event = make_event("ESSpresso de Nantes")
    alice = make_participant(
        event,
        "Alice",
        kind="collectivite",
        seeks=["restauration"],
        organisation=OrganisationFactory(name="Ville de Nantes", commune=region.nantes),
    )
    bob = make_participant(
        event,
        "Bob",
        kind="ess",
        offers=["restauration"],
        offers_text="Traiteur bio et local",
        organisation=OrganisationFactory(name="Les Cuisines Solidaires", commune=region.angers),
    )
    carla = make_participant(
        event,
        "Carla",
        kind="entreprise",
        offers=["espaces_verts"],
        organisation=OrganisationFactory(name="Verts Paysages", commune=region.saint_herblain),
    )
    return event, alice, bob, carla


def directory(client, alice, **query):
    return client.get(reverse("esspresso:directory", args=[alice.token]), query)


def test_the_directory_shows_suggestions_with_their_reason(client, world):
    event, alice, bob, carla = world
    page = text(directory(client, alice))
    assert "Suggestions pour vous" in page
    assert "Vous cherchez « Restauration et traiteur », qu'elle propose." in page
    suggested = [item.participant for item in suggestions_for(alice)]
    assert suggested[0] == bob and carla not in suggested


def test_suggestions_leave_out_people_already_asked_or_declined_and_kinds_not_paired(world):
    event, alice, bob, carla = world
    make_wish(alice, bob, status="pending")
    assert bob not in [item.participant for item in suggestions_for(alice)]
    event.allowed_pairs = ["collectivite:entreprise"]
    event.save()
    dave = make_participant(event, "Dave", kind="ess", offers=["restauration"])
    assert dave not in [item.participant for item in suggestions_for(alice)]


def test_suggestions_leave_out_colleagues(world):
    event, alice, bob, carla = world
    colleague = make_participant(event, "Colin", organisation=alice.organisation, offers=["restauration"])
    assert colleague not in [item.participant for item in suggestions_for(alice)]


def test_an_over_requested_participant_comes_lower(world):
    event, alice, bob, carla = world
    dave = make_participant(
        event, "Dave", kind="ess", offers=["restauration"], offers_text="Traiteur bio et local", max_meetings=1
    )
    for name in ("Eve", "Fred", "Gina"):
        make_wish(make_participant(event, name), dave, status="pending")
    order = [item.participant for item in suggestions_for(alice)]
    assert order.index(bob) < order.index(dave)
    assert [item for item in suggestions_for(alice) if item.participant == dave][0].over_requested


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"q": "cuisines"}, ["Bob"]),
        ({"kind": "entreprise"}, ["Carla"]),
        ({"offers": "espaces_verts"}, ["Carla"]),
        ({"seeks": "restauration"}, ["Alice"]),
        ({"departement": "49"}, ["Bob"]),
        ({"sector": "sante"}, []),
    ],
)
def test_the_directory_filters(client, world, query, expected):
    event, alice, bob, carla = world
    if "offers" in query:
        query = {"offers": str(Topic.objects.get(slug=query["offers"]).pk)}
    if "seeks" in query:
        query = {"seeks": str(Topic.objects.get(slug=query["seeks"]).pk)}
    if "sector" in query:
        query = {"sector": str(Sector.objects.get(slug=query["sector"]).pk)}
    response = directory(client, alice, **query)
    assert response.status_code == 200
    page = text(response)
    shown = [name for name in ("Alice", "Bob", "Carla") if f"{name} Test" in page.split("correspond")[-1]]
    assert shown == expected
    assert "Suggestions pour vous" not in page  # a search shows its results only


def test_unlisted_people_stay_out_of_the_directory(client, world):
    event, alice, bob, carla = world
    make_participant(event, "Hector", listed=False)
    assert "Hector" not in text(directory(client, alice))


def test_hostile_filters_are_ignored_not_fatal(client, world):
    event, alice, bob, carla = world
    response = directory(client, alice, kind="x" * 500, offers="' OR 1=1", departement="99", page="abc")
    assert response.status_code == 200
    assert "3 participants" in text(response)
