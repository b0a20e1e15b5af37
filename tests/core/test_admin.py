import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape

from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_every_model_has_a_working_french_admin(client, region, roles):
    organisation = OrganisationFactory(commune=region.nantes, roles=["financeur"])
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        changelist = client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert changelist.status_code == 200, info
        assert escape(str(model._meta.verbose_name_plural)).lower() in changelist.content.decode().lower(), info
        if model_admin.has_add_permission(changelist.wsgi_request):
            assert client.get(reverse("admin:{}_{}_add".format(*info))).status_code == 200, info
    change = client.get(reverse("admin:organisations_organisation_change", args=[organisation.pk]))
    assert change.status_code == 200
