import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from essaim.accounts.models import User
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


def test_an_account_that_never_had_a_password_can_choose_one_by_email(client, django_capture_on_commit_callbacks):
    """An adviser added by the CRESS whose first link expired: Django's form would skip them."""
    user = UserFactory(email="conseil@example.org")
    user.set_unusable_password()
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "conseil@example.org"})
    [message] = mail.outbox
    assert message.to == ["conseil@example.org"]


def test_a_deactivated_account_gets_no_reset_email(client, django_capture_on_commit_callbacks):
    UserFactory(email="parti@example.org", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "parti@example.org"})
    assert mail.outbox == []


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "personne@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_platform_admin_reaches_the_french_admin(client):
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Administration de la plateforme" in response.content.decode()


def fail_until_locked(client, settings, email):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, email, "mauvais")


@pytest.mark.parametrize("spelling", ["MEMBRE@example.org", " Membre@Example.org "])
def test_a_locked_address_stays_locked_whatever_its_capitalisation(client, settings, spelling):
    UserFactory(email="membre@example.org")
    fail_until_locked(client, settings, "membre@example.org")
    response = login(client, spelling)
    assert response.status_code == 429
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_capitalised_address_counts_towards_the_same_lock_out(client, settings):
    UserFactory(email="membre@example.org")
    spellings = ["membre@example.org", "MEMBRE@example.org", " Membre@example.org ", "membre@EXAMPLE.ORG", "Membre@x"]
    for spelling in spellings[: settings.AXES_FAILURE_LIMIT - 1]:
        login(client, spelling, "mauvais")
    login(client, "mEmBrE@example.org", "mauvais")
    assert AccessAttempt.objects.get().username == "membre@example.org"
    assert login(client, "membre@example.org").status_code == 429


def test_an_account_created_with_capitals_before_normalisation_still_logs_in(client):
    user = UserFactory()
    User.objects.filter(pk=user.pk).update(email="Camille.Moreau@Example.org")
    assert login(client, " camille.moreau@example.org ").status_code == 302


def test_new_accounts_are_stored_in_lower_case_and_one_address_makes_one_account():
    user = User.objects.create_user(" Camille@Example.ORG ", "un mot de passe solide")
    assert user.email == "camille@example.org"
    duplicate = User(email="CAMILLE@example.org")
    with pytest.raises(ValidationError, match="Un compte existe déjà avec cette adresse e-mail"):
        duplicate.full_clean(exclude=["password"])


def test_the_admin_stores_a_new_address_in_lower_case_and_refuses_another_case_of_it(client):
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    form = {"email": "Nouvel.Arrivant@Example.org", "full_name": "Nouvel Arrivant", "usable_password": "false"}
    form |= {"password1": "Tournesol-Prairie-42", "password2": "Tournesol-Prairie-42", "usable_password": "true"}
    assert client.post(reverse("admin:accounts_user_add"), form).status_code == 302
    assert User.objects.filter(email="nouvel.arrivant@example.org").exists()
    again = client.post(reverse("admin:accounts_user_add"), {**form, "email": "NOUVEL.arrivant@example.org"})
    assert again.status_code == 200
    assert "Un compte existe déjà avec cette adresse e-mail" in again.content.decode()


def test_an_address_too_long_for_the_lock_out_table_is_refused_in_french(client):
    address = "a" * 247 + "@exemple.fr"  # 259 characters
    response = login(client, address)
    assert response.status_code == 200
    assert "Une adresse e-mail compte au plus 254 caractères" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def login_through_proxy(client, forwarded_for, password=PASSWORD):
    return client.post(
        reverse("accounts:login"),
        {"username": "membre@example.org", "password": password},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_the_proxy_one_visitors_failures_do_not_lock_out_another(client, settings):
    settings.PROXY_COUNT = 1
    UserFactory(email="membre@example.org")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login_through_proxy(client, "203.0.113.7", "mauvais")
    assert login_through_proxy(client, "203.0.113.7").status_code == 429
    # A forged entry on the left is the visitor's own: the address the proxy saw still counts.
    assert login_through_proxy(client, "198.51.100.1, 203.0.113.7").status_code == 429
    assert login_through_proxy(client, "198.51.100.9").status_code == 302


def test_without_a_proxy_a_forged_forwarded_address_is_ignored(client, settings):
    settings.PROXY_COUNT = 0
    UserFactory(email="membre@example.org")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login_through_proxy(client, f"203.0.113.{attempt}", "mauvais")
    assert login_through_proxy(client, "198.51.100.9").status_code == 429
