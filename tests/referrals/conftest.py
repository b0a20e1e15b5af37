from types import SimpleNamespace

import pytest

from essaim.core import emails


@pytest.fixture
def mail_at_once(monkeypatch):  # type: ignore[no-untyped-def]
    """E-mails leave as the service asks, not at a commit the test transaction never makes."""
    monkeypatch.setattr(emails, "transaction", SimpleNamespace(on_commit=lambda send: send()))


@pytest.fixture
def setting(region, taxonomies, mail_at_once):  # type: ignore[no-untyped-def]
    """A few communes of Pays de la Loire, the catalogue's needs, e-mails sent at once."""
    return region
