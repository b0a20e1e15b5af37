"""An adviser in the browser: logs in and lands on the requests received, opens one, takes it in
hand, then closes it. axe-core checks every page, at desk width and on a 390 px phone."""

import pytest

from essaim.referrals.models import Referral
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, log_in
from tests.referrals.factories import make_referral, make_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_adviser_takes_a_request_in_hand_then_closes_it(page, region, taxonomies):
    adviser = UserFactory(email="conseil@partenaire.test", full_name="Claire Conseil")
    make_team(advisers=[adviser], name="Antenne de Nantes")
    make_team(name="Antenne régionale")
    referral = make_referral(
        commune=region.nantes,
        stage="creation",
        audience="association",
        legal_form="9220",
        years=2,
        employees=3,
        project_name="Épicerie solidaire du quartier Madeleine-Champ-de-Mars",
        phone="06 12 34 56 78",
        description="Nous ouvrons une épicerie solidaire.\nIl nous manque un premier financement.",
    ).referral
    make_referral(commune=region.nantes, email="autre@example.org")

    log_in(page, "conseil@partenaire.test")
    page.goto("/etre-accompagne/recues/")
    page.get_by_role("heading", name="Demandes d'accompagnement reçues").wait_for()
    assert_accessible(page)

    page.locator(f'a[href="/etre-accompagne/recues/{referral.pk}/"]').click()
    page.get_by_role("button", name="Prendre en charge").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Prendre en charge").click()
    page.locator(".message--success").wait_for()
    assert Referral.objects.get(pk=referral.pk).status == Referral.Status.TAKEN
    assert_accessible(page)

    page.get_by_label("Accompagné·e").check()
    page.get_by_role("button", name="Clore la demande").click()
    page.locator(".message--success").wait_for()
    assert Referral.objects.get(pk=referral.pk).status == Referral.Status.CLOSED
    assert_accessible(page)

    page.goto("/etre-accompagne/recues/?etat=toutes")
    assert_accessible(page)
