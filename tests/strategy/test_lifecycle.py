"""A strategy past its end date reads as ended: its open actions are "non réalisées", its
campaigns close and cannot be opened again; a bilan is published after it is frozen and its text
states no figure its tables contradict."""

import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from essaim.core.history import entries_of
from essaim.core.templatetags.essaim import fr_typo
from essaim.core.workflows import TransitionRefused
from essaim.strategy import services
from essaim.strategy.bilan_data import summary
from essaim.strategy.models import Action, Bilan, Campaign
from essaim.strategy.vocabulary import LATE, UNFINISHED, strategy_status_shown


def end_strategy(world, *, on=date(2021, 12, 31)):
    world.strategy.ends_on = on
    world.strategy.save()
    world.action.planned_end = date(2021, 6, 30)
    world.action.save()


def test_a_running_strategy_past_its_end_reads_as_ended(client, world):
    end_strategy(world)
    page = client.get(world.strategy.get_absolute_url()).content.decode()
    assert "Achevée" in page and "En cours de mise en œuvre" not in page
    assert "Achevée" in client.get(reverse("strategy:index")).content.decode()


def test_a_strategy_still_running_keeps_its_state(client, world):
    page = client.get(world.strategy.get_absolute_url()).content.decode()
    assert "En cours de mise en œuvre" in page


def test_the_shown_state_only_moves_adopted_or_running_strategies():
    assert strategy_status_shown(status="running", ended=True) == "closed"
    assert strategy_status_shown(status="adopted", ended=True) == "closed"
    assert strategy_status_shown(status="draft", ended=True) == "draft"
    assert strategy_status_shown(status="running", ended=False) == "running"


def test_actions_left_open_after_the_end_are_not_done_rather_than_late(client, world):
    end_strategy(world)
    page = client.get(world.strategy.get_absolute_url()).content.decode()
    assert "non réalisée" in page.lower()
    assert "en retard" not in page.lower()
    # Both open actions count, the one without a planned end included.
    assert summary({"total": 2, "status": {"en_cours": 2}, "late": 2}, overdue=UNFINISHED).endswith("2 non réalisées.")
    action_page = client.get(world.action.get_absolute_url()).content.decode()
    assert "Non réalisée" in action_page and "En retard" not in action_page


def test_an_action_past_its_planned_end_is_late_while_the_strategy_runs(client, world):
    world.action.planned_end = date(2020, 1, 1)
    world.action.save()
    page = client.get(world.strategy.get_absolute_url()).content.decode()
    assert "en retard" in page and "non réalisée" not in page
    assert list(Action.objects.late_on(timezone.localdate())) == [world.action]


def test_the_board_lists_unfinished_actions_of_an_ended_strategy(client, world):
    end_strategy(world)
    client.force_login(world.copilot)
    page = client.get(reverse("strategy:board", args=[world.strategy.code])).content.decode()
    assert "Actions non réalisées (2)" in page


def test_the_daily_command_closes_open_campaigns_of_ended_strategies(world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    end_strategy(world)
    output = io.StringIO()
    call_command("send_campaign_reminders", stdout=output)
    assert "Campagnes closes, leur stratégie ayant pris fin : 1." in output.getvalue()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    closing = entries_of(campaign).first()
    assert closing.summary == "Campagne close : la stratégie a pris fin"
    assert closing.author is None and closing.changes == {"status": ["open", "closed"]}
    # A second run finds nothing more to close.
    assert services.campaigns_of_ended_strategies_close(today=timezone.localdate()) == 0


def test_campaigns_of_running_strategies_stay_open(world, campaign):
    services.campaign_open(campaign=campaign, by=world.copilot)
    assert services.campaigns_of_ended_strategies_close(today=timezone.localdate()) == 0
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.OPEN


def test_a_campaign_of_an_ended_strategy_cannot_be_opened(client, world, campaign):
    end_strategy(world)
    with pytest.raises(TransitionRefused, match="a pris fin le 31 décembre 2021"):
        services.campaign_open(campaign=campaign, by=world.copilot)
    client.force_login(world.copilot)
    page = client.get(reverse("strategy:board", args=[world.strategy.code])).content.decode()
    assert reverse("strategy:campaign_transition", args=[campaign.pk, "ouvrir"]) not in page


def test_a_bilan_is_never_published_before_it_is_frozen(world):
    bilan = services.bilan_take(
        strategy=world.strategy,
        title="Bilan 2019",
        as_of=date(2019, 11, 30),
        introduction="",
        by=world.copilot,
        taken_at=datetime(2019, 12, 1, 10, tzinfo=UTC),
    )
    with pytest.raises(ValidationError, match="avant d'avoir été figé"):
        services.bilan_publish(bilan=bilan, by=world.copilot, at=datetime(2019, 11, 30, tzinfo=UTC))
    services.bilan_publish(bilan=bilan, by=world.copilot, at=datetime(2019, 12, 7, tzinfo=UTC))
    bilan.refresh_from_db()
    assert bilan.taken_at < bilan.published_at


def test_the_database_refuses_a_publication_before_the_freeze(world):
    bilan = services.bilan_take(
        strategy=world.strategy, title="Bilan", as_of=date(2019, 11, 30), introduction="", by=None
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Bilan.objects.filter(pk=bilan.pk).update(published_at=bilan.taken_at - timedelta(days=1))


def test_a_bilan_states_its_figures_from_its_tables(client, world):
    world.action.status = Action.Status.DONE
    world.action.save()
    bilan = services.bilan_take(
        strategy=world.strategy,
        title="Bilan 2026",
        as_of=timezone.localdate(),
        introduction="Le mot des copilotes.",
        by=world.copilot,
    )
    client.force_login(world.reader)
    page = client.get(bilan.get_absolute_url()).content.decode()
    assert fr_typo("Sur 2 actions : 1 à lancer et 1 réalisée.") in page
    assert "Le mot des copilotes." in page


def test_the_summary_counts_every_status_in_the_platform_order():
    counts = {"total": 20, "status": {"a_lancer": 7, "en_cours": 9, "realisee": 2, "abandonnee": 2}, "late": 3}
    assert summary(counts, overdue=LATE) == (
        "Sur 20 actions : 7 à lancer, 9 en cours, 2 réalisées et 2 abandonnées ; 3 en retard."
    )
    assert summary({"total": 0, "status": {}, "late": 0}, overdue=LATE) == "Aucune action n'est suivie à cette date."
