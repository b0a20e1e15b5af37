"""Être accompagné from the diagnostic: the pilot shares chosen themes (the levels retained and the
plan, never anyone's answers) through the support-request module, and follows the request back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from essaim.diagnostics.services import answer_save, position_save
from essaim.referrals.models import Referral
from tests.accounts.factories import UserFactory
from tests.diagnostics.factories import make_bank, make_campaign, make_pilot
from tests.organisations.factories import OrganisationFactory
from tests.referrals.factories import make_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(region, taxonomies, mail_at_once):  # type: ignore[no-untyped-def]
    return region


@pytest.fixture
def campaign(setting):  # type: ignore[no-untyped-def]
    bank = make_bank()
    pilot = make_pilot(OrganisationFactory(name="La Ressourcerie du Port", commune=setting.nantes))
    campaign = make_campaign(bank, pilot=pilot)
    item = bank.items["gouvernance-q1"]
    answer_save(respondent=campaign.respondents.get(), item=item, level="engage", practices="Mon avis personnel")
    position_save(campaign=campaign, item=item, level="reflexion", comment="", by=pilot)
    make_team(needs=["mesurer_impact"])
    return campaign


def test_the_pilot_asks_for_support_sharing_the_chosen_themes_only(client, campaign):
    client.force_login(campaign.pilot)
    url = reverse("diagnostics:support", args=[campaign.pk])
    governance = campaign.themes.get(code="gouvernance")
    response = client.post(url, {"need": "mesurer_impact", "themes": [governance.pk], "consent": "on"})
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert (referral.context_kind, referral.context_id, referral.source) == (
        "autodiagnostic",
        campaign.pk,
        "autodiagnostic",
    )
    assert "Question 1 sur gouvernance démocratique ? → En réflexion" in referral.description
    assert "Mon avis personnel" not in referral.description and "Environnement" not in referral.description
    assert referral.dispatches.exists()
    page = client.get(url).content.decode()
    assert "transmise, en attente de prise en charge" in page


def test_without_consent_nothing_is_sent(client, campaign):
    client.force_login(campaign.pilot)
    response = client.post(
        reverse("diagnostics:support", args=[campaign.pk]),
        {"need": "mesurer_impact", "themes": [campaign.themes.first().pk]},
    )
    assert response.status_code == 400
    assert "Votre accord est nécessaire" in response.content.decode()
    assert not Referral.objects.exists()


def test_someone_else_cannot_reach_the_page(client, campaign):
    client.force_login(UserFactory(platform_admin=True))
    assert client.get(reverse("diagnostics:support", args=[campaign.pk])).status_code == 404
