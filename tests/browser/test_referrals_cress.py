"""The CRESS in the browser: reads the board of requests, routes by hand one that nobody
handles, then adds a partner team and its referencing. axe-core checks every page, at desk width
and on a 390 px phone."""

import pytest

from essaim.referrals.models import Referral, Team
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, log_in
from tests.organisations.factories import OrganisationFactory
from tests.referrals.factories import make_referral, make_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_cress_routes_a_request_nobody_handles_and_references_a_new_team(page, region, taxonomies):
    UserFactory(email="cress@example.org", platform_admin=True)
    make_team(name="Antenne de Nantes")
    angers = make_team(name="Antenne d'Angers", territories=[("departement", "49")], needs=["structurer_projet"])
    make_referral(commune=region.nantes)
    lost = make_referral(commune=region.angers, need="recruter_rh_benevolat").referral
    OrganisationFactory(name="Maison de l'emploi d'Angers")

    log_in(page, "cress@example.org")
    page.goto("/etre-accompagne/pilotage/")
    page.get_by_role("heading", name="Demandes d'accompagnement", exact=True).wait_for()
    assert_accessible(page)

    page.goto(f"/etre-accompagne/pilotage/{lost.pk}/orienter/")
    assert_accessible(page)
    page.get_by_label(str(angers)).check()
    page.get_by_role("button", name="Transmettre la demande").click()
    page.locator(".message--success").wait_for()
    assert Referral.objects.get(pk=lost.pk).dispatches.get().team == angers
    assert_accessible(page)

    page.goto("/etre-accompagne/partenaires/")
    assert_accessible(page)
    page.get_by_role("link", name="Ajouter une équipe").click()
    assert_accessible(page)
    page.get_by_label("Structure (obligatoire)").select_option(label="Maison de l'emploi d'Angers")
    page.get_by_label("Nom de l'équipe", exact=False).first.fill("Service emploi")
    page.get_by_label("Recruter, gérer l'emploi et le bénévolat").check()
    page.get_by_role("button", name="Créer l'équipe").click()
    page.get_by_text("Indiquez au moins un territoire couvert.").wait_for()
    assert_accessible(page)
    page.get_by_label("Maine-et-Loire (49)").check()
    page.get_by_role("button", name="Créer l'équipe").click()
    page.locator(".message--success").wait_for()
    assert Team.objects.get(name="Service emploi").needs == ["recruter_rh_benevolat"]
    assert_accessible(page)

    page.goto("/etre-accompagne/reglages/")
    assert_accessible(page)
