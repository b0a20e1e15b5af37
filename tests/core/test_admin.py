import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape

from essaim.catalog.models import Offer, OfferType
from essaim.core.history import entries_of
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


def test_cress_staff_create_and_change_an_offer_in_the_admin_through_the_one_service(client, region, roles, taxonomies):
    operator = OrganisationFactory(name="France Active Pays de la Loire", roles=["financeur"])
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    data = {
        "title": "Garantir son prêt",
        "slug": "garantir-son-pret",
        "summary": "Une garantie bancaire.",
        "description": "",
        "operator": operator.pk,
        "offer_types": [OfferType.objects.get(slug="garantie").pk],
        "fees": "gratuit",
        "recurrence": "permanente",
        "review_every_months": "12",
        "status": "published",
        "required_answers": "{}",
        "reviewed_on": "2026-11-01",
        "territories-TOTAL_FORMS": "1",
        "territories-INITIAL_FORMS": "0",
        "territories-0-kind": "departement",
        "territories-0-code": "44",
        "territories-0-name": "Loire-Atlantique",
    }
    response = client.post(reverse("admin:catalog_offer_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    offer = Offer.objects.get()
    assert [territory.token for territory in offer.territories.all()] == ["departement:44"]
    assert " garant" in offer.search_document
    assert entries_of(offer).get().summary == "Création dans l'administration"

    data.update({"title": "Garantir son prêt solidaire", "territories-INITIAL_FORMS": "1"})
    data["territories-0-id"] = offer.territories.get().pk
    data["territories-0-offer"] = offer.pk
    response = client.post(reverse("admin:catalog_offer_change", args=[offer.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert entries_of(offer).first().changes["title"] == ["Garantir son prêt", "Garantir son prêt solidaire"]
