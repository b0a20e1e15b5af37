from datetime import date

import pytest

from essaim.strategy.models import Campaign
from tests.strategy.factories import strategy_world


@pytest.fixture(autouse=True)
def _emails_sent_at_once(monkeypatch):
    """Tests run inside a transaction that never commits: send queued e-mails at once so that
    `mail.outbox` shows them (that nothing goes out on rollback is tested in tests/core)."""
    monkeypatch.setattr("essaim.core.emails.transaction.on_commit", lambda func, *args, **kwargs: func())


@pytest.fixture
def world(region):
    """A strategy with its co-pilot, a reader, leads, actions and an indicator."""
    return strategy_world(region)


@pytest.fixture
def campaign(world):
    return Campaign.objects.create(
        strategy=world.strategy,
        title="Bilan 2026",
        period_label="2026",
        opens_on=date(2026, 10, 1),
        due_on=date(2026, 11, 30),
    )
