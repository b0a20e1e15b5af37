"""`offer_save`, the one way an offer is saved (form, import, admin, factories)."""

from datetime import date

import pytest
from django.utils import timezone

from essaim.catalog.models import Offer, Stage
from essaim.catalog.services import offer_save
from essaim.core.history import entries_of
from tests.catalog.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(region, roles, taxonomies):
    return make_offer("Garantir son prêt", types=["garantie"], reviewed_on=date(2025, 1, 15))


def test_a_change_of_terms_alone_is_recorded_and_searched(offer):
    saved = offer_save(offer=offer, relations={"stages": Stage.objects.filter(slug="creation")}, by=None)
    assert (saved.created, saved.changed) == (False, True)
    assert entries_of(offer).first().changes["stages"] == [[], ["creation"]]
    assert Offer.objects.filter(search_document__contains=" creation").exists()


def test_a_save_that_changes_nothing_records_nothing_but_follows_the_operators_new_name(offer):
    count = entries_of(offer).count()
    offer.operator.name = "Fonds régional de garantie"
    offer.operator.save()
    saved = offer_save(offer=Offer.objects.get(pk=offer.pk), by=None)
    assert not saved.changed and entries_of(offer).count() == count
    assert " regional" in Offer.objects.get(pk=offer.pk).search_document


def test_an_import_that_changes_the_content_vouches_for_the_offer_today_and_says_so(offer):
    offer.summary = "Une garantie bancaire pour les structures de l'ESS."
    offer_save(offer=offer, by=None, counts_as_review=True)
    offer.refresh_from_db()
    assert offer.reviewed_on == timezone.localdate()
    assert entries_of(offer).first().changes["reviewed_on"] == ["2025-01-15", timezone.localdate().isoformat()]


def test_a_territory_given_twice_is_saved_once(offer):
    offer_save(offer=offer, territories=[("commune", "44109", "Nantes"), ("commune", "44109", "Nantes")], by=None)
    assert [territory.token for territory in offer.territories.all()] == ["commune:44109"]
