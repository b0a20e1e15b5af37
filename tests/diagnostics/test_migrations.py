"""The asked items moved from a JSON list to a relation (migration 0003), both ways: a campaign
asks the same items after going back and forth."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from essaim.diagnostics.models import Campaign
from tests.diagnostics.factories import make_bank, make_campaign


@pytest.mark.django_db(transaction=True)
def test_the_asked_items_survive_the_migration_both_ways(mail_at_once):
    campaign = make_campaign(make_bank(), mode="rapide")
    asked = sorted(campaign.asked.values_list("pk", flat=True))
    assert asked

    executor = MigrationExecutor(connection)
    before = [("diagnostics", "0002_advisers_comments_and_asked_items")]
    executor.migrate(before)
    Old = executor.loader.project_state(before).apps.get_model("diagnostics", "Campaign")
    assert sorted(Old.objects.get(pk=campaign.pk).asked_items) == asked

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert sorted(Campaign.objects.get(pk=campaign.pk).asked.values_list("pk", flat=True)) == asked
