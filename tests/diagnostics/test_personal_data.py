"""A respondent's data exported and erased: their name and address go, their answers stay with
the structure's diagnostic, attributed to a role; an erased pilot's campaign stays."""

import pytest

from essaim.core.personal_data import personal_data_erase, personal_data_export
from essaim.diagnostics.figures import engaged_structures
from essaim.diagnostics.models import Answer, Campaign
from essaim.diagnostics.services import answer_save, respondent_invite
from tests.diagnostics.factories import make_bank, make_campaign

pytestmark = pytest.mark.django_db


def test_a_respondent_exports_then_erases_their_data(mail_at_once):
    bank = make_bank()
    campaign = make_campaign(bank)
    sam = respondent_invite(campaign=campaign, email="sam@example.org", role="salarie", name="Sam", by=campaign.pilot)
    answer_save(respondent=sam, item=bank.items["gouvernance-q1"], level="engage", practices="Des AG vivantes")

    exported = personal_data_export(email="sam@example.org")["données"]["Autodiagnostic"]
    assert exported["invitations"][0]["réponses"][0]["pratiques actuelles"] == "Des AG vivantes"

    personal_data_erase(email="sam@example.org")
    sam.refresh_from_db()
    assert sam.name == "" and "sam" not in sam.email
    assert Answer.objects.get().respondent == sam and sam.role == "salarie"


def test_an_erased_pilot_leaves_the_campaign_to_the_structure(mail_at_once):
    campaign = make_campaign(make_bank())
    personal_data_erase(email=campaign.pilot.email)
    assert Campaign.objects.get().pilot is None


def test_the_platform_metric_counts_structures_engaged_in_the_period(region, mail_at_once):
    from datetime import date

    campaign = make_campaign(make_bank(), year=2026)
    campaign.organisation.commune = region.nantes
    campaign.organisation.save()
    assert engaged_structures("52", date(2026, 1, 1), date(2026, 12, 31)) == 1
    assert engaged_structures("52", date(2025, 1, 1), date(2025, 12, 31)) == 0
    assert engaged_structures("24", date(2026, 1, 1), date(2026, 12, 31)) == 0
