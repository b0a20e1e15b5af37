import pytest


@pytest.fixture(autouse=True)
def _emails_sent_at_once(monkeypatch):
    """Tests run inside a transaction that never commits: send queued e-mails at once so that
    `mail.outbox` shows them (that nothing goes out on rollback is tested in tests/core)."""
    monkeypatch.setattr("essaim.core.emails.transaction.on_commit", lambda func, *args, **kwargs: func())
