"""One item's failure in a scheduled command is rolled back, logged and counted; the others go on."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError

from essaim.core.scheduled import Failures, ScheduledCommand, for_each_isolated


def test_a_failing_item_is_rolled_back_and_the_next_one_is_handled(db):
    def handle(name):
        ContentType.objects.create(app_label="essai", model=name)
        if name == "casse":
            raise ValueError("illisible")
        return name

    failures = Failures()
    done = for_each_isolated(["avant", "casse", "apres"], handle, failures=failures, describe=lambda n: f"« {n} »")
    assert done == ["avant", "apres"]
    assert set(ContentType.objects.filter(app_label="essai").values_list("model", flat=True)) == {"avant", "apres"}
    assert failures.lines == ["« casse » : ValueError (illisible)"]


def test_a_command_with_failures_ends_in_error_after_handling_every_item(db):
    handled = []

    class Command(ScheduledCommand):
        def run(self, **options):
            self.each([1, 2, 3], lambda n: handled.append(1 / (n - 2)))

    with pytest.raises(
        CommandError, match="^1 élément en échec, les autres ont été traités :\n  - 2 : ZeroDivisionError"
    ):
        Command().handle()
    assert handled == [-1.0, 1.0]
