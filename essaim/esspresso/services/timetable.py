"""The timetable: built in one click by the scheduler (or the speed-meeting rotations), adjusted
by hand (move, cancel, lock, add), re-run keeping what is locked, then published to everyone."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from essaim.core import history
from essaim.core.emails import send_templated_email
from essaim.core.workflows import TransitionRefused
from essaim.esspresso import scheduler
from essaim.esspresso.models import Appointment, Event, Participant, ScheduleRun, Seat, Slot, Table, Wish
from essaim.esspresso.rotations import rotate

WEIGHTS = {"must": 2.0, "like": 1.0}
RESEND_DELAY = timedelta(minutes=1)


def person_id(participant_id: int) -> str:
    return f"p{participant_id}"


def scheduler_instance(event: Event) -> tuple[scheduler.Instance, dict[str, str]]:
    """The event as the scheduler reads it, and each person's name for its explanations."""
    participants = list(
        Participant.objects.confirmed()
        .filter(event=event)
        .prefetch_related("sessions__slots")
        .select_related("fixed_table")
    )
    slots = list(Slot.objects.filter(event=event).order_by("starts_at", "pk"))
    people = []
    for participant in participants:
        available = frozenset(slot.code for session in participant.sessions.all() for slot in session.slots.all())
        people.append(scheduler.Person(person_id(participant.pk), available, participant.max_meetings))
    kinds = {participant.pk: participant.kind for participant in participants}
    # A rendez-vous the organiser cancelled stays cancelled: the next run does not place it again.
    cancelled = {
        frozenset(seat.participant_id for seat in appointment.seats.all())
        for appointment in Appointment.objects.filter(
            event=event, status=Appointment.Status.CANCELLED
        ).prefetch_related("seats")
    }
    wishes = [
        scheduler.Wish(person_id(wish.sender_id), person_id(wish.recipient_id), WEIGHTS.get(wish.priority, 1.0))
        for wish in Wish.objects.to_schedule().filter(event=event).order_by("pk")
        if event.may_meet(kinds.get(wish.sender_id, ""), kinds.get(wish.recipient_id, ""))
        and frozenset((wish.sender_id, wish.recipient_id)) not in cancelled
    ]
    locked = []
    for appointment in (
        Appointment.objects.planned()
        .filter(event=event, locked=True)
        .prefetch_related("seats")
        .select_related("slot", "table")
    ):
        ids = sorted(person_id(seat.participant_id) for seat in appointment.seats.all())
        if len(ids) == 2:
            table = appointment.table.number if appointment.table else None
            locked.append(scheduler.Placed(appointment.slot.code, table, (ids[0], ids[1])))
    hosts = {
        person_id(host_id): number
        for number, host_id in Table.objects.filter(
            event=event, host__isnull=False, host__status=Participant.Status.CONFIRMED
        ).values_list("number", "host_id")
        if host_id is not None
    }
    table_count = Table.objects.filter(event=event).count() or None
    instance = scheduler.Instance(
        slots=tuple(slot.code for slot in slots),
        tables=table_count,
        people=tuple(people),
        wishes=tuple(wishes),
        locked=tuple(locked),
        host_tables=hosts,
    )
    labels = {person_id(participant.pk): participant.full_name for participant in participants}
    return instance, labels


