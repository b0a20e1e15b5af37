import pytest

from tests.catalog.factories import load_catalog_taxonomies


@pytest.fixture
def taxonomies(db):  # type: ignore[no-untyped-def]
    load_catalog_taxonomies()
