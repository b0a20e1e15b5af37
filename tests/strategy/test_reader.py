"""An elected official or a COTECH member reads the steering without doing it: her workspace
leads to the strategies she reads, and the steering board opens for her without its buttons."""

from django.urls import reverse

from essaim.strategy import services


def test_a_reader_sees_the_board_without_any_button(client, world, campaign):
    client.force_login(world.reader)
    response = client.get(reverse("strategy:board", args=[world.strategy.code]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Bilan 2026" in page and "en lecture" in page
    assert "<form" not in page.split("<main", 1)[1]  # no campaign move, no new campaign, no bilan to take
    assert reverse("strategy:campaign_create", args=[world.strategy.code]) not in page
    assert reverse("strategy:bilan_create", args=[world.strategy.code]) not in page


def test_a_reader_still_cannot_open_a_campaign(client, world, campaign):
    client.force_login(world.reader)
    response = client.post(reverse("strategy:campaign_transition", args=[campaign.pk, "ouvrir"]))
    assert response.status_code == 403


def test_the_copilot_keeps_the_buttons(client, world, campaign):
    client.force_login(world.copilot)
    page = client.get(reverse("strategy:board", args=[world.strategy.code])).content.decode()
    assert reverse("strategy:campaign_transition", args=[campaign.pk, "ouvrir"]) in page
    assert reverse("strategy:bilan_create", args=[world.strategy.code]) in page


def test_the_readers_workspace_links_to_the_strategies_she_reads(client, world):
    client.force_login(world.reader)
    page = client.get(reverse("strategy:workspace")).content.decode()
    assert "Stratégies que je suis" in page
    assert world.strategy.get_absolute_url() in page
    assert reverse("strategy:board", args=[world.strategy.code]) in page


def test_a_reader_sees_reports_awaiting_the_copilots(client, world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    client.force_login(world.reader)
    page = client.get(reverse("strategy:board", args=[world.strategy.code])).content.decode()
    assert "Points en attente de validation" in page


def test_a_person_without_a_role_gets_no_board(client, world):
    client.force_login(world.other_lead)
    assert client.get(reverse("strategy:board", args=[world.strategy.code])).status_code == 403
    assert "Stratégies que je suis" not in client.get(reverse("strategy:workspace")).content.decode()
