"""The regional view's demo background: enough structures of the demo directory, over two years,
for a family and a size group to pass the threshold of ten, and for last year's peer comparison;
loaded again without duplicates."""

from __future__ import annotations

import pytest

from essaim.core.registries import demo_loaders
from essaim.core.taxonomies import load_taxonomy
from essaim.diagnostics import demo, demo_background  # noqa: F401  (register the loaders)
from essaim.diagnostics.demo_background import STRUCTURES
from essaim.diagnostics.models import Campaign, Position
from essaim.diagnostics.regional import MIN_GROUP, peer_comparison, regional_view
from essaim.organisations.models import Organisation, OrganisationRole
from essaim.organisations.reference import DATA
from tests.territories.factories import small_region

pytestmark = pytest.mark.django_db


def load() -> None:
    for name in ("autodiagnostic", "autodiagnostic-region"):
        demo_loaders.get(name)(lambda _line: None)


def test_the_regional_view_of_the_demo_shows_families_sizes_and_peers_for_both_years(settings):
    settings.ESSAIM_REGION = "52"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    region = small_region()
    load_taxonomy(OrganisationRole, DATA / "roles.csv")
    for number in range(45):
        Organisation.objects.create(
            name=f"Association {number:02}",
            ess_family="association" if number < 20 else "cooperative" if number < 32 else "fondation",
            headcount_band="02" if number % 3 else "11",
            commune=region.nantes,
        )
    load()

    background = Campaign.objects.filter(organisation__name__startswith="Association")
    assert background.values("organisation").distinct().count() == STRUCTURES
    assert not background.filter(respondents__answers__isnull=False).exists()  # positions only
    for year, status in (
        (background.order_by("year")[0].year, "close"),
        (background.order_by("-year")[0].year, "ouverte"),
    ):
        view = regional_view("52", year)
        assert view.shown and view.families and view.sizes
        assert all(group.structures >= MIN_GROUP for group in (*view.families, *view.sizes))
        assert set(background.filter(year=year).values_list("status", flat=True)) == {status}
    featured = Campaign.objects.filter(organisation__name="Les Cuisines du Monde Partagé", status="close").get()
    assert peer_comparison(featured).shown

    before = (Campaign.objects.count(), Position.objects.count())
    load()
    assert (Campaign.objects.count(), Position.objects.count()) == before
