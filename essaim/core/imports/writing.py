"""The one way an import writes: every row in one transaction; a dry run rolls it back at the end."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


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
