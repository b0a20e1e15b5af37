"""Indicators fed by the platform itself, through the registry other modules add to."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from essaim.catalog.models import Offer, SearchLog
from essaim.core.registries import platform_metrics
from essaim.strategy.models import Indicator, IndicatorValue
from tests.catalog.factories import make_offer


def test_the_catalogue_registers_its_metrics():
    assert "catalogue.offres_publiees" in platform_metrics
    assert "catalogue.orientations" in platform_metrics
    assert platform_metrics.get("catalogue.orientations").unit == "parcours"


def test_published_offers_count_only_offers_of_the_region(world, region, taxonomies):
    make_offer("En Loire-Atlantique", types=["pret"], territories=[("departement", "44")])
    make_offer("Dans une commune de la région", types=["pret"], territories=[("commune", "44109")])
    make_offer("Dans le Loiret", types=["pret"], territories=[("departement", "45")])
    make_offer("Partout en France", types=["pret"], territories=[("france", "")])
    make_offer("Brouillon régional", types=["pret"], status=Offer.Status.DRAFT)
    measure = platform_metrics.get("catalogue.offres_publiees").measure
    assert measure("52", date(2017, 1, 1), timezone.localdate()) == 3


def test_the_command_records_a_validated_value_with_its_source(world, capsys):
    indicator = Indicator.objects.create(
        strategy=world.strategy,
        code="parcours",
        name="Parcours d'orientation menés",
        kind=Indicator.Kind.ACTIVITY,
        unit="parcours",
        platform_metric="catalogue.orientations",
    )
    for _ in range(3):
        SearchLog.objects.create(kind=SearchLog.Kind.ORIENTATION, criteria={"departement": "44"}, result_count=4)
    SearchLog.objects.create(kind=SearchLog.Kind.ORIENTATION, criteria={"departement": "45"}, result_count=4)
    SearchLog.objects.create(kind=SearchLog.Kind.SEARCH, criteria={"departement": "44"}, result_count=4)
    call_command("update_strategy_indicators")
    call_command("update_strategy_indicators")  # the same day: updated, not duplicated
    value = IndicatorValue.objects.get(indicator=indicator)
    assert value.value == 3 and value.state == IndicatorValue.State.VALIDATED
    assert "mesure automatique" in value.source and value.vintage == timezone.localdate().isoformat()
    assert "1 indicateur mis à jour" in capsys.readouterr().out


def test_an_unknown_metric_is_refused_by_the_admin_validation(world):
    from django.core.exceptions import ValidationError

    indicator = Indicator(
        strategy=world.strategy, code="x", name="X", kind="activite", unit="u", platform_metric="inconnue"
    )
    with pytest.raises(ValidationError, match="Mesure de la plateforme inconnue"):
        indicator.full_clean()


def test_the_reminder_command_runs_daily(world, capsys):
    from essaim.strategy.models import Campaign
    from essaim.strategy.services import campaign_open

    today = timezone.localdate()
    campaign = Campaign.objects.create(
        strategy=world.strategy, title="C", period_label="p", opens_on=today - timedelta(days=20), due_on=today
    )
    campaign_open(campaign=campaign, by=world.copilot)
    call_command("send_campaign_reminders")
    assert "avant échéance : 2" in capsys.readouterr().out
