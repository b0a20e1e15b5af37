"""The one way an import writes: every row in one transaction; a dry run rolls it back at the end."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import models, transaction

from essaim.core.imports.report import Outcome

ModelT = TypeVar("ModelT", bound=models.Model)


class _DryRunDone(Exception):
    """Raised at the end of a dry run so that the transaction rolls back everything it wrote."""


@contextmanager
def all_or_nothing(*, dry_run: bool) -> Iterator[None]:
    """Run the writes of an import in one transaction, rolled back at the end of a dry run.

    A dry run goes through the very same writes as a real import, so its counts are exact (an
    offer that the file leaves as it was is counted unchanged, a structure named twice is
    created once); only the commit is missing. An error raised by the writes propagates and
    rolls everything back, as in a real import. Work deferred with `transaction.on_commit`
    (search index, e-mails) is dropped with the rollback.
    """
    try:
        with transaction.atomic():
            yield
            if dry_run:
                raise _DryRunDone
    except _DryRunDone:
        pass


def upsert(model: type[ModelT], *, lookup: Mapping[str, Any], values: Mapping[str, Any]) -> tuple[ModelT, Outcome]:
    """Make the one row matching `lookup` hold `values`: create it, update only the fields that
    differ, or leave it as it is; say which, so that an import's counts are exact (where
    `update_or_create` would call every row found "updated")."""
    manager = model._default_manager
    found = manager.filter(**lookup).first()
    if found is None:
        return manager.create(**lookup, **values), "created"
    changed = [name for name, value in values.items() if getattr(found, name) != value]
    if not changed:
        return found, "unchanged"
    for name in changed:
        setattr(found, name, values[name])
    found.save(update_fields=changed)
    return found, "updated"


def set_related(relation: Any, objects: Iterable[Any]) -> bool:
    """Make a many-to-many relation hold exactly `objects`; True when that changed it."""
    wanted = list(objects)
    if {obj.pk for obj in relation.all()} == {obj.pk for obj in wanted}:
        return False
    relation.set(wanted)
    return True
