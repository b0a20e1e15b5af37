"""Bilans: taken (frozen) from the board, then published on the public dashboard or withdrawn.
The frozen document itself is built by `strategy.snapshots.build`, read by `bilan_document`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from essaim.accounts.models import User
from essaim.core.history import record, tracking
from essaim.strategy import snapshots
from essaim.strategy.models import Bilan, BilanFile, Strategy


@transaction.atomic
def bilan_take(
    *,
    strategy: Strategy,
    title: str,
    as_of: date,
    introduction: str,
    by: User | None,
    taken_at: datetime | None = None,
) -> Bilan:
    """Freeze the strategy as it stood at `as_of`; the bilan stays unpublished until reread.
    `taken_at` (now by default) is for a bilan frozen before it was entered in the platform."""
    bilan = Bilan.objects.create(
        taken_at=taken_at or timezone.now(),
        strategy=strategy,
        title=title,
        as_of=as_of,
        introduction=introduction,
        data=snapshots.build(strategy, as_of),
        taken_by=by if by is not None and by.is_authenticated else None,
    )
    record(bilan, {}, by=by, summary="Bilan figé")
    return bilan


@transaction.atomic
def bilan_publish(*, bilan: Bilan, by: User | None, at: datetime | None = None) -> None:
    """Show the bilan on the public dashboard (publishing twice keeps the first date). `at` (now
    by default) is for a bilan published before it was entered; never before it was frozen."""
    bilan = Bilan.objects.select_for_update(of=("self",)).select_related("strategy").get(pk=bilan.pk)
    if bilan.published_at is not None:
        return
    at = at or timezone.now()
    if at < bilan.taken_at:
        taken = date_format(timezone.localtime(bilan.taken_at), "j F Y")
        raise ValidationError(f"Un bilan ne peut être publié avant d'avoir été figé (le {taken}).")
    with tracking(bilan, by=by, summary="Bilan publié"):
        bilan.published_at = at
        bilan.save(update_fields=["published_at"])


@transaction.atomic
def bilan_withdraw(*, bilan: Bilan, by: User | None) -> None:
    """Take the bilan off the public dashboard; it stays readable by those who steer."""
    bilan = Bilan.objects.select_for_update(of=("self",)).select_related("strategy").get(pk=bilan.pk)
    with tracking(bilan, by=by, summary="Bilan retiré de la publication"):
        bilan.published_at = None
        bilan.save(update_fields=["published_at"])


def _fingerprint(bilan: Bilan, publisher: dict[str, str]) -> str:
    """What a bilan's file shows besides its frozen data: when it changes, the file is redone."""
    shown = [bilan.title, bilan.introduction, bilan.strategy.title, bilan.as_of.isoformat(), publisher]
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()


def bilan_file_content(
    *, bilan: Bilan, fmt: str, audience: str, publisher: dict[str, str], render: Callable[[], bytes]
) -> bytes:
    """The bilan's file in `fmt` for `audience`: the stored one when it is there and up to date,
    else `render()`ed now and stored for the next download (`BilanFile`)."""
    fingerprint = _fingerprint(bilan, publisher)
    stored = BilanFile.objects.filter(bilan=bilan, fmt=fmt, audience=audience).first()
    if stored is not None and stored.fingerprint == fingerprint:
        return bytes(stored.content)
    content = render()
    values = {"fingerprint": fingerprint, "content": content, "rendered_at": timezone.now()}
    try:
        with transaction.atomic():
            BilanFile.objects.update_or_create(bilan=bilan, fmt=fmt, audience=audience, defaults=values)
    except IntegrityError:
        pass  # another download stored the same file at the same moment: either one will do
    return content
