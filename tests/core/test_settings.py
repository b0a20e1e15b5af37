"""Settings are checked in a fresh interpreter: they are read once per process."""

import os
import subprocess
import sys
from pathlib import Path

from tests.environment import TEST_PUBLISHER

ROOT = Path(__file__).resolve().parents[2]


def run_django(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # Only what a server's environment would have: no test-only variables.
    clean = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_refuses_to_start_with_a_clear_message():
    result = run_django("check")
    assert result.returncode != 0
    assert "SECRET_KEY est obligatoire" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_django(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x7Kq9" * 10,
        ALLOWED_HOSTS="essaim.example.org",
        **TEST_PUBLISHER,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_an_invalid_boolean_is_refused_with_its_name():
    result = run_django("check", SECRET_KEY="x", DEBUG="peut-être")
    assert result.returncode != 0
    assert "DEBUG doit valoir true ou false" in result.stderr


def test_production_with_a_placeholder_publisher_refuses_to_start_naming_what_to_fill():
    publisher = {**TEST_PUBLISHER, "PUBLISHER_NAME": "CRESS (à renseigner)", "CONTACT_EMAIL": "contact@example.org"}
    del publisher["SITE_URL"]  # left to its default, http://127.0.0.1:8000
    result = run_django("check", SECRET_KEY="x" * 50, **publisher)
    assert result.returncode != 0
    assert "L'identité de l'éditeur n'est pas renseignée : SITE_URL, PUBLISHER_NAME, CONTACT_EMAIL." in result.stderr


def test_development_starts_with_the_placeholder_publisher():
    result = run_django("check", DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_a_proxy_count_without_a_proxy_refuses_to_start_naming_both_settings():
    result = run_django("check", DEBUG="true", PROXY_COUNT="1")
    assert result.returncode != 0
    assert "PROXY_COUNT vaut 1 mais BEHIND_HTTPS_PROXY n'est pas activé" in result.stderr


def test_a_proxy_without_its_count_refuses_to_start_rather_than_lock_everyone_out():
    result = run_django("check", DEBUG="true", BEHIND_HTTPS_PROXY="true")
    assert result.returncode != 0
    assert "BEHIND_HTTPS_PROXY est activé mais PROXY_COUNT vaut 0" in result.stderr


def test_a_proxy_with_its_count_starts():
    result = run_django("check", DEBUG="true", BEHIND_HTTPS_PROXY="true", PROXY_COUNT="1")
    assert result.returncode == 0, result.stderr


def test_a_basemap_address_that_is_not_https_is_refused_with_its_name():
    result = run_django(
        "check", SECRET_KEY="x" * 50, ESSAIM_MAP_STYLE_URL="http://tuiles.example.fr/style.json", **TEST_PUBLISHER
    )
    assert result.returncode != 0
    assert "ESSAIM_MAP_STYLE_URL doit commencer par https://" in result.stderr
