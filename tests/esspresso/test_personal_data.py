"""What ESSpresso holds about a person, exported and erased through `core.personal_data`: a
registration to a coming event is withdrawn and deleted; a past participation stays for the
statistics, without name nor contact."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from essaim.core.history import entries_of, record_event
from essaim.core.personal_data import personal_data_erase, personal_data_export
from essaim.esspresso.models import Appointment, Event, Participant, Seat, Wish
from tests.accounts.factories import UserFactory
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, make_wish

pytestmark = pytest.mark.django_db

EMAIL = "camille.rousseau@exemple.fr"


def meet(event: Event, *people: Participant, **seat_fields) -> Appointment:
    appointment = Appointment.objects.create(event=event, slot=event.slots.first(), table=event.tables.first())
    for person in people:
        Seat.objects.create(appointment=appointment, participant=person, **seat_fields)
    return appointment


@pytest.fixture
def world():
    load_esspresso_taxonomies()
    past = make_event("ESSpresso de l'an passé", days_ahead=-30)
    coming = make_event("ESSpresso du mois prochain", days_ahead=30)
    camille = make_participant(
        past,
        "Camille",
        last_name="Rousseau",
        email=EMAIL,
        phone="06 12 34 56 78",
        offers=["restauration"],
        offers_text="Un traiteur d'insertion",
    )
    partner = make_participant(past, "Dominique", last_name="Autre", email="dominique@exemple.fr")
    wish = make_wish(camille, partner)
    Wish.objects.filter(pk=wish.pk).update(message="Parlons de vos repas")
    appointment = meet(past, camille, partner, attended=True, happened=True, usefulness="very", follow_up="contact")
    record_event(appointment, by=None, summary="Camille Rousseau : présent(e)", changes={})
    again = make_participant(coming, "Camille", last_name="Rousseau", email=EMAIL.upper())
    other = make_participant(coming, "Élise", last_name="Restante", email="elise@exemple.fr")
    make_wish(other, again, status="pending")
    coming_meeting = meet(coming, again, other)
    return {
        "past": past,
        "coming": coming,
        "camille": camille,
        "partner": partner,
        "again": again,
        "other": other,
        "appointment": appointment,
        "coming_meeting": coming_meeting,
    }


def test_the_export_gives_each_registration_with_its_requests_agenda_and_feedback(world):
    data = personal_data_export(email=EMAIL)["données"]["Rendez-vous d'affaires ESSpresso"]

    registrations = data["inscriptions aux rendez-vous ESSpresso"]
    assert [r["événement"] for r in registrations] == ["ESSpresso de l'an passé", "ESSpresso du mois prochain"]
    past = registrations[0]
    assert past["téléphone"] == "06 12 34 56 78"
    assert "Restauration et traiteur" in past["ce que vous proposez"]
    assert past["demandes envoyées"][0]["à"] == "Dominique Autre"
    assert past["demandes envoyées"][0]["message"] == "Parlons de vos repas"
    assert past["agenda et avis"][0]["utilité"] == "Très utile"
    assert registrations[1]["demandes reçues"][0]["de"] == "Élise Restante"
    json.dumps(data)  # JSON-ready


def test_the_export_finds_a_registration_through_the_account_too(world):
    user = UserFactory(email="autre.adresse@exemple.fr")
    Participant.objects.filter(pk=world["again"].pk).update(user=user)
    world["coming"].organisers.add(user)

    data = personal_data_export(email="autre.adresse@exemple.fr")["données"]["Rendez-vous d'affaires ESSpresso"]

    assert [r["événement"] for r in data["inscriptions aux rendez-vous ESSpresso"]] == ["ESSpresso du mois prochain"]
    assert data["rendez-vous ESSpresso que vous organisez"]


def test_an_address_never_registered_exports_nothing(world):
    assert "Rendez-vous d'affaires ESSpresso" not in personal_data_export(email="personne@exemple.fr")["données"]


def test_erasure_withdraws_a_coming_registration_and_deletes_it_with_its_requests(world):
    lines = dict(personal_data_erase(email=EMAIL))["Rendez-vous d'affaires ESSpresso"]

    assert not Participant.objects.filter(pk=world["again"].pk).exists()
    assert not Wish.objects.filter(event=world["coming"]).exists()
    world["coming_meeting"].refresh_from_db()
    assert world["coming_meeting"].status == Appointment.Status.CANCELLED
    assert list(world["coming_meeting"].seats.values_list("participant", flat=True)) == [world["other"].pk]
    assert any("à venir annulée(s) et supprimée(s)" in line for line in lines)


def test_erasure_keeps_a_past_participation_for_the_statistics_without_name_nor_contact(world):
    lines = dict(personal_data_erase(email=EMAIL))["Rendez-vous d'affaires ESSpresso"]

    camille = Participant.objects.get(pk=world["camille"].pk)
    assert camille.full_name == "Personne effacée"
    assert EMAIL not in camille.email.lower()
    assert (camille.phone, camille.offers_text, camille.job_title) == ("", "", "")
    assert camille.token != world["camille"].token  # the old personal link opens nothing
    assert camille.organisation == world["camille"].organisation
    seat = Seat.objects.get(participant=camille)
    assert (seat.usefulness, seat.follow_up) == ("very", "contact")
    assert Wish.objects.get(sender=camille).message == ""
    assert all("Camille Rousseau" not in entry.summary for entry in entries_of(world["appointment"]))
    assert Appointment.objects.held().filter(event=world["past"]).count() == 1
    assert any("anonymisée(s)" in line for line in lines)
    # The other person keeps everything.
    assert Participant.objects.get(pk=world["partner"].pk).email == "dominique@exemple.fr"


def test_erasure_takes_the_account_off_the_events_it_organises(world):
    user = UserFactory(email=EMAIL)
    world["past"].organisers.add(user)

    out = StringIO()
    call_command("personal_data_erase", EMAIL, "--yes", stdout=out)

    assert not world["past"].organisers.exists()
    assert "Retrait de l'organisation de 1 rendez-vous ESSpresso" in out.getvalue()
