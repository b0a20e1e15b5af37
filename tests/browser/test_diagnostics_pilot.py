"""The pilot's pages in a browser: axe-core at desk and phone width on every page visited."""

from __future__ import annotations

import pytest

from essaim.diagnostics.services import answer_save, respondent_invite
from tests.browser.conftest import assert_accessible, log_in
from tests.diagnostics.factories import make_bank, make_campaign

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_the_pilot_reads_the_results_and_builds_the_plan(page, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    bank = make_bank()
    campaign = make_campaign(bank)
    pilot_row = campaign.respondents.get()
    employee = respondent_invite(campaign=campaign, email="sam@example.org", role="salarie", by=campaign.pilot)
    answer_save(respondent=pilot_row, item=bank.items["gouvernance-q1"], level="formalise")
    answer_save(respondent=employee, item=bank.items["gouvernance-q1"], level="pas_encore", practices="Un CA par an.")
    answer_save(respondent=employee, item=bank.items["gouvernance-q2"], level="ne_sait_pas")
    log_in(page, campaign.pilot.email)
    page.goto("/autodiagnostic/")
    assert_accessible(page)
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/")
    assert_accessible(page)
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/resultats/")
    assert_accessible(page)
    page.screenshot(path="/tmp/diag_results_1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/diag_results_390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Niveau retenu").first.select_option("pas_encore")
    page.get_by_role("button", name="Enregistrer la position sur Q1").first.click()
    page.get_by_text("Position enregistrée.").wait_for()
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/plan/")
    page.get_by_role("link", name="Ajouter au plan").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Enregistrer l'action").click()
    page.get_by_text("enregistrée").first.wait_for()
    assert_accessible(page)
    page.screenshot(path="/tmp/diag_plan_1280.png", full_page=True)
    page.goto("/autodiagnostic/nouvelle/")
    assert_accessible(page)
