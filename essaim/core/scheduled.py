"""Scheduled commands (run daily or weekly by a timer): each item is handled in its own error
boundary, so that one bad record (a campaign due on 9999-12-31, an alert whose e-mail cannot be
built) never stops the others. The failures are logged with their item, summed up in French at
the end, and the command exits with a non-zero code so that the timer reports it.

Usage, in an app's `management/commands/`:

    class Command(ScheduledCommand):
        def run(self, **options):
            sent = self.each(Campaign.objects.open(), send, describe=str)
            self.stdout.write(f"{sum(sent)} relances.")
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

logger = logging.getLogger("essaim.scheduled")

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class Failures:
    """What failed during a run: one line per item, naming the item and the error."""

    lines: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def summary(self) -> str:
        count = len(self.lines)
        head = "1 élément en échec" if count == 1 else f"{count} éléments en échec"
        return f"{head}, les autres ont été traités :\n" + "\n".join(f"  - {line}" for line in self.lines)


def for_each_isolated(
    items: Iterable[Item],
    handle: Callable[[Item], Result],
    *,
    failures: Failures,
    describe: Callable[[Item], str] = str,
) -> list[Result]:
    """`handle(item)` for each item, each in its own transaction (a savepoint when one is already
    open): an item that fails is rolled back, logged with its traceback and noted in `failures`,
    and the next one is handled. Returns the results of those that succeeded."""
    results = []
    for item in items:
        try:
            with transaction.atomic():
                result = handle(item)
        except Exception as error:  # noqa: BLE001 — the boundary is the point: log it, go on.
            name = describe(item)
            logger.exception("Échec du traitement de %s", name)
            failures.lines.append(f"{name} : {type(error).__name__} ({error})")
            continue
        results.append(result)
    return results


class ScheduledCommand(BaseCommand):
    """Base of every command a timer runs. Subclasses write `run(**options)` and go through their
    items with `self.each(...)`; a run with failures ends with a French summary on stderr and
    exit code 1 (a `CommandError`), after every other item was handled."""

    def run(self, **options: Any) -> None:
        raise NotImplementedError

    def each(
        self, items: Iterable[Item], handle: Callable[[Item], Result], *, describe: Callable[[Item], str] = str
    ) -> list[Result]:
        return for_each_isolated(items, handle, failures=self.failures, describe=describe)

    def attempt(self, name: str, handle: Callable[[], Result]) -> Result | None:
        """One step of the run (a whole batch the command cannot split), in its own boundary:
        its result, or None when it failed (then noted under `name`)."""
        results = self.each([name], lambda _name: handle(), describe=str)
        return results[0] if results else None

    def handle(self, *args: Any, **options: Any) -> None:
        self.failures = Failures()
        self.run(**options)
        if self.failures:
            raise CommandError(self.failures.summary())
