"""The platform metrics the strategy's indicators can follow, and the home page's figure."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from essaim.core.registries import figures_for, platform_metrics
from essaim.referrals.models import Referral
from essaim.referrals.services import referral_take
from tests.referrals.factories import make_referral, make_team

pytestmark = pytest.mark.django_db

TAKEN = "accompagnement.demandes_prises_en_charge"
DELAY = "accompagnement.delai_median"


@pytest.fixture
def taken(setting):
    """Three requests of the région taken in hand after 1, 2 and 6 days, one in another région
    taken after 10 days, one nobody took."""
    now = timezone.now()
    team = make_team(territories=[("france", "")])
    adviser = team.advisers.get()
    for commune, days in ((setting.nantes, 1), (setting.angers, 2), (setting.la_roche_sur_yon, 6)):
        referral = make_referral(commune=commune).referral
        referral_take(referral=referral, team=team, by=adviser, now=now + timedelta(days=days))
    elsewhere = make_referral(commune=setting.other_region_commune).referral
    referral_take(referral=elsewhere, team=team, by=adviser, now=now + timedelta(days=10))
    make_referral(commune=setting.saint_herblain)
    return now


def test_the_metrics_are_registered_for_the_strategy():
    labels = dict(platform_metrics.choices())
    assert labels[TAKEN] == "Demandes d'accompagnement prises en charge"
    assert "Délai médian de prise en charge" in labels[DELAY]


def test_requests_taken_in_hand_count_the_region_between_the_dates(taken):
    today = timezone.localdate(taken)
    measure = platform_metrics.get(TAKEN).measure
    assert measure("52", today, today + timedelta(days=10)) == 3
    assert measure("52", today + timedelta(days=2), today + timedelta(days=10)) == 2
    assert measure("24", today, today + timedelta(days=10)) == 1
    assert measure("52", today - timedelta(days=30), today - timedelta(days=1)) == 0


def test_the_median_delay_is_in_days(taken):
    today = timezone.localdate(taken)
    measure = platform_metrics.get(DELAY).measure
    assert measure("52", today, today + timedelta(days=10)) == 2.0
    assert measure("24", today, today + timedelta(days=10)) == 10.0
    assert measure("52", today - timedelta(days=30), today - timedelta(days=1)) == 0


def test_the_home_page_counts_the_requests_taken_in_hand_this_year(setting):
    assert not [figure for figure in figures_for("52") if "demande" in figure.label]
    team = make_team()
    referral = make_referral(commune=setting.nantes).referral
    referral_take(referral=referral, team=team, by=team.advisers.get())

    [figure] = [figure for figure in figures_for("52") if "demande" in figure.label]
    assert figure.value == 1
    assert figure.text == "demande d'accompagnement prise en charge en un an"
    Referral.objects.update(taken_at=timezone.now() - timedelta(days=400))
    assert not [figure for figure in figures_for("52") if "demande" in figure.label]
