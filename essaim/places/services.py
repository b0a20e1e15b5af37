"""Writes to places: the one way a place is saved (admin, import, demo), with its history."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from essaim.core import history
from essaim.core.imports.report import Outcome
from essaim.organisations.models import Organisation
from essaim.places.history import PLACE_FIELDS
from essaim.places.models import Place


@transaction.atomic
def place_save(*, place: Place, by: Any, members: Iterable[Organisation] | None = None, summary: str = "") -> Outcome:
    """Save the place and, when given, make its members exactly `members`; record what changed.

    A place whose fields and members are those already stored is not written at all (its
    modification date stays), so that an import says it "unchanged". Returns "created", "updated"
    or "unchanged"."""
    # Locked: two saves at once would each record the other's change as their own.
    stored = Place.objects.select_for_update().filter(pk=place.pk).first() if place.pk else None
    wanted = list(members) if members is not None else None
    if stored is not None:
        same_fields = all(getattr(stored, name) == getattr(place, name) for name in PLACE_FIELDS)
        same_members = wanted is None or {member.pk for member in wanted} == set(
            stored.members.values_list("pk", flat=True)
        )
        if same_fields and same_members:
            return "unchanged"
    before = history.snapshot(stored) if stored is not None else {}
    place.save()
    if wanted is not None:
        place.members.set(wanted)
    changes = history.diff(before, history.snapshot(place))
    history.record_event(place, by=by, summary=summary or ("Modification" if before else "Création"), changes=changes)
    return "updated" if before else "created"
