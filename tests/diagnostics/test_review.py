"""An adviser the structure invited reads the consolidated diagnostic and the plan and comments
on them, and nothing else; the pilots invite and remove them."""

import pytest
from django.urls import reverse

from essaim.diagnostics.models import CampaignAdviser, Comment
from essaim.diagnostics.services import action_save, answer_save, position_save, respondent_invite
from tests.accounts.factories import UserFactory
from tests.diagnostics.factories import make_bank, make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(mail_at_once):  # type: ignore[no-untyped-def]
    bank = make_bank()
    campaign = make_campaign(bank)
    sam = respondent_invite(
        campaign=campaign, email="sam@example.org", role="salarie", name="Sam Secret", by=campaign.pilot
    )
    answer_save(respondent=sam, item=bank.items["gouvernance-q1"], level="engage", practices="Mon avis à moi")
    position_save(
        campaign=campaign, item=bank.items["gouvernance-q1"], level="reflexion", comment="Constat", by=campaign.pilot
    )
    action_save(
        campaign=campaign, item=bank.items["gouvernance-q1"], data={"title": "Former le bureau"}, by=campaign.pilot
    )
    return campaign


def test_an_invited_adviser_reads_the_positions_and_plan_and_comments(client, campaign, mailoutbox):
    client.force_login(campaign.pilot)
    client.post(reverse("diagnostics:advisers", args=[campaign.pk]), {"email": "conseil@dla.example"})
    adviser = CampaignAdviser.objects.get().user
    assert not adviser.has_usable_password()
    assert any("conseil@dla.example" in message.to for message in mailoutbox)

    client.force_login(adviser)
    page = client.get(reverse("diagnostics:review", args=[campaign.pk])).content.decode()
    assert "Former le bureau" in page and "En réflexion" in page
    assert "Sam Secret" not in page and "Mon avis à moi" not in page
    response = client.post(reverse("diagnostics:review", args=[campaign.pk]), {"about": "", "text": "Bravo, à suivre."})
    assert response.status_code == 302
    assert Comment.objects.get().author == adviser
    for name in ("campaign", "results", "plan", "general_meeting", "support"):
        assert client.get(reverse(f"diagnostics:{name}", args=[campaign.pk])).status_code == 404


def test_someone_not_invited_cannot_read_and_a_removed_adviser_loses_access(client, campaign):
    client.force_login(UserFactory(platform_admin=True))
    assert client.get(reverse("diagnostics:review", args=[campaign.pk])).status_code == 404
    client.force_login(campaign.pilot)
    client.post(reverse("diagnostics:advisers", args=[campaign.pk]), {"email": "conseil@dla.example"})
    link = CampaignAdviser.objects.get()
    client.post(reverse("diagnostics:adviser_delete", args=[campaign.pk, link.pk]))
    client.force_login(link.user)
    assert client.get(reverse("diagnostics:review", args=[campaign.pk])).status_code == 404


def test_a_comment_on_an_item_of_another_campaign_is_refused(client, campaign):
    client.force_login(campaign.pilot)
    response = client.post(reverse("diagnostics:review", args=[campaign.pk]), {"about": "item-999999", "text": "?"})
    assert response.status_code == 400
    assert not Comment.objects.exists()
