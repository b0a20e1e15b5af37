import pytest


@pytest.fixture
def setting(region, taxonomies, mail_at_once):  # type: ignore[no-untyped-def]
    """A few communes of Pays de la Loire, the catalogue's needs, e-mails sent at once."""
    return region