@transaction.atomic
def timetable_build(*, event: Event, by: Any, time_limit: float = 10.0) -> ScheduleRun:
    """Place the accepted requests: every rendez-vous not locked is made again; the locked ones
    stay where they are. The run records what it placed against the most that could be."""
    Event.objects.select_for_update().get(pk=event.pk)
    if event.is_past(timezone.localdate()):
        raise TransitionRefused("L'événement a eu lieu : son planning ne se recalcule plus.")
    if not Slot.objects.filter(event=event).exists():
        raise TransitionRefused("L'événement n'a pas encore de créneaux : ajoutez une session d'abord.")
    if event.format == Event.Format.SPEED:
        return _rotations_build(event=event, by=by)
    instance, labels = scheduler_instance(event)
    try:
        result = scheduler.schedule(instance, time_limit=time_limit, labels=labels)
    except scheduler.InstanceError as exc:
        # Locked rendez-vous the organiser must look at again (someone changed their availability
        # since, say): the message names them, in the organiser's words.
        raise TransitionRefused("Le planning ne peut pas être calculé : " + _readable(str(exc), event, labels)) from exc
    locked = {(placed.slot, placed.participants) for placed in instance.locked}
    _replace_unlocked(
        event,
        [
            (placed.slot, placed.table, placed.participants)
            for placed in result.meetings
            if (placed.slot, placed.participants) not in locked
        ],
        origin=Appointment.Origin.SCHEDULER,
    )
    return ScheduleRun.objects.create(
        event=event,
        by=by if getattr(by, "is_authenticated", False) else None,
        placed=len(result.meetings),
        possible=scheduler.meeting_count_bound(instance),
        value=result.value,
        upper_bound=result.upper_bound,
        unplaced=[
            {
                "participants": [labels.get(pid, pid) for pid in item.participants],
                "cause": item.cause,
                "reason": item.reason,
            }
            for item in result.unplaced
        ],
        seconds=result.seconds,
    )


def _readable(message: str, event: Event, labels: dict[str, str]) -> str:
    """A scheduler message with people and slots named as the organiser knows them."""
    names = {**labels, **{slot.code: str(slot) for slot in Slot.objects.filter(event=event)}}
    return re.sub(r"\b[ps]\d+\b", lambda match: names.get(match.group(0), match.group(0)), message)


def _rotations_build(*, event: Event, by: Any) -> ScheduleRun:
    """Speed-meeting: everyone meets as many people as the slots allow, in pairs or at tables."""
    participants = list(Participant.objects.confirmed().filter(event=event).order_by("pk"))
    slots = list(Slot.objects.filter(event=event).order_by("starts_at", "pk"))
    started = timezone.now()
    rotation = rotate(
        [person_id(p.pk) for p in participants],
        {person_id(p.pk): str(p.organisation_id) for p in participants},
        rounds=len(slots),
        table_size=max(2, event.group_size),
    )
    meetings = [
        (slots[index].code, None, group)
        for index, round_tables in enumerate(rotation.rounds)
        for group in round_tables
        if len(group) >= 2
    ]
    _replace_unlocked(event, meetings, origin=Appointment.Origin.ROTATION)
    n = len(participants)
    possible_pairs = n * (n - 1) // 2
    met = {frozenset((a, b)) for _, _, group in meetings for a in group for b in group if a < b}
    return ScheduleRun.objects.create(
        event=event,
        by=by if getattr(by, "is_authenticated", False) else None,
        placed=len(meetings),
        possible=len(meetings),
        value=float(len(met)),
        upper_bound=float(possible_pairs),
        repeated_pairs=rotation.repeated_pairs,
        seconds=(timezone.now() - started).total_seconds(),
    )


def _replace_unlocked(
    event: Event, meetings: Sequence[tuple[str, int | None, tuple[str, ...]]], *, origin: str
) -> None:
    """Delete the rendez-vous that are not locked, then create these, each at a table (the
    scheduler's number, else the first free table of its slot). Once agendas are published,
    whoever's agenda differs afterwards is told."""
    before = _agendas(event)
    Appointment.objects.filter(event=event, locked=False).delete()
    slots = {slot.code: slot for slot in Slot.objects.filter(event=event)}
    tables = {table.number: table for table in Table.objects.filter(event=event)}
    taken: dict[str, set[int]] = defaultdict(set)
    for appointment in (
        Appointment.objects.planned().filter(event=event, table__isnull=False).select_related("slot", "table")
    ):
        taken[appointment.slot.code].add(appointment.table.number)  # type: ignore[union-attr]
    seats = []
    for code, number, group in meetings:
        if number is None or number not in tables:
            free = [n for n in sorted(tables) if n not in taken[code]]
            number = free[0] if free else None
        if number is not None:
            taken[code].add(number)
        appointment = Appointment.objects.create(
            event=event, slot=slots[code], table=tables.get(number) if number else None, origin=origin
        )
        seats += [Seat(appointment=appointment, participant_id=int(pid[1:])) for pid in group]
    Seat.objects.bulk_create(seats)
    if event.timetable_published_at:
        after = _agendas(event)
        _changed(event, {pid for pid in before.keys() | after.keys() if before.get(pid) != after.get(pid)})


