"""The CRESS's regional view shows aggregates only for groups of at least ten structures."""

import pytest
from django.urls import reverse

from essaim.diagnostics.regional import regional_view
from essaim.diagnostics.services import position_save
from tests.accounts.factories import UserFactory
from tests.diagnostics.factories import make_bank, make_campaign, make_pilot
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _campaigns(region, bank, count, band=""):  # type: ignore[no-untyped-def]
    campaigns = []
    for number in range(count):
        organisation = OrganisationFactory(
            name=f"Structure {number}", commune=region.nantes, ess_family="association", headcount_band=band
        )
        campaign = make_campaign(bank, pilot=make_pilot(organisation), themes=[bank.governance])
        position_save(
            campaign=campaign, item=bank.items["gouvernance-q1"], level="engage", comment="", by=campaign.pilot
        )
        campaigns.append(campaign)
    return campaigns


def test_fewer_than_ten_structures_show_no_detail(region):
    bank = make_bank()
    _campaigns(region, bank, 9)
    view = regional_view("52", 2026)
    assert view.structures == 9 and not view.shown and view.themes == () and view.families == ()


def test_ten_structures_show_themes_and_maturity_by_family(region):
    bank = make_bank()
    _campaigns(region, bank, 10)
    view = regional_view("52", 2026)
    assert view.shown
    assert [(theme.title, theme.structures) for theme in view.themes] == [("Gouvernance démocratique", 10)]
    [family] = view.families
    assert (family.label, family.structures, dict(family.levels)["Engagé"]) == ("Association", 10, 10)
    assert view.support_needs == ()


def test_maturity_by_size_gathers_insee_bands_and_hides_small_groups(region):
    bank = make_bank()
    _campaigns(region, bank, 6, band="11")  # 10 to 19 employees
    _campaigns(region, bank, 5, band="12")  # 20 to 49
    view = regional_view("52", 2026)
    [size] = view.sizes
    assert (size.label, size.structures, dict(size.levels)["Engagé"]) == ("10 à 49 salariés", 11, 11)


def test_a_size_group_under_ten_structures_is_not_even_named(region, client):
    bank = make_bank()
    _campaigns(region, bank, 9, band="01")
    _campaigns(region, bank, 1, band="53")
    assert regional_view("52", 2026).sizes == ()
    client.force_login(UserFactory(platform_admin=True))
    page = client.get(reverse("diagnostics:regional") + "?annee=2026").content.decode()
    assert "Moins de 10 salariés" not in page and "10 000" not in page


def test_the_support_needs_sent_from_the_diagnostics_are_counted(region, taxonomies, mail_at_once):
    from essaim.diagnostics.services import support_request

    bank = make_bank()
    campaigns = _campaigns(region, bank, 10)
    for campaign in campaigns[:3]:
        support_request(
            campaign=campaign, by=campaign.pilot, need="mesurer_impact", themes=[bank.governance], consent=True
        )
    assert regional_view("52", 2026).support_needs == (("Mesurer mon impact social", 3),)


def test_only_the_cress_reads_the_regional_view(client, region):
    url = reverse("diagnostics:regional")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(platform_admin=True))
    response = client.get(url + "?annee=abc")
    assert response.status_code == 200 and "Moins de 10 structures" in response.content.decode()


def test_a_structure_compares_itself_with_similar_ones_only_when_it_turns_it_on(client, region):
    from essaim.diagnostics.models import Campaign
    from essaim.diagnostics.regional import peer_comparison

    bank = make_bank()
    campaigns = _campaigns(region, bank, 11)
    mine = campaigns[0]
    Campaign.objects.filter(pk__in=[c.pk for c in campaigns[1:]]).update(shares_with_peers=True, status="close")
    client.force_login(mine.pilot)
    results = reverse("diagnostics:results", args=[mine.pk])
    assert "Activer la comparaison" in client.get(results).content.decode()
    client.post(reverse("diagnostics:peers", args=[mine.pk]), {"partager": "oui"})
    page = client.get(results).content.decode()
    assert "des structures de la famille « Association »" in page and "<h3>Gouvernance démocratique</h3>" in page
    assert "<h3>Environnement</h3>" not in page  # nobody retained a level on it: never one structure's
    comparison = peer_comparison(Campaign.objects.get(pk=mine.pk))
    assert dict(comparison.themes[0].levels)["Engagé"] == 10
    Campaign.objects.filter(pk=campaigns[1].pk).update(status="ouverte")  # still moving: left out
    assert not peer_comparison(Campaign.objects.get(pk=mine.pk)).shown


def test_a_table_is_left_out_when_what_it_hides_could_be_worked_out(region):
    bank = make_bank()
    _campaigns(region, bank, 10, band="11")
    for campaign in _campaigns(region, bank, 2, band="11"):
        campaign.organisation.ess_family = "cooperative"
        campaign.organisation.save()
    view = regional_view("52", 2026)
    # Ten associations shown would leave two cooperatives as the total minus them.
    assert view.families == ()
    assert [(size.label, size.structures) for size in view.sizes] == [("10 à 49 salariés", 12)]


def test_the_smallest_groups_join_the_pool_until_it_cannot_be_worked_out():
    from essaim.diagnostics.regional import _maturity_by

    rows = (
        [("a", n, "engage") for n in range(12)] + [("b", 100 + n, "engage") for n in range(11)] + [("c", 999, "engage")]
    )
    table = _maturity_by(rows, [("a", "A"), ("b", "B"), ("c", "C")], others="Autres")
    assert [(group.label, group.structures) for group in table] == [("A", 12), ("Autres", 12)]
    assert _maturity_by(rows[:12] + rows[-1:], [("a", "A"), ("c", "C")], others="Autres") == ()
