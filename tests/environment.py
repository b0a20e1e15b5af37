"""Loaded by pytest before Django (`-p tests.environment` in pyproject.toml): the environment
every test run needs, so that a plain `pytest` works as well as `make test`."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")
# Tests run with DEBUG off, like production: the publisher's identity must be real-looking there.
# `.test` is the domain reserved for tests (RFC 2606).
TEST_PUBLISHER = {
    "SITE_URL": "https://essaim.cress.test",
    "PUBLISHER_NAME": "CRESS des tests",
    "PUBLISHER_ADDRESS": "1 rue des Essais, 44000 Nantes",
    "PUBLICATION_DIRECTOR": "Dominique Essai",
    "HOSTING_PROVIDER": "Hébergeur des tests, 2 rue des Serveurs, 75000 Paris",
    "CONTACT_EMAIL": "contact@cress.test",
    "DEFAULT_FROM_EMAIL": "Essaim <ne-pas-repondre@cress.test>",
}
for name, value in TEST_PUBLISHER.items():
    os.environ.setdefault(name, value)
