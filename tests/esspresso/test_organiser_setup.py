"""Setting up an event: its settings (with French errors for bad dates), sessions cut into slots,
tables, hosts; validating registrations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from essaim.esspresso.models import Event, Participant, Slot, Table
from tests.esspresso.factories import make_participant
from tests.esspresso.organiser_helpers import cress, organised_event

pytestmark = pytest.mark.django_db


def event_data(**overrides):
    day = timezone.localdate() + timedelta(days=40)
    data = {
        "title": "ESSpresso des achats responsables",
        "description": "Des acheteurs publics rencontrent des entreprises de l'ESS.",
        "date": day.isoformat(),
        "place": "Maison de l'ESS",
        "address": "8 rue de l'Économie",
        "commune": "",
        "scope": "region",
        "scope_code": "",
        "format": "requests",
        "group_size": "2",
        "registration_closes_on": (day - timedelta(days=10)).isoformat(),
        "requests_close_on": (day - timedelta(days=3)).isoformat(),
        "default_max_meetings": "6",
        "allowed_pairs": ["ess:collectivite", "ess:entreprise"],
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_the_cress_creates_an_event_and_becomes_its_organiser(client):
    team = cress()
    client.force_login(team)
    response = client.post(reverse("esspresso:event_create"), event_data())
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("esspresso:room", kwargs={"pk": event.pk})
    assert event.allowed_pairs == ["ess:collectivite", "ess:entreprise"]
    assert event.may_meet("collectivite", "ess") and not event.may_meet("collectivite", "entreprise")
    assert list(event.organisers.all()) == [team]


def test_a_deadline_after_the_event_is_refused_in_french_and_nothing_typed_is_lost(client):
    client.force_login(cress())
    day = timezone.localdate() + timedelta(days=40)
    response = client.post(
        reverse("esspresso:event_create"),
        event_data(registration_closes_on=(day + timedelta(days=2)).isoformat()),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "au plus tard le jour de l&#x27;événement" in page or "au plus tard le jour de l'événement" in page
    assert "ESSpresso des achats responsables" in page
    assert not Event.objects.exists()


def test_a_department_scope_needs_a_known_department(client, region):
    client.force_login(cress())
    response = client.post(reverse("esspresso:event_create"), event_data(scope="departement", scope_code="99"))
    assert response.status_code == 400
    assert "code d&#x27;un département" in response.content.decode()
    response = client.post(reverse("esspresso:event_create"), event_data(scope="departement", scope_code="49"))
    assert response.status_code == 302


def test_a_date_out_of_range_is_a_french_error_not_a_crash(client):
    client.force_login(cress())
    response = client.post(reverse("esspresso:event_create"), event_data(date="9999-01-01"))
    assert response.status_code == 400
    assert "Indiquez une date entre" in response.content.decode()


def test_the_organiser_edits_the_event_and_bad_dates_give_a_400(client):
    event, organiser = organised_event()
    client.force_login(organiser)
    url = reverse("esspresso:event_edit", kwargs={"pk": event.pk})
    data = event_data(title="Nouveau titre", date=event.date.isoformat())
    data["requests_close_on"] = (event.date + timedelta(days=1)).isoformat()
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Les demandes de rendez-vous doivent se clore" in response.content.decode()
    event.refresh_from_db()
    assert event.title == "ESSpresso de test"
    data["requests_close_on"] = event.date.isoformat()
    assert client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.title == "Nouveau titre"


def test_room_set_up_cuts_sessions_into_slots_and_numbers_tables(client):
    event, organiser = organised_event(sessions=[], tables=0)
    client.force_login(organiser)
    url = reverse("esspresso:room", kwargs={"pk": event.pk})
    response = client.post(
        url,
        {
            "part": "sessions",
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "0",
            "sessions-MIN_NUM_FORMS": "0",
            "sessions-MAX_NUM_FORMS": "10",
            "sessions-0-label": "Matinée",
            "sessions-0-starts_at": "09:00",
            "sessions-0-ends_at": "10:40",
            "sessions-0-meeting_minutes": "20",
            "sessions-0-break_minutes": "5",
        },
    )
    assert response.status_code == 302
    assert [str(slot) for slot in Slot.objects.filter(event=event)] == [
        "09:00–09:20",
        "09:25–09:45",
        "09:50–10:10",
        "10:15–10:35",
    ]
    response = client.post(url, {"part": "tables", "count": "3", "names": "Loire\n\nErdre"})
    assert response.status_code == 302
    assert [(t.number, t.name) for t in Table.objects.filter(event=event)] == [(1, "Loire"), (2, ""), (3, "Erdre")]


def test_a_session_ending_before_it_starts_is_refused(client):
    event, organiser = organised_event(sessions=[], tables=0)
    client.force_login(organiser)
    response = client.post(
        reverse("esspresso:room", kwargs={"pk": event.pk}),
        {
            "part": "sessions",
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "0",
            "sessions-MIN_NUM_FORMS": "0",
            "sessions-MAX_NUM_FORMS": "10",
            "sessions-0-label": "Après-midi",
            "sessions-0-starts_at": "15:00",
            "sessions-0-ends_at": "14:00",
            "sessions-0-meeting_minutes": "20",
            "sessions-0-break_minutes": "5",
        },
    )
    assert response.status_code == 400
    assert "La session doit finir après son début." in response.content.decode()
    assert not event.sessions.exists()


def test_overlapping_sessions_are_refused_so_nobody_is_in_two_places_at_once(client):
    event, organiser = organised_event(sessions=[], tables=0)
    client.force_login(organiser)
    session = {"meeting_minutes": "20", "break_minutes": "5"}
    data = {
        "part": "sessions",
        "sessions-TOTAL_FORMS": "2",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "10",
        "sessions-0-label": "Matinée",
        "sessions-0-starts_at": "09:00",
        "sessions-0-ends_at": "12:00",
        "sessions-1-label": "Doublon",
        "sessions-1-starts_at": "09:30",
        "sessions-1-ends_at": "11:00",
        **{f"sessions-{i}-{key}": value for i in (0, 1) for key, value in session.items()},
    }
    response = client.post(reverse("esspresso:room", kwargs={"pk": event.pk}), data)
    assert response.status_code == 400
    page = response.content.decode().replace("\u202f", " ").replace("\xa0", " ")
    assert "« Matinée » et « Doublon » se chevauchent" in page
    assert not event.sessions.exists()


def test_a_host_keeps_a_table_and_cannot_host_two(client):
    event, organiser = organised_event(tables=3)
    mairie = make_participant(event, "Maire", kind="collectivite")
    client.force_login(organiser)
    url = reverse("esspresso:room", kwargs={"pk": event.pk})
    response = client.post(url, {"part": "hosts", "host_1": mairie.pk, "host_2": mairie.pk})
    assert response.status_code == 400
    assert "déjà hôte" in response.content.decode()
    assert client.post(url, {"part": "hosts", "host_2": mairie.pk}).status_code == 302
    assert Table.objects.get(event=event, host=mairie).number == 2


def test_fewer_tables_are_refused_while_a_meeting_sits_at_a_table_that_would_go(client):
    from essaim.esspresso.services import appointment_create

    event, organiser = organised_event(tables=3)
    alice, bob = make_participant(event, "Alice"), make_participant(event, "Bob")
    appointment_create(
        event=event, slot=event.slots.first(), table=event.tables.get(number=3), participants=[alice, bob], by=None
    )
    client.force_login(organiser)
    response = client.post(reverse("esspresso:room", kwargs={"pk": event.pk}), {"part": "tables", "count": "2"})
    assert response.status_code == 400
    assert "au-delà de la table 2" in response.content.decode()
    assert event.tables.count() == 3


def test_the_organiser_validates_a_registration_and_a_refused_move_is_a_message(
    client, django_capture_on_commit_callbacks
):
    event, organiser = organised_event(needs_validation=True)
    alice = make_participant(event, "Alice", status="pending")
    client.force_login(organiser)
    url = reverse("esspresso:participant_status", kwargs={"pk": event.pk, "participant": alice.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"to": "confirmed"}, follow=True)
    assert [message.to for message in mail.outbox] == [[alice.email]]
    alice.refresh_from_db()
    assert alice.status == Participant.Status.CONFIRMED
    assert "inscription confirmée." in response.content.decode()
    response = client.post(url, {"to": "pending"}, follow=True)
    alice.refresh_from_db()
    assert alice.status == Participant.Status.CONFIRMED
    assert "message--error" in response.content.decode()


def test_the_participant_list_filters_by_status_kind_and_text(client):
    event, organiser = organised_event()
    make_participant(event, "Alice", kind="ess")
    make_participant(event, "Bertrand", kind="collectivite", status="pending")
    client.force_login(organiser)
    url = reverse("esspresso:participants", kwargs={"pk": event.pk})
    page = client.get(url, {"kind": "collectivite"}).content.decode()
    assert "Bertrand" in page and "Alice" not in page
    page = client.get(url, {"status": "confirmed"}).content.decode()
    assert "Alice" in page and "Bertrand" not in page
    page = client.get(url, {"q": "Bert"}).content.decode()
    assert "Bertrand" in page and "Alice" not in page
    assert client.get(url, {"status": "<script>"}).status_code == 200


def test_the_dashboard_warns_early_about_over_requested_people(client):
    from tests.esspresso.factories import make_wish

    event, organiser = organised_event()  # 4 slots
    star = make_participant(event, "Étoile", kind="collectivite")
    for index in range(6):
        make_wish(make_participant(event, f"Demandeur{index}"), star, status="pending")
    client.force_login(organiser)
    page = client.get(reverse("esspresso:manage", kwargs={"pk": event.pk})).content.decode()
    assert "Étoile Test" in page
    assert "a 6 demandes pour 4 créneaux" in page
