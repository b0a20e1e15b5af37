"""The Centre-Val de Loire variant of the demo of support requests (its own file: the Pays de la
Loire demo of test_demo.py stays loaded for the whole of that module)."""

from __future__ import annotations

import pytest

from essaim.referrals.demo import accounts_summary
from essaim.referrals.models import Referral, Team
from tests.referrals.test_demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_centre_val_de_loire_demo_has_its_own_network_and_requests(settings):
    settings.ESSAIM_REGION = "24"
    load_demo("24")

    dlas = Team.objects.filter(organisation__name__startswith="DLA ")
    assert sorted(dlas.values_list("territories__code", flat=True)) == ["18", "28", "36", "37", "41", "45"]
    assert Team.objects.filter(organisation__name="France Active Centre-Val de Loire").count() == 2
    assert not Team.objects.filter(organisation__name__contains="Pays de la Loire").exists()
    assert set(Referral.objects.values_list("status", flat=True)) == set(Referral.Status.values)
    assert set(Referral.objects.values_list("commune__departement__region__code", flat=True)) == {"24"}
    assert "conseil.dla45@demo.essaim.example" in accounts_summary().splitlines()[1]