def _agendas(event: Event) -> dict[int, set[tuple[int, int | None, frozenset[int]]]]:
    """Each participant's planned rendez-vous as (slot, table, people), to compare two states."""
    groups: dict[int, set[int]] = defaultdict(set)
    where: dict[int, tuple[int, int | None]] = {}
    for seat in Seat.objects.filter(
        appointment__event=event, appointment__status=Appointment.Status.PLANNED
    ).select_related("appointment"):
        groups[seat.appointment_id].add(seat.participant_id)
        where[seat.appointment_id] = (seat.appointment.slot_id, seat.appointment.table_id)
    agendas: dict[int, set[tuple[int, int | None, frozenset[int]]]] = defaultdict(set)
    for appointment_id, people in groups.items():
        for pid in people:
            agendas[pid].add((*where[appointment_id], frozenset(people)))
    return dict(agendas)


def pair_problem(participants: Sequence[Participant]) -> str:
    """Why these people may not be seated together by hand or on the spot (the rules the
    scheduler keeps too), or "": two of one structure, or a pair that said "non merci"."""
    for index, a in enumerate(participants):
        for b in participants[index + 1 :]:
            if a.organisation_id == b.organisation_id:
                return f"{a.full_name} et {b.full_name} représentent la même structure."
            if Wish.objects.between(a, b).filter(status=Wish.Status.DECLINED).exists():
                return f"Un « non merci » a été répondu entre {a.full_name} et {b.full_name}."
    return ""


def busy_problem(*, slot: Slot, participant_ids: list[int], ignore: int | None = None) -> str:
    """Why these people cannot meet in this slot (already busy, not available), or "". A
    rendez-vous someone was marked absent from no longer holds its people: they may be re-matched."""
    others = (
        Appointment.objects.planned()
        .filter(slot=slot, seats__participant_id__in=participant_ids)
        .exclude(seats__attended=False)
    )
    if ignore:
        others = others.exclude(pk=ignore)
    busy = Participant.objects.filter(pk__in=participant_ids, seats__appointment__in=others).distinct()
    if busy:
        return "Déjà pris à ce créneau : " + ", ".join(p.full_name for p in busy) + "."
    away = Participant.objects.filter(pk__in=participant_ids).exclude(sessions=slot.session)
    if away:
        return "Pas disponible à ce créneau : " + ", ".join(p.full_name for p in away) + "."
    return ""


def table_problem(*, slot: Slot, table: Table | None, ignore: int | None = None) -> str:
    if table is None:
        return ""
    taken = Appointment.objects.planned().filter(slot=slot, table=table)
    if ignore:
        taken = taken.exclude(pk=ignore)
    return f"La {table} est déjà occupée à ce créneau." if taken.exists() else ""


@transaction.atomic
def appointment_move(*, appointment: Appointment, slot: Slot, table: Table | None, by: Any) -> Appointment:
    """Move a rendez-vous to another slot or table (`TransitionRefused` says why not). A moved
    rendez-vous is locked: the next run keeps it where the organiser put it."""
    ids = list(appointment.seats.values_list("participant_id", flat=True))
    problem = busy_problem(slot=slot, participant_ids=ids, ignore=appointment.pk) or table_problem(
        slot=slot, table=table, ignore=appointment.pk
    )
    if problem:
        raise TransitionRefused(problem)
    with history.tracking(appointment, by=by, summary="Rendez-vous déplacé"):
        appointment.slot, appointment.table, appointment.locked = slot, table, True
        appointment.save(update_fields=["slot", "table", "locked"])
    if appointment.event.timetable_published_at:
        _changed(appointment.event, set(ids))
    return appointment


