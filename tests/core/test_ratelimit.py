"""Public forms: limited per visitor and per e-mail address, counted in a cache every process
shares, refused with the form as typed, and closed to robots that fill the hidden field."""

import pytest
from django.core import mail
from django.urls import reverse

from essaim.core.ratelimit import refusal_message
from tests.accounts.factories import UserFactory
from tests.core.test_settings import run_django
from tests.environment import TEST_PUBLISHER

pytestmark = pytest.mark.django_db

SUGGESTION = {"title": "Fonds", "operator_name": "Initiative Mayenne", "summary": "Une aide."}


def reset(client, email, **extra):
    return client.post(reverse("accounts:password_reset"), {"email": email}, **extra)


def test_the_password_reset_request_is_limited_per_address_and_keeps_what_was_typed(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="camille@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            assert reset(client, "camille@example.org", REMOTE_ADDR=f"10.0.0.{number}").status_code == 302
        response = reset(client, "Camille@Example.org ", REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de demandes" in page and 'value="Camille@Example.org "' in page
    assert len(mail.outbox) == 3


def test_the_password_reset_request_is_limited_per_visitor(client):
    for number in range(5):
        assert reset(client, f"p{number}@example.org").status_code == 302
    assert reset(client, "p9@example.org").status_code == 429


def test_a_robot_filling_the_hidden_field_gets_no_reset_email(client, django_capture_on_commit_callbacks):
    UserFactory(email="camille@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:password_reset"), {"email": "camille@example.org", "website": "http://spam.example"}
        )
    assert response.status_code == 302
    assert mail.outbox == []


def test_each_form_has_its_own_counts(client, roles, taxonomies):
    for number in range(5):
        client.post(reverse("catalog:suggest"), {**SUGGESTION, "title": f"Fonds {number}"})
    assert client.post(reverse("catalog:suggest"), SUGGESTION).status_code == 429
    assert reset(client, "camille@example.org").status_code == 302


def test_a_wrong_entry_in_a_public_form_answers_400_and_counts_nothing(client, roles, taxonomies):
    for _ in range(6):
        assert client.post(reverse("catalog:suggest"), {**SUGGESTION, "summary": ""}).status_code == 400
    assert client.post(reverse("catalog:suggest"), SUGGESTION).status_code == 302


def test_visitors_behind_one_proxy_are_counted_apart_as_the_login_lock_out_counts_them(
    client, settings, roles, taxonomies
):
    settings.PROXY_COUNT = 1
    settings.BEHIND_HTTPS_PROXY = True
    proxy = {"REMOTE_ADDR": "192.0.2.1"}
    for _ in range(5):
        client.post(reverse("catalog:suggest"), SUGGESTION, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert (
        client.post(reverse("catalog:suggest"), SUGGESTION, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code
        == 429
    )
    assert (
        client.post(reverse("catalog:suggest"), SUGGESTION, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code
        == 302
    )


def test_limits_and_window_come_from_the_settings(client, settings, roles, taxonomies):
    settings.RATE_LIMIT_PER_IP = 1
    settings.RATE_LIMIT_WINDOW_MINUTES = 120
    assert client.post(reverse("catalog:suggest"), SUGGESTION).status_code == 302
    response = client.post(reverse("catalog:suggest"), SUGGESTION)
    assert response.status_code == 429
    assert "réessayez dans 2 heures." in response.content.decode()


def test_the_refusal_says_how_long_to_wait_in_french(settings):
    settings.RATE_LIMIT_WINDOW_MINUTES = 60
    assert refusal_message().endswith("réessayez dans une heure.")
    settings.RATE_LIMIT_WINDOW_MINUTES = 90
    assert refusal_message().endswith("réessayez dans 90 minutes.")


def cache_backends(**env: str) -> str:
    result = run_django(
        "shell",
        "-c",
        "from django.core.cache import caches; print(type(caches['default']).__name__, type(caches['ratelimit']).__name__)",
        SECRET_KEY="x" * 50,
        **TEST_PUBLISHER,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_counts_live_where_every_process_reads_them():
    # A memory cache would be one per process: each worker would allow the limit again.
    assert cache_backends() == "DatabaseCache DatabaseCache"
    assert cache_backends(TASKS_REDIS_URL="redis://127.0.0.1:6379/0") == "RedisCache RedisCache"


def test_the_database_cache_keeps_one_count_for_every_process(settings, rf, monkeypatch):
    from django.core.cache import CacheHandler

    from essaim.core import ratelimit

    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": settings.CACHE_TABLE}
        for alias in ("default", "ratelimit")
    }
    request = rf.post("/", REMOTE_ADDR="198.51.100.7")
    assert [ratelimit.over_limit(request, "essai", address="a@example.org") for _ in range(3)] == [False] * 3
    # Another process: its own cache objects, the same table.
    monkeypatch.setattr(ratelimit, "caches", CacheHandler())
    assert ratelimit.over_limit(request, "essai", address="b@example.org") is False  # 4 for the visitor
    assert ratelimit.over_limit(request, "essai", address="A@example.org ") is True  # 4 for the address
    assert ratelimit.over_limit(request, "essai") is True  # 6 for the visitor
