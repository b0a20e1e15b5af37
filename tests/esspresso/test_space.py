"""The personal space reached by the link sent by e-mail: found by its token only, never cached,
the profile edited, the registration cancelled."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from essaim.esspresso.models import Participant, Topic, Wish
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, make_wish, today

pytestmark = pytest.mark.django_db


def text(response):
    """The page's text, tags removed and spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html.unescape(response.content.decode())).split())


@pytest.fixture(autouse=True)
def _taxonomies(db):
    load_esspresso_taxonomies()


@pytest.fixture
def alice():
    event = make_event(
        "ESSpresso de Nantes", sessions=[("Matinée", "09:00", "10:40"), ("Après-midi", "14:00", "15:40")]
    )
    return make_participant(event, "Alice", offers=["restauration"])


SPACE_PAGES = ["space", "profile", "cancel", "directory", "wishes", "agenda", "feedback"]


@pytest.mark.parametrize("name", SPACE_PAGES)
def test_an_unknown_token_gets_the_french_not_found_page(client, alice, name):
    response = client.get(reverse(f"esspresso:{name}", args=["jeton-inconnu"]))
    assert response.status_code == 404
    assert "Page introuvable" in text(response)


@pytest.mark.parametrize("name", SPACE_PAGES)
def test_pages_reached_by_the_personal_link_are_never_stored(client, alice, name):
    response = client.get(reverse(f"esspresso:{name}", args=[alice.token]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_public_event_page_stays_cacheable(client, alice):
    response = client.get(reverse("esspresso:event", args=[alice.event.slug]))
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_space_shows_status_phase_counters_and_next_step(client, alice):
    bob = make_participant(alice.event, "Bob")
    carla = make_participant(alice.event, "Carla")
    make_wish(alice, bob, status=Wish.Status.ACCEPTED)
    make_wish(carla, alice, status=Wish.Status.PENDING)
    page = text(client.get(reverse("esspresso:space", args=[alice.token])))
    assert "Bonjour Alice" in page and "Inscription confirmée" in page
    assert "Inscriptions ouvertes jusqu'au" in page
    assert "1 demande envoyée" in page and "1 demande reçue" in page and "dont 1 à traiter" in page
    assert "répondez-leur" in page


def test_the_profile_is_updated_with_availability(client, alice):
    afternoon = alice.event.sessions.get(label="Après-midi")
    response = client.post(
        reverse("esspresso:profile", args=[alice.token]),
        {
            "first_name": "Alice",
            "last_name": "Martin",
            "kind": "ess",
            "seeks": [str(Topic.objects.get(slug="restauration").pk)],
            "seeks_text": "Un local pour notre atelier",
            "sessions": [str(afternoon.pk)],
            "max_meetings": "3",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.last_name == "Martin" and alice.max_meetings == 3 and alice.listed is False
    assert list(alice.sessions.all()) == [afternoon]
    assert [t.slug for t in alice.seeks.all()] == ["restauration"]
    assert alice.email == f"alice.{alice.event.pk}@exemple.fr"


def test_a_wrong_profile_keeps_what_was_typed(client, alice):
    response = client.post(
        reverse("esspresso:profile", args=[alice.token]),
        {"first_name": "", "last_name": "Martin", "kind": "ess", "seeks_text": "Un local", "max_meetings": "0"},
    )
    assert response.status_code == 400
    assert "Un local" in text(response)


def test_cancelling_asks_for_confirmation_then_cancels(client, alice):
    page = text(client.get(reverse("esspresso:cancel", args=[alice.token])))
    assert "Confirmer l'annulation" in page
    alice.refresh_from_db()
    assert alice.status == Participant.Status.CONFIRMED
    response = client.post(reverse("esspresso:cancel", args=[alice.token]))
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.status == Participant.Status.CANCELLED
    # Cancelling twice says why, never a 500.
    again = client.post(reverse("esspresso:cancel", args=[alice.token]))
    assert again.status_code == 400


def test_a_cancelled_participant_no_longer_sees_the_directory(client, alice):
    alice.status = Participant.Status.CANCELLED
    alice.save()
    assert client.get(reverse("esspresso:directory", args=[alice.token])).status_code == 403


def test_the_profile_of_a_past_event_is_read_only(client):
    event = make_event(days_ahead=-3)
    alice = make_participant(event, "Alice")
    response = client.post(
        reverse("esspresso:profile", args=[alice.token]), {"first_name": "X", "last_name": "Y", "kind": "ess"}
    )
    assert response.status_code == 400
    alice.refresh_from_db()
    assert alice.first_name == "Alice"
    assert event.date < today() + timedelta(days=0)