@transaction.atomic
def appointment_create(
    *, event: Event, slot: Slot, table: Table | None, participants: list[Participant], by: Any, origin: str = "manual"
) -> Appointment:
    """Place a rendez-vous by hand (locked), or on the spot for people who are free."""
    ids = [p.pk for p in participants]
    if len(set(ids)) < 2:
        raise TransitionRefused("Un rendez-vous réunit au moins deux personnes différentes.")
    problem = pair_problem(participants)
    if problem:
        raise TransitionRefused(problem)
    problem = busy_problem(slot=slot, participant_ids=ids) or table_problem(slot=slot, table=table)
    if problem:
        raise TransitionRefused(problem)
    appointment = Appointment.objects.create(event=event, slot=slot, table=table, origin=origin, locked=True)
    Seat.objects.bulk_create([Seat(appointment=appointment, participant=p) for p in participants])
    history.record_event(appointment, by=by, summary="Rendez-vous ajouté", changes={"slot_id": [None, slot.pk]})
    if event.timetable_published_at:
        _changed(event, set(ids))
    return appointment


@transaction.atomic
def appointment_set(
    *, appointment: Appointment, by: Any, locked: bool | None = None, cancelled: bool | None = None
) -> Appointment:
    """Lock or unlock, cancel or restore a rendez-vous."""
    summary = "Rendez-vous verrouillé" if locked else "Rendez-vous déverrouillé" if locked is not None else ""
    with history.tracking(
        appointment, by=by, summary=summary or ("Rendez-vous annulé" if cancelled else "Rendez-vous rétabli")
    ):
        if locked is not None:
            appointment.locked = locked
        if cancelled is not None:
            if not cancelled:
                ids = list(appointment.seats.values_list("participant_id", flat=True))
                problem = busy_problem(slot=appointment.slot, participant_ids=ids, ignore=appointment.pk)
                if problem:
                    raise TransitionRefused(problem)
            appointment.status = Appointment.Status.CANCELLED if cancelled else Appointment.Status.PLANNED
            appointment.locked = True  # a cancellation survives the next run
        appointment.save(update_fields=["locked", "status"])
    if cancelled is not None and appointment.event.timetable_published_at:
        _changed(appointment.event, set(appointment.seats.values_list("participant_id", flat=True)))
    return appointment


def appointments_cancel_for(*, participant: Participant, by: Any) -> int:
    """Cancel the planned rendez-vous of someone who no longer takes part."""
    count = 0
    for appointment in Appointment.objects.planned().of(participant):
        appointment_set(appointment=appointment, by=by, cancelled=True)
        count += 1
    return count


@transaction.atomic
def timetable_publish(*, event: Event, by: Any) -> int:
    """Send every participant their agenda; from now on each change is e-mailed to those it
    concerns. Returns how many people were written to."""
    stored = Event.objects.select_for_update().get(pk=event.pk)
    if stored.timetable_published_at and timezone.now() - stored.timetable_published_at < RESEND_DELAY:
        # A double click (or two organisers at once) sends the agendas once.
        raise TransitionRefused("Les agendas viennent d'être envoyés : attendez une minute avant de les renvoyer.")
    if event.is_past(timezone.localdate()):
        raise TransitionRefused("L'événement a eu lieu : les agendas ne s'envoient plus.")
    if not Appointment.objects.planned().filter(event=event).exists():
        raise TransitionRefused("Le planning est vide : lancez d'abord le calcul des rendez-vous.")
    with history.tracking(event, by=by, summary="Agendas publiés"):
        event.timetable_published_at = timezone.now()
        event.save(update_fields=["timetable_published_at"])
    participants = list(Participant.objects.confirmed().filter(event=event))
    for participant in participants:
        send_templated_email(
            template="emails/esspresso_agenda_published",
            to=[participant.email],
            context={"participant": participant, "event": event},
        )
    return len(participants)


def _changed(event: Event, participant_ids: set[int]) -> None:
    """Tell these people their published agenda changed (one e-mail each, after the commit)."""
    for participant in Participant.objects.confirmed().filter(pk__in=participant_ids):
        send_templated_email(
            template="emails/esspresso_agenda_changed",
            to=[participant.email],
            context={"participant": participant, "event": event},
        )
