"""The CRESS reads the regional view of the self-diagnostics: themes, families and sizes as data
tables, year chosen from a list; axe-core on each page, desk and phone."""

import pytest
from playwright.sync_api import expect

from essaim.diagnostics.services import position_save
from tests.accounts.factories import UserFactory
from tests.browser.conftest import assert_accessible, log_in
from tests.diagnostics.factories import make_bank, make_campaign, make_pilot
from tests.organisations.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_cress_reads_the_regional_view(page, region, mail_at_once):
    bank = make_bank()
    for number in range(11):
        organisation = OrganisationFactory(
            name=f"Structure {number}", commune=region.nantes, ess_family="association", headcount_band="02"
        )
        campaign = make_campaign(bank, pilot=make_pilot(organisation), themes=[bank.governance], year=2026)
        position_save(
            campaign=campaign, item=bank.items["gouvernance-q1"], level="engage", comment="", by=campaign.pilot
        )
    UserFactory(email="cress@example.org", platform_admin=True)
    log_in(page, "cress@example.org")
    page.goto("/autodiagnostic/region/?annee=2026")
    expect(page.get_by_text("11 structures engagées dans un autodiagnostic en 2026.")).to_be_visible()
    expect(page.get_by_role("table", name="Maturité par famille de l'ESS en 2026")).to_be_visible()
    expect(page.get_by_role("row", name="Moins de 10 salariés 11")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Année").select_option("2025")
    page.get_by_role("button", name="Afficher").click()
    expect(page.get_by_text("Moins de 10 structures cette année")).to_be_visible()
    assert_accessible(page)
