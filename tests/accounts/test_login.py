import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_login_with_email_whatever_its_case(client):
    UserFactory(email="camille@example.org")
    response = login(client, "Camille@Example.org")
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_wrong_password_says_so_in_french(client):
    UserFactory(email="camille@example.org")
    response = login(client, "camille@example.org", "mauvais")
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect" in response.content.decode()


def test_repeated_failures_lock_the_account_from_that_address(client, settings):
    UserFactory(email="camille@example.org")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "camille@example.org", "mauvais")
    response = login(client, "camille@example.org")
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()


def test_logout_needs_a_post(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_profile_requires_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_password_reset_sends_a_french_email_whose_link_works(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="camille@example.org", full_name="Camille Moreau")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "camille@example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert "Bonjour Camille Moreau" in message.body
    link = re.search(r"https?://[^/]+(/compte/mot-de-passe/nouveau/\S+)", message.body).group(1)
    form_url = client.get(link).url
    response = client.post(form_url, {"new_password1": "Tournesol-Prairie-42", "new_password2": "Tournesol-Prairie-42"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Tournesol-Prairie-42")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "personne@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_platform_admin_reaches_the_french_admin(client):
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Administration de la plateforme" in response.content.decode()
