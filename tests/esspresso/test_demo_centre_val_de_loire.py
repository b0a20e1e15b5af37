"""The ESSpresso demo of a Centre-Val de Loire instance: its own regional event, nothing of
another région."""

from __future__ import annotations

import pytest
from django.utils import timezone

from essaim.esspresso.models import Event, Participant
from tests.esspresso.test_demo import ORLEANS, load_demo

pytestmark = pytest.mark.django_db


def test_centre_val_de_loire_gets_its_own_regional_esspresso_only(settings, db):
    settings.ESSAIM_REGION = "24"
    load_demo()
    today = timezone.localdate()

    event = Event.objects.get()
    assert event.slug == ORLEANS and event.commune.departement.region.code == "24"
    assert event.registration_open(today) and event.needs_validation
    assert Participant.objects.filter(event=event, status=Participant.Status.PENDING).count() == 2
    assert 13 <= Participant.objects.confirmed().filter(event=event).count() <= 17
    assert not Participant.objects.exclude(organisation__commune__departement__region__code="24").exists()
