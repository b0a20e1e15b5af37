from datetime import date, timedelta

import pytest
from django.urls import reverse

from essaim.catalog.coverage import coverage_matrix
from essaim.catalog.matching import OfferProfile
from essaim.catalog.models import OfferEvent, SearchLog
from essaim.territories.places import Places, Territory
from tests.accounts.factories import UserFactory
from tests.catalog.factories import TODAY, make_offer

LOIRE_ATLANTIQUE = Places(commune="", departement="44", region="52")


def test_coverage_counts_offers_per_stage_and_need_and_ignores_local_ones():
    offers = [
        OfferProfile(
            id=1,
            stages=frozenset({"creation"}),
            needs=frozenset({"tresorerie"}),
            territories=(Territory("region", "52"),),
        ),
        OfferProfile(id=2, needs=frozenset({"tresorerie"}), territories=(Territory("france"),)),
        OfferProfile(id=3, stages=frozenset({"creation"}), territories=(Territory("commune", "44109"),)),
        OfferProfile(id=4, stages=frozenset({"creation"}), territories=(Territory("departement", "49"),)),
        OfferProfile(id=5, deadline=date(2020, 1, 1), territories=(Territory("france"),)),
    ]
    matrix = coverage_matrix(
        offers,
        stages=["creation", "ideation"],
        needs=["tresorerie", "numerique"],
        place=LOIRE_ATLANTIQUE,
        today=date(2026, 11, 23),
    )
    assert matrix == {
        ("creation", "tresorerie"): 2,
        ("creation", "numerique"): 0,
        ("ideation", "tresorerie"): 1,
        ("ideation", "numerique"): 0,
    }


@pytest.fixture
def activity(region, roles, taxonomies):
    offer = make_offer("Garantir son prêt", types=["garantie"], stages=["creation"], needs=["tresorerie"])
    OfferEvent.objects.create(offer=offer, kind="view")
    OfferEvent.objects.create(offer=offer, kind="view")
    OfferEvent.objects.create(offer=offer, kind="apply")
    SearchLog.objects.create(kind="orientation", criteria={"stage": "ideation", "needs": ["numerique"]}, result_count=0)
    SearchLog.objects.create(kind="orientation", criteria={"stage": "ideation", "needs": ["numerique"]}, result_count=0)
    SearchLog.objects.create(kind="search", criteria={"q": "trouvé"}, result_count=3)
    make_offer("Vieille offre", types=["prime"], reviewed_on=TODAY - timedelta(days=500), broken_link=True)
    return offer


@pytest.mark.django_db
def test_dashboard_is_for_cress_staff_only(client, activity):
    url = reverse("catalog:dashboard")
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_dashboard_shows_gaps_fruitless_searches_activity_and_stale_offers(client, activity):
    client.force_login(UserFactory(platform_admin=True))
    response = client.get(reverse("catalog:dashboard"), {"departement": "44"})
    assert response.status_code == 200
    table = response.context["table"]
    assert table.departement.code == "44"
    creation = next(counts for stage, counts in table.rows if stage.slug == "creation")
    needs = [need.slug for need in table.needs]
    assert creation[needs.index("tresorerie")] == 2  # the guarantee and the unconstrained old offer
    assert response.context["fruitless"] == [("Idée / émergence · Développer mes usages numériques", 2)]
    [viewed] = response.context["activity"]
    assert (viewed.title, viewed.views, viewed.applies) == ("Garantir son prêt", 2, 1)
    assert [offer.title for offer in response.context["due"]] == ["Vieille offre"]
    assert [offer.title for offer in response.context["broken"]] == ["Vieille offre"]
    assert response.context["weakest"][0][0].title == "Vieille offre"
