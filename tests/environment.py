"""Loaded by pytest before Django (`-p tests.environment` in pyproject.toml): the environment
every test run needs, so that a plain `pytest` works as well as `make test`."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("HTTPS", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")
