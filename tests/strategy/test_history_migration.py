import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from essaim.core.history import entries_of
from essaim.strategy.models import Action
from tests.strategy.factories import strategy_world


@pytest.mark.django_db(transaction=True)
def test_changes_written_before_the_move_to_core_stay_readable(region, roles):
    """A change of the strategy's former history table is carried into the one history, with
    its object, author, date and values, and reads in French."""
    world = strategy_world(region)
    executor = MigrationExecutor(connection)
    before_move = [("strategy", "0001_initial")]
    executor.migrate(before_move)
    Change = executor.loader.project_state(before_move).apps.get_model("strategy", "Change")
    Change.objects.create(
        strategy_id=world.strategy.pk,
        content_type_id=ContentType.objects.get_for_model(Action).pk,
        object_id=world.action.pk,
        object_label=str(world.action),
        author_id=world.copilot.pk,
        summary="Mise à jour par un point d'avancement validé",
        changes={"status": ["en_cours", "realisee"]},
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    entry = entries_of(world.action).get(summary="Mise à jour par un point d'avancement validé")
    assert entry.author == world.copilot
    assert [(line.label, line.before, line.after) for line in entry.lines()] == [("état", "En cours", "Réalisée")]
