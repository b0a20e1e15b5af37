"""Shared fixtures. Settings come from config/settings.py with the environment that
`make test` sets (SECRET_KEY, HTTPS=false)."""

from __future__ import annotations

import pytest

from tests.territories.factories import small_region


@pytest.fixture(autouse=True)
def _immediate_tasks_and_fast_hashing(settings):  # type: ignore[no-untyped-def]
    # Tasks run in-process so that a test sees their effect (e-mails in mail.outbox).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _cache_in_the_test_database(settings):  # type: ignore[no-untyped-def]
    # The public forms' counts live in the cache: kept in the test database, rolled back after
    # each test, even when the environment names a Redis (shared, never emptied by the tests).
    if settings.CACHE_REDIS_URL:
        settings.CACHES = {
            alias: {
                **config,
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": settings.CACHE_TABLE,
            }
            for alias, config in settings.CACHES.items()
        }


@pytest.fixture
def region(db):  # type: ignore[no-untyped-def]
    """A few real communes of Pays de la Loire (see tests/territories/factories.py)."""
    return small_region()


@pytest.fixture
def roles(db):  # type: ignore[no-untyped-def]
    from essaim.core.taxonomies import load_taxonomy
    from essaim.organisations.models import OrganisationRole
    from essaim.organisations.reference import DATA

    load_taxonomy(OrganisationRole, DATA / "roles.csv")
    return {role.slug: role for role in OrganisationRole.objects.all()}


@pytest.fixture
def taxonomies(db):  # type: ignore[no-untyped-def]
    """The catalogue's taxonomies, loaded from their files as `setup_reference` does."""
    from tests.catalog.factories import load_catalog_taxonomies

    load_catalog_taxonomies()
