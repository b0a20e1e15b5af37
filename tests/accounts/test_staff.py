"""CRESS staff use the administration through one group, kept up to date by `setup_reference`."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from essaim.accounts.staff import STAFF_GROUP, staff_group_update
from essaim.core.registries import reference_loaders
from essaim.organisations.demo import DEMO_ACCOUNTS, create_demo_accounts
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

REFUSAL = "Vous n’avez pas la permission"


def demo_staff(client):
    staff_group_update()
    create_demo_accounts()
    staff = next(account for account in DEMO_ACCOUNTS if account.is_staff)
    user = apps.get_model("accounts", "User").objects.get(email=staff.email)
    client.force_login(user)
    return user


def test_demo_staff_account_opens_the_admin_and_every_list_it_is_offered(client):
    demo_staff(client)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert REFUSAL not in index.content.decode() and "permission" not in index.content.decode().lower()
    offered = [
        (model["admin_url"], model.get("add_url")) for app in index.context["app_list"] for model in app["models"]
    ]
    assert len(offered) > 20
    for changelist, add in offered:
        assert client.get(changelist).status_code == 200, changelist
        if add:
            assert client.get(add).status_code == 200, add


def test_staff_read_history_entries_but_never_change_them_or_their_own_rights(client):
    user = demo_staff(client)
    assert user.has_perm("catalog.change_offer") and user.has_perm("strategy.delete_bilan")
    assert user.has_perm("core.view_historyentry") and not user.has_perm("core.change_historyentry")
    assert not user.has_perm("auth.change_group") and not user.has_perm("auth.change_permission")
    form = client.get(reverse("admin:accounts_user_change", args=[user.pk])).content.decode()
    assert 'name="is_staff"' in form and 'name="is_superuser"' not in form and 'name="groups"' not in form
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert client.get(reverse("admin:accounts_user_change", args=[superuser.pk])).status_code in {200, 403}
    assert 'name="email"' not in client.get(reverse("admin:accounts_user_change", args=[superuser.pk])).content.decode()


def test_the_group_follows_the_installed_models_and_is_idempotent():
    group = staff_group_update()
    count = group.permissions.count()
    group.permissions.clear()
    assert staff_group_update().permissions.count() == count
    assert Group.objects.filter(name=STAFF_GROUP).count() == 1
    for model in apps.get_app_config("strategy").get_models():
        assert group.permissions.filter(codename=f"change_{model._meta.model_name}").exists(), model


def test_setup_reference_puts_existing_staff_in_the_group():
    staff = UserFactory(platform_admin=True)
    [load] = [load for name, load in reference_loaders.items() if "CRESS" in name]
    load(lambda _line: None)
    assert staff.groups.filter(name=STAFF_GROUP).exists()


def test_the_administration_link_is_shown_only_to_staff_it_opens_for(client):
    client.force_login(UserFactory(platform_admin=True))  # staff status, no permission yet
    assert "Administration</a>" not in client.get(reverse("core:home")).content.decode()
    demo_staff(client)
    home = client.get(reverse("core:home")).content.decode()
    assert "Administration</a>" in home


def test_every_link_to_the_admin_on_the_operator_space_and_moderation_opens(client):
    demo_staff(client)
    for url_name in ("catalog:my_offers", "catalog:moderation"):
        page = client.get(reverse(url_name)).content.decode()
        for href in {part.split('"')[0] for part in page.split('href="')[1:] if part.startswith("/admin/")}:
            assert client.get(href).status_code == 200, href
    assert "toutes les offres" in client.get(reverse("catalog:my_offers")).content.decode()
