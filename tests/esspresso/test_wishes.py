"""Requests to meet from the personal space: refused with a message and the typed text kept,
mutual wishes accepted at once, answered only by their recipient, withdrawn only by their sender."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from essaim.esspresso.models import Wish
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, make_wish, today

pytestmark = pytest.mark.django_db

MESSAGE = "Nous cherchons un traiteur pour 200 couverts."


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture(autouse=True)
def _taxonomies(db):
    load_esspresso_taxonomies()


@pytest.fixture
def event():
    return make_event("ESSpresso de Nantes")


@pytest.fixture
def alice(event):
    return make_participant(event, "Alice", kind="collectivite")


@pytest.fixture
def bob(event):
    return make_participant(event, "Bob", kind="ess")


def ask(client, sender, recipient, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("esspresso:participant", args=[sender.token, recipient.pk]),
            {"priority": "must", "message": MESSAGE, **data},
        )


def test_a_request_is_sent_and_its_recipient_told(client, alice, bob, django_capture_on_commit_callbacks):
    response = ask(client, alice, bob, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    wish = Wish.objects.get()
    assert (wish.sender, wish.recipient, wish.priority, wish.status) == (alice, bob, "must", "pending")
    [message] = mail.outbox
    assert message.to == [bob.email]
    assert reverse("esspresso:wishes", args=[bob.token]) in message.body
    assert MESSAGE not in message.body  # nothing a participant typed goes into an e-mail


@pytest.mark.parametrize(
    "case, expected",
    [
        ("self", "vous-même"),
        ("duplicate", "Vous avez déjà demandé un rendez-vous"),
        ("after_deadline", "Les demandes de rendez-vous sont closes"),
        ("declined", "non merci"),
        ("same_organisation", "même structure"),
    ],
)
def test_a_refused_request_says_why_and_keeps_the_message(
    client, event, alice, bob, case, expected, django_capture_on_commit_callbacks
):
    recipient = bob
    if case == "self":
        recipient = alice
    elif case == "duplicate":
        make_wish(alice, bob, status="pending")
    elif case == "after_deadline":
        event.requests_close_on = today() - timedelta(days=1)
        event.registration_closes_on = today() - timedelta(days=1)
        event.save()
    elif case == "declined":
        make_wish(bob, alice, status="declined")
    elif case == "same_organisation":
        recipient = make_participant(event, "Colette", organisation=alice.organisation)
    response = ask(client, alice, recipient, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    page = text(response)
    assert expected in page
    assert MESSAGE in page
    assert Wish.objects.filter(sender=alice, recipient=recipient).count() == (1 if case == "duplicate" else 0)


def test_a_request_to_a_kind_the_organiser_does_not_pair_is_refused(
    client, event, alice, django_capture_on_commit_callbacks
):
    event.allowed_pairs = ["ess:collectivite"]
    event.save()
    other = make_participant(event, "Denis", kind="collectivite")
    response = ask(client, alice, other, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert "n'organise pas de rendez-vous" in text(response)


def test_a_message_too_long_is_refused_and_kept(client, alice, bob, django_capture_on_commit_callbacks):
    long = "a" * 501
    response = ask(client, alice, bob, django_capture_on_commit_callbacks, message=long)
    assert response.status_code == 400
    assert long in text(response)


def test_a_mutual_request_is_accepted_at_once(client, alice, bob, django_capture_on_commit_callbacks):
    make_wish(bob, alice, status="pending")
    ask(client, alice, bob, django_capture_on_commit_callbacks)
    assert set(Wish.objects.values_list("status", flat=True)) == {"accepted"}


def test_only_the_recipient_answers(client, event, alice, bob, django_capture_on_commit_callbacks):
    wish = make_wish(alice, bob, status="pending")
    url_as_sender = reverse("esspresso:wish_answer", args=[alice.token, wish.pk])
    assert client.post(url_as_sender, {"decision": "accept"}).status_code == 404
    stranger = make_participant(event, "Eve")
    assert (
        client.post(
            reverse("esspresso:wish_answer", args=[stranger.token, wish.pk]), {"decision": "accept"}
        ).status_code
        == 404
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("esspresso:wish_answer", args=[bob.token, wish.pk]), {"decision": "accept"})
    assert response.status_code == 302
    wish.refresh_from_db()
    assert wish.status == "accepted"
    [message] = mail.outbox
    assert message.to == [alice.email]


def test_non_merci_forbids_the_pair(client, alice, bob):
    wish = make_wish(alice, bob, status="pending")
    client.post(reverse("esspresso:wish_answer", args=[bob.token, wish.pk]), {"decision": "decline"})
    wish.refresh_from_db()
    assert wish.status == "declined"
    response = client.post(reverse("esspresso:wish_withdraw", args=[alice.token, wish.pk]))
    assert response.status_code == 400
    assert "non merci" in text(response)


def test_an_unknown_decision_is_refused(client, alice, bob):
    wish = make_wish(alice, bob, status="pending")
    response = client.post(reverse("esspresso:wish_answer", args=[bob.token, wish.pk]), {"decision": "peut-être"})
    assert response.status_code == 400
    assert "Choisissez" in text(response)


def test_only_the_sender_withdraws(client, alice, bob):
    wish = make_wish(alice, bob, status="pending")
    assert client.post(reverse("esspresso:wish_withdraw", args=[bob.token, wish.pk])).status_code == 404
    assert client.post(reverse("esspresso:wish_withdraw", args=[alice.token, wish.pk])).status_code == 302
    assert not Wish.objects.exists()


def test_the_wishes_page_lists_sent_and_received_with_their_buttons(client, event, alice, bob):
    carla = make_participant(event, "Carla")
    make_wish(alice, bob, status="pending")
    make_wish(carla, alice, status="pending")
    page = text(client.get(reverse("esspresso:wishes", args=[alice.token])))
    assert "Demandes reçues (1)" in page and "Demandes envoyées (1)" in page
    assert "Non merci" in page and "Retirer ma demande" in page


def test_the_profile_warns_when_someone_is_over_requested(client, event, alice, bob):
    bob.max_meetings = 1
    bob.save()
    for name in ("Carla", "Denis"):
        make_wish(make_participant(event, name), bob, status="pending")
    page = text(client.get(reverse("esspresso:participant", args=[alice.token, bob.pk])))
    assert "Bob Test a déjà 2 demandes pour 1 créneaux" in page


def test_an_unlisted_stranger_is_not_found(client, event, alice):
    hidden = make_participant(event, "Hector", listed=False)
    assert client.get(reverse("esspresso:participant", args=[alice.token, hidden.pk])).status_code == 404
    other_event = make_participant(make_event("Autre"), "Ines")
    assert client.get(reverse("esspresso:participant", args=[alice.token, other_event.pk])).status_code == 404
