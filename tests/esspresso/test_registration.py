"""Registering without an account, and asking for one's personal link again."""

import html
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from essaim.esspresso.models import Participant, Session, Topic
from essaim.organisations.models import Organisation
from tests.accounts.factories import UserFactory
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, today
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture(autouse=True)
def _taxonomies(db):
    load_esspresso_taxonomies()


@pytest.fixture
def event():
    return make_event("ESSpresso de Nantes", sessions=[("Matinée", "09:00", "10:40"), ("Après-midi", "14:00", "15:40")])


def form_data(event, **changes):
    data = {
        "first_name": "Camille",
        "last_name": "Durand",
        "job_title": "Directrice",
        "email": "Camille.Durand@Exemple.org",
        "phone": "02 40 00 00 00",
        "organisation_name": "Les Jardins de Camille",
        "siret": "",
        "kind": "ess",
        "offers": [str(Topic.objects.get(slug="restauration").pk)],
        "offers_text": "Un traiteur bio et local pour vos réunions.",
        "seeks_text": "Des clients publics pour nos paniers.",
        "sessions": [str(session.pk) for session in event.sessions.all()],
        "max_meetings": "6",
        "listed": "on",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def register(client, event, django_capture_on_commit_callbacks, remote_addr="127.0.0.1", **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("esspresso:register", args=[event.slug]), form_data(event, **changes), REMOTE_ADDR=remote_addr
        )


def test_the_event_page_shows_the_register_button_while_registrations_are_open(client, event):
    page = text(client.get(reverse("esspresso:event", args=[event.slug])))
    assert reverse("esspresso:register", args=[event.slug]) in page
    assert "Retrouver mon inscription" in page
    assert "Matinée, de 09h00 à 10h40" in page


def test_the_list_shows_published_events_with_their_phase(client, event):
    make_event("Brouillon caché", is_published=False)
    page = text(client.get(reverse("esspresso:events")))
    assert "ESSpresso de Nantes" in page and "Brouillon caché" not in page
    assert f"Inscriptions ouvertes jusqu'au {event.registration_closes_on:%d/%m/%Y}" in page


def test_an_unpublished_event_page_is_not_found(client):
    hidden = make_event("Brouillon caché", is_published=False)
    assert client.get(reverse("esspresso:event", args=[hidden.slug])).status_code == 404


def test_registering_stores_the_profile_and_sends_the_personal_link(client, event, django_capture_on_commit_callbacks):
    response = register(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    page = text(response)
    assert "Vérifiez votre boîte mail" in page
    participant = Participant.objects.get()
    assert participant.token not in page  # the link is in the e-mail only
    assert participant.email == "camille.durand@exemple.org"
    assert participant.status == Participant.Status.CONFIRMED
    assert [t.slug for t in participant.offers.all()] == ["restauration"]
    assert participant.sessions.count() == 2 and participant.max_meetings == 6
    [message] = mail.outbox
    assert message.to == ["camille.durand@exemple.org"]
    assert reverse("esspresso:space", args=[participant.token]) in message.body


def test_a_new_organisation_is_created_hidden_from_the_directory(client, event, django_capture_on_commit_callbacks):
    register(client, event, django_capture_on_commit_callbacks)
    organisation = Participant.objects.get().organisation
    assert organisation.name == "Les Jardins de Camille"
    assert organisation.is_active is False


def test_a_known_siret_reuses_the_directory_organisation(client, event, django_capture_on_commit_callbacks):
    known = OrganisationFactory(name="Jardins de Cocagne", siret="73282932000074")
    register(client, event, django_capture_on_commit_callbacks, siret="732 829 320 00074", organisation_name="Autre")
    assert Participant.objects.get().organisation == known
    assert Organisation.objects.count() == 1


def test_a_wrong_siret_is_refused_in_french(client, event, django_capture_on_commit_callbacks):
    response = register(client, event, django_capture_on_commit_callbacks, siret="73282932000075")
    assert response.status_code == 400
    assert "clé de contrôle" in text(response)
    assert not Participant.objects.exists()


def test_a_logged_in_member_chooses_one_of_their_organisations(client, event, django_capture_on_commit_callbacks):
    user = UserFactory(email="camille.durand@exemple.org")
    membership = MembershipFactory(user=user)
    client.force_login(user)
    assert membership.organisation.name in text(client.get(reverse("esspresso:register", args=[event.slug])))
    response = register(
        client,
        event,
        django_capture_on_commit_callbacks,
        organisation=str(membership.organisation.pk),
        organisation_name="",
    )
    participant = Participant.objects.get()
    assert participant.organisation == membership.organisation and participant.user == user
    # The page shows the link to the account it belongs to.
    assert reverse("esspresso:space", args=[participant.token]) in text(response)


def test_registering_after_the_deadline_is_refused_and_keeps_what_was_typed(client, django_capture_on_commit_callbacks):
    event = make_event(registration_closes_on=today() - timedelta(days=1))
    page = text(client.get(reverse("esspresso:register", args=[event.slug])))
    assert "Les inscriptions sont closes" in page
    response = register(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    page = text(response)
    assert "sont closes depuis le" in page
    assert "Un traiteur bio et local pour vos réunions." in page and 'value="Camille"' in page
    assert not Participant.objects.exists() and not Organisation.objects.exists()
    assert mail.outbox == []


def test_an_address_already_registered_is_refused_and_nothing_is_created(
    client, event, django_capture_on_commit_callbacks
):
    make_participant(event, "Camille", email="camille.durand@exemple.org")
    organisations = Organisation.objects.count()
    response = register(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert "déjà inscrite" in text(response)
    assert Participant.objects.count() == 1 and Organisation.objects.count() == organisations


def test_a_missing_organisation_name_and_consent_are_asked_for(client, event, django_capture_on_commit_callbacks):
    response = register(client, event, django_capture_on_commit_callbacks, organisation_name="", consent=None)
    page = text(response)
    assert response.status_code == 400
    assert "Indiquez le nom de votre structure." in page and "Cochez cette case pour vous inscrire." in page


def test_the_honeypot_looks_like_success_and_does_nothing(client, event, django_capture_on_commit_callbacks):
    response = register(client, event, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 200 and "Vérifiez votre boîte mail" in text(response)
    assert not Participant.objects.exists() and mail.outbox == []


def test_too_many_registrations_from_one_visitor_are_refused_with_429(
    client, event, settings, django_capture_on_commit_callbacks
):
    settings.RATE_LIMIT_PER_IP = 2
    for number in range(2):
        register(client, event, django_capture_on_commit_callbacks, email=f"p{number}@exemple.org")
    response = register(client, event, django_capture_on_commit_callbacks, email="p9@exemple.org")
    assert response.status_code == 429
    assert "Trop de demandes" in text(response)
    assert Participant.objects.count() == 2


def test_no_session_ticked_means_available_all_day(client, event, django_capture_on_commit_callbacks):
    register(client, event, django_capture_on_commit_callbacks, sessions=[])
    assert Participant.objects.get().sessions.count() == Session.objects.filter(event=event).count()


def test_asking_for_the_link_again_gives_the_same_answer_whoever_asks(
    client, event, django_capture_on_commit_callbacks
):
    participant = make_participant(event, "Camille", email="camille@exemple.org")
    url = reverse("esspresso:link_request", args=[event.slug])
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "Camille@Exemple.org"})
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(url, {"email": "personne@exemple.org"})
    assert known.status_code == unknown.status_code == 200
    assert text(known).replace("Camille@Exemple.org", "X") == text(unknown).replace("personne@exemple.org", "X")
    [message] = mail.outbox
    assert message.to == ["camille@exemple.org"]
    assert reverse("esspresso:space", args=[participant.token]) in message.body
