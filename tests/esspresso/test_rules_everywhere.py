"""The rules hold whichever way a person or an organiser goes: a participant no longer taking part
sees no one, a "non merci" is never seated by hand, a past event sends no agenda, feedback never
shows a draft partner, a structure's page names only listed participations."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.core.workflows import TransitionRefused
from essaim.esspresso.models import Event, Participant
from essaim.esspresso.services import WishRefused, appointment_create, timetable_build, timetable_publish, wish_answer
from essaim.esspresso.services.timetable import pair_problem
from tests.accounts.factories import UserFactory
from tests.esspresso.factories import make_event, make_participant, make_wish

pytestmark = pytest.mark.django_db


def test_someone_refused_cannot_read_other_profiles(client):
    event = make_event()
    refused = make_participant(event, "Rémi", status=Participant.Status.REFUSED)
    other = make_participant(event, "Olga")
    response = client.get(reverse("esspresso:participant", args=[refused.token, other.pk]))
    assert response.status_code == 404


def test_a_pair_that_said_non_merci_or_of_one_structure_is_never_seated_by_hand():
    event = make_event()
    anne, basile = make_participant(event, "Anne"), make_participant(event, "Basile")
    make_wish(anne, basile, status="declined")
    colleague = make_participant(event, "Chloé", organisation=anne.organisation)
    slot = event.slots.first()
    organiser = UserFactory(platform_admin=True)
    for pair in ([anne, basile], [anne, colleague]):
        with pytest.raises(TransitionRefused):
            appointment_create(event=event, slot=slot, table=None, participants=pair, by=organiser)
    assert "même structure" in pair_problem([anne, colleague])


def test_agendas_of_a_past_event_are_not_sent_again():
    event = make_event(days_ahead=5)
    anne, basile = make_participant(event, "Anne"), make_participant(event, "Basile")
    make_wish(anne, basile)
    organiser = UserFactory(platform_admin=True)
    timetable_build(event=event, by=organiser)
    past = timezone.localdate() - timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(date=past, registration_closes_on=past, requests_close_on=past)
    event.refresh_from_db()
    with pytest.raises(TransitionRefused, match="a eu lieu"):
        timetable_publish(event=event, by=organiser)


def test_a_request_from_someone_who_left_cannot_be_accepted():
    event = make_event()
    anne, basile = make_participant(event, "Anne"), make_participant(event, "Basile")
    wish = make_wish(anne, basile, status="pending")
    Participant.objects.filter(pk=anne.pk).update(status=Participant.Status.CANCELLED)
    with pytest.raises(WishRefused, match="ne participe plus"):
        wish_answer(wish=wish, accept=True, today=timezone.localdate())


def test_feedback_never_shows_a_partner_of_an_unpublished_timetable(client):
    event = make_event(days_ahead=5)
    anne, basile = make_participant(event, "Anne"), make_participant(event, "Basile", last_name="Brouillon")
    make_wish(anne, basile)
    timetable_build(event=event, by=UserFactory(platform_admin=True))
    day = timezone.localdate()
    Event.objects.filter(pk=event.pk).update(date=day, registration_closes_on=day, requests_close_on=day)
    page = client.get(reverse("esspresso:feedback", args=[anne.token])).content.decode()
    assert "Brouillon" not in page


def test_a_structure_page_names_only_listed_participations(client):
    event = make_event("ESSpresso discret")
    hidden = make_participant(event, "Hélène", listed=False)
    links = client.get(hidden.organisation.get_absolute_url()).content.decode()
    assert "ESSpresso discret" not in links
    Participant.objects.filter(pk=hidden.pk).update(listed=True)
    assert "ESSpresso discret" in client.get(hidden.organisation.get_absolute_url()).content.decode()


def test_a_double_click_on_publish_sends_the_agendas_once():
    event = make_event(days_ahead=5)
    anne, basile = make_participant(event, "Anne"), make_participant(event, "Basile")
    make_wish(anne, basile)
    organiser = UserFactory(platform_admin=True)
    timetable_build(event=event, by=organiser)
    assert timetable_publish(event=event, by=organiser) == 2
    with pytest.raises(TransitionRefused, match="viennent d'être envoyés"):
        timetable_publish(event=Event.objects.get(pk=event.pk), by=organiser)
