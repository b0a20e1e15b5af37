from datetime import date
from decimal import Decimal

from django.urls import reverse

from essaim.strategy.models import IndicatorValue
from tests.api.test_api import schema
from tests.strategy.factories import strategy_world, validated_value


def test_a_public_strategy_is_open_data_without_its_internal_parts(client, region):
    world = strategy_world(region)
    world.other_action.is_public = False
    world.other_action.save()
    validated_value(world.indicator, date(2026, 1, 31), 90, source="Suivi", vintage="2025")
    IndicatorValue.objects.create(
        indicator=world.indicator, measured_on=date(2026, 2, 28), value=Decimal(95), source="Suivi", vintage="2026"
    )
    listing = client.get(reverse("api:strategies")).json()
    schema("StrategyList").validate(listing)
    assert [item["code"] for item in listing["results"]] == ["sress-test"]
    body = client.get(reverse("api:strategy", args=["sress-test"])).json()
    schema("Strategy").validate(body)
    assert [action["code"] for action in body["actions"]] == ["1.1.1"]
    assert body["counts"]["total"] == 1
    [indicator] = body["indicators"]
    assert [value["value"] for value in indicator["values"]] == ["90"]  # the proposed 95 is not public
    assert "leads" not in body["actions"][0]  # people's names stay internal


def test_a_private_or_unknown_strategy_answers_404(client, region):
    world = strategy_world(region, public=False)
    assert client.get(reverse("api:strategy", args=[world.strategy.code])).status_code == 404
    assert client.get(reverse("api:strategy", args=["inconnue"])).json()["error"].startswith("Aucune stratégie")
    assert client.get(reverse("api:strategies")).json() == {"results": []}
