"""The general meeting's synthesis and the note for employees in the browser: axe-core checks both
pages at desk width and on a 390 px phone."""

from datetime import date

import pytest

from essaim.diagnostics.services import action_save, position_save
from tests.browser.conftest import assert_accessible, log_in
from tests.diagnostics.factories import make_bank, make_campaign, make_pilot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_general_meeting_documents_are_accessible(page, mail_at_once):
    bank = make_bank()
    pilot = make_pilot(email="pilote@example.org")
    earlier = make_campaign(bank, year=2025, pilot=pilot)
    campaign = make_campaign(bank, pilot=pilot)
    item = bank.items["gouvernance-q1"]
    position_save(campaign=earlier, item=item, level="pas_encore", comment="", by=pilot)
    position_save(campaign=campaign, item=item, level="engage", comment="Un CA chaque trimestre.", by=pilot)
    action_save(
        campaign=campaign,
        item=item,
        data={"title": "Former les administrateurs", "due_on": date(2026, 12, 1), "responsible": "Le bureau"},
        by=pilot,
    )

    log_in(page, "pilote@example.org")
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/assemblee-generale/")
    page.get_by_role("heading", name="Place au débat").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="La note d'information aux salariés").click()
    page.get_by_role("heading", name="Les principaux constats").wait_for()
    assert_accessible(page)
