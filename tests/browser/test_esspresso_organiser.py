"""The organiser of an ESSpresso in the browser: dashboard, settings, room, participants, one click
to compute the timetable, a rendez-vous, the day itself and the statistics. axe-core checks every
page, at desk width and on a 390 px phone."""

import pytest

from essaim.esspresso.models import Appointment, Participant
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, log_in
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant, make_wish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def event():
    load_esspresso_taxonomies()
    event = make_event("ESSpresso de Saint-Nazaire", days_ahead=0, sessions=[("Matinée", "09:00", "10:40")], tables=4)
    people = [
        make_participant(event, name, kind=kind, offers_text=offer, seeks_text=seek)
        for name, kind, offer, seek in (
            ("Anne", "ess", "traiteur d'insertion", "locaux"),
            ("Basile", "collectivite", "locaux vacants", "traiteur pour la cantine"),
            ("Cécile", "entreprise", "mécénat de compétences", "traiteur"),
            ("Didier", "collectivite", "marchés réservés", "insertion"),
            ("Estelle", "accompagnement", "accompagnement", "projets"),
        )
    ]
    make_wish(people[0], people[1], priority="must")
    make_wish(people[2], people[0])
    make_wish(people[3], people[0])
    make_participant(event, "Fabrice", kind="ess", status="pending")
    return event


def test_an_organiser_sets_up_schedules_and_runs_the_day(page, event):
    organiser = UserFactory(email="orga@cress.test", platform_admin=True)
    event.organisers.add(organiser)
    log_in(page, "orga@cress.test")
    page.goto("/esspresso/organisation/")
    assert_accessible(page)
    page.get_by_role("link", name="ESSpresso de Saint-Nazaire").click()
    page.get_by_role("heading", name="ESSpresso de Saint-Nazaire").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Réglages").click()
    assert_accessible(page)
    page.get_by_role("link", name="Sessions et tables").click()
    assert_accessible(page)
    page.get_by_role("link", name="Participants", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Valider l'inscription de Fabrice Test").click()
    page.locator(".message--success").wait_for()
    assert Participant.objects.get(first_name="Fabrice").status == "confirmed"

    page.get_by_role("link", name="Planning").click()
    page.get_by_role("button", name="Calculer le planning").click()
    page.get_by_text("3 rendez-vous placés sur un maximum possible de 3").first.wait_for()
    assert_accessible(page)
    appointment = Appointment.objects.filter(event=event).first()
    page.goto(f"/esspresso/organisation/{event.pk}/planning/{appointment.pk}/")
    assert_accessible(page)

    Participant.objects.filter(event=event).update(arrived=True)
    page.goto(f"/esspresso/organisation/{event.pk}/jour-j/")
    assert_accessible(page)
    page.goto(f"/esspresso/organisation/{event.pk}/statistiques/")
    assert_accessible(page)
    page.goto("/esspresso/statistiques/")
    assert_accessible(page)
    page.goto("/esspresso/organisation/nouveau/")
    assert_accessible(page)
