"""A campaign's life through the services: opened on the current framework with the themes of the
year, respondents invited once each, answers saved item by item, refused for another version's
item or once closed; consolidation and the action plan."""

from __future__ import annotations

from decimal import Decimal

import pytest

from essaim.diagnostics.models import Answer, Campaign
from essaim.diagnostics.perms import can_pilot
from essaim.diagnostics.services import (
    DiagnosticRefused,
    action_save,
    answer_save,
    campaign_close,
    position_save,
    respondent_invite,
)
from tests.accounts.factories import UserFactory
from tests.diagnostics.factories import make_bank, make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(mail_at_once):  # type: ignore[no-untyped-def]
    return make_bank()


def test_a_campaign_keeps_its_framework_and_asks_only_its_themes_and_path(bank):
    campaign = make_campaign(bank, mode="rapide", themes=[bank.governance])
    make_bank(version=2)  # a newer framework, loaded later
    campaign.refresh_from_db()
    assert campaign.framework == bank.framework
    assert [item.code for item in campaign.items()] == ["gouvernance-q1"]
    assert campaign.respondents.get().role == "direction"


def test_one_campaign_a_year_per_structure(bank):
    campaign = make_campaign(bank)
    with pytest.raises(DiagnosticRefused, match="déjà une campagne"):
        make_campaign(bank, pilot=campaign.pilot)


def test_an_address_is_invited_once_and_receives_its_personal_link(bank, mailoutbox):
    campaign = make_campaign(bank)
    respondent = respondent_invite(campaign=campaign, email="Sam@Example.org", role="salarie", by=campaign.pilot)
    [message] = mailoutbox
    assert message.to == ["sam@example.org"] and respondent.get_absolute_url() in message.body
    with pytest.raises(DiagnosticRefused, match="déjà invité"):
        respondent_invite(campaign=campaign, email="sam@example.org", role="benevole", by=campaign.pilot)


def test_answers_are_saved_item_by_item_and_replaced(bank):
    campaign = make_campaign(bank)
    respondent = campaign.respondents.get()
    item = bank.items["gouvernance-q1"]
    answer_save(respondent=respondent, item=item, level="reflexion", practices="On en parle en AG.")
    answer_save(respondent=respondent, item=item, level="engage", to_review=True)
    answer = Answer.objects.get()
    assert (answer.level, answer.practices, answer.to_review) == ("engage", "", True)
    answer_save(respondent=respondent, item=bank.items["gouvernance-indicateur"], value=Decimal("42.5"))
    assert respondent.answers.count() == 2


def test_an_item_of_another_version_or_theme_is_refused(bank):
    campaign = make_campaign(bank, themes=[bank.governance])
    respondent = campaign.respondents.get()
    newer = make_bank(version=2)
    with pytest.raises(DiagnosticRefused, match="autre version"):
        answer_save(respondent=respondent, item=newer.items["gouvernance-q1"], level="engage")
    with pytest.raises(DiagnosticRefused):
        answer_save(respondent=respondent, item=bank.items["environnement-q1"], level="engage")


def test_a_closed_campaign_takes_no_more_answers_nor_invitations(bank):
    campaign = make_campaign(bank)
    campaign_close(campaign=campaign, by=campaign.pilot)
    assert Campaign.objects.get().status == "close"
    with pytest.raises(DiagnosticRefused, match="close"):
        answer_save(respondent=campaign.respondents.get(), item=bank.items["gouvernance-q1"], level="engage")
    with pytest.raises(DiagnosticRefused, match="close"):
        respondent_invite(campaign=campaign, email="late@example.org", role="salarie", by=campaign.pilot)


def test_the_pilot_consolidates_and_builds_the_plan(bank):
    campaign = make_campaign(bank)
    item = bank.items["gouvernance-q2"]
    position_save(campaign=campaign, item=item, level="reflexion", comment="Avis partagés", by=campaign.pilot)
    action = action_save(
        campaign=campaign,
        item=item,
        data={"title": "Former les administrateurs", "objective_1y": "Deux sessions", "status": "en_cours"},
        by=campaign.pilot,
    )
    assert action.theme == bank.governance and action.status == "en_cours"
    with pytest.raises(DiagnosticRefused, match="intitulé"):
        action_save(campaign=campaign, data={"title": " ", "theme": bank.governance}, by=campaign.pilot)


def test_only_the_pilot_and_the_structures_editors_run_the_campaign(bank):
    campaign = make_campaign(bank)
    assert can_pilot(campaign.pilot, campaign)
    assert not can_pilot(UserFactory(), campaign)
    assert not can_pilot(UserFactory(platform_admin=True), campaign)  # private, even to the CRESS


def test_a_pilot_who_left_the_structure_loses_the_access(bank):
    from essaim.organisations.models import Membership

    campaign = make_campaign(bank)
    Membership.objects.filter(user=campaign.pilot).update(role="member")
    assert not can_pilot(campaign.pilot, campaign)


def test_an_item_switched_off_or_added_later_does_not_change_a_campaign(bank):
    from essaim.diagnostics.models import Item

    campaign = make_campaign(bank, themes=[bank.governance])
    before = [item.code for item in campaign.items()]
    Item.objects.filter(code="gouvernance-q2").update(is_active=False)
    Item.objects.create(domain=bank.items["gouvernance-q1"].domain, code="regional", text="Régionale ?", regional=True)
    assert [item.code for item in campaign.items()] == before


def test_a_retained_position_keeps_its_history(bank):
    from essaim.core.history import entries_of

    campaign = make_campaign(bank)
    item = bank.items["gouvernance-q1"]
    first = position_save(campaign=campaign, item=item, level="reflexion", comment="", by=campaign.pilot)
    position_save(campaign=campaign, item=item, level="engage", comment="Après débat", by=campaign.pilot)
    [latest, *_] = entries_of(first)
    assert latest.author == campaign.pilot and latest.changes["level"] == ["reflexion", "engage"]
