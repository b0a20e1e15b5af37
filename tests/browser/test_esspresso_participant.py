"""A participant of an ESSpresso in the browser: registers without an account, opens their space
from the personal link, finds someone in the directory, asks to meet them, and reads the agenda
once published. axe-core checks every page, at desk width and on a 390 px phone."""

import pytest
from playwright.sync_api import expect

from essaim.esspresso.models import Participant, Slot, Table, Wish
from essaim.esspresso.services import appointment_create, timetable_publish
from tests.browser.conftest import assert_accessible
from tests.esspresso.factories import load_esspresso_taxonomies, make_event, make_participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def event():
    load_esspresso_taxonomies()
    event = make_event(
        "ESSpresso de Nantes",
        sessions=[("Matinée", "09:00", "10:40"), ("Après-midi", "14:00", "15:40")],
        description="Des rendez-vous d'affaires entre l'ESS, les entreprises et les collectivités.",
    )
    make_participant(
        event, "Bruno", kind="ess", offers=["restauration"], offers_text="Un traiteur d'insertion, bio et local."
    )
    return event


def test_a_participant_registers_asks_to_meet_and_reads_the_agenda(page, event):
    page.goto("/esspresso/")
    assert_accessible(page)
    page.get_by_role("link", name="ESSpresso de Nantes").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="S'inscrire").click()
    assert_accessible(page)
    page.get_by_label("Prénom").fill("Camille")
    page.get_by_label("Nom (obligatoire)", exact=True).fill("Durand")
    page.get_by_label("Adresse e-mail").fill("camille@exemple.org")
    page.get_by_label("Nom de la structure").fill("Ville de Rezé")
    page.get_by_label("Collectivité ou EPCI").check()
    page.get_by_role("group", name="Ce que nous cherchons").get_by_label("Restauration et traiteur").check()
    page.get_by_label("J'accepte que ces informations").check()
    page.get_by_role("button", name="M'inscrire").click()
    page.get_by_role("heading", name="Vérifiez votre boîte mail").wait_for()
    assert_accessible(page)

    camille = Participant.objects.get(email="camille@exemple.org")
    page.goto(f"/esspresso/moi/{camille.token}/")
    assert_accessible(page)
    page.get_by_role("link", name="Voir les participants et les suggestions").click()
    expect(page.get_by_text("Vous cherchez « Restauration et traiteur », qu'elle propose.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("region", name="Suggestions pour vous").get_by_role("link", name="Bruno Test").click()
    assert_accessible(page)
    page.get_by_label("Indispensable").check()
    page.get_by_label("Message (facultatif)").fill("Nous préparons un marché de restauration scolaire.")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.get_by_role("heading", name="Mes demandes de rendez-vous").wait_for()
    assert_accessible(page)
    wish = Wish.objects.get(sender=camille)
    assert wish.priority == "must"

    wish.status = Wish.Status.ACCEPTED
    wish.save()
    slot = Slot.objects.filter(event=event).order_by("starts_at").first()
    appointment_create(
        event=event,
        slot=slot,
        table=Table.objects.get(event=event, number=1),
        participants=[camille, wish.recipient],
        by=None,
    )
    timetable_publish(event=event, by=None)
    page.goto(f"/esspresso/moi/{camille.token}/agenda/")
    expect(page.get_by_role("heading", name="Bruno Test, Structure de Bruno")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/esspresso/moi/{camille.token}/profil/")
    assert_accessible(page)
