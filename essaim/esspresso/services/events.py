"""Setting up an event: its settings, its sessions cut into slots, its tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from essaim.core import history
from essaim.core.workflows import TransitionRefused
from essaim.esspresso.models import Appointment, Event, Session, Slot, Table


@transaction.atomic
def event_save(*, event: Event, by: Any, summary: str = "") -> Event:
    """Create or update an event, with its history."""
    if event.pk is None:
        event.save()
        history.record_event(event, by=by, summary=summary or "Création de l'événement", changes={})
        return event
    with history.tracking(event, by=by, summary=summary or "Modification de l'événement"):
        event.save()
    return event


@transaction.atomic
def event_slots_refresh(*, event: Event) -> int:
    """Cut every session into slots. Slots already holding a rendez-vous stay; the others are
    made again from the sessions' times. Returns how many slots the event has."""
    used = set(Appointment.objects.filter(event=event).values_list("slot_id", flat=True))
    Slot.objects.filter(event=event).exclude(pk__in=used).delete()
    kept = {(slot.session_id, slot.starts_at) for slot in Slot.objects.filter(event=event)}
    for session in Session.objects.filter(event=event):
        for starts_at, ends_at in session.slot_times():
            if (session.pk, starts_at) not in kept:
                Slot.objects.create(event=event, session=session, starts_at=starts_at, ends_at=ends_at)
    return Slot.objects.filter(event=event).count()


@transaction.atomic
def event_tables_set(*, event: Event, count: int, names: Sequence[str] = ()) -> None:
    """Number the tables 1 to `count` (named when `names` gives a name). Refused while a
    rendez-vous sits at a table that would go."""
    if Appointment.objects.planned().filter(event=event, table__number__gt=count).exists():
        raise TransitionRefused(
            f"Des rendez-vous sont placés au-delà de la table {count} : déplacez-les ou relancez le planning d'abord."
        )
    Table.objects.filter(event=event, number__gt=count).delete()
    for number in range(1, count + 1):
        name = names[number - 1] if number <= len(names) else ""
        Table.objects.update_or_create(event=event, number=number, defaults={"name": name})


@transaction.atomic
def event_sessions_save(*, event: Event, sessions: Any, by: Any) -> int:
    """Save the organiser's sessions (a validated inline formset), then cut them into slots.
    Returns how many slots the event has."""
    if sessions.has_changed():
        sessions.save()
        history.record_event(event, by=by, summary="Sessions modifiées", changes={})
    return event_slots_refresh(event=event)


@transaction.atomic
def event_hosts_set(*, event: Event, hosts: dict[int, Any]) -> None:
    """Give each table (by number) its host, or none; a person hosts one table at most."""
    Table.objects.filter(event=event).update(host=None)
    for number, host in hosts.items():
        if host is not None:
            Table.objects.filter(event=event, number=number).update(host=host)
