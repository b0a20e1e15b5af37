"""On the day and after: who came, rendez-vous proposed on the spot to people left free, and each
person's word on each rendez-vous."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from essaim.core import history
from essaim.core.workflows import TransitionRefused
from essaim.esspresso.models import Appointment, Event, Participant, Seat, Slot, Wish
from essaim.esspresso.rematch import rematch
from essaim.esspresso.services.timetable import appointment_create


@transaction.atomic
def seat_attendance(*, seat: Seat, attended: bool | None, by: Any) -> Seat:
    """Mark someone present or absent at a rendez-vous (a no-show), or clear the mark."""
    seat.attended = attended
    seat.save(update_fields=["attended"])
    history.record_event(
        seat.appointment,
        by=by,
        summary=f"{seat.participant.full_name} : "
        + ("présent(e)" if attended else "absent(e)" if attended is False else "présence effacée"),
        changes={},
    )
    return seat


def free_at(event: Event, slot: Slot) -> list[Participant]:
    """People present today with nothing in this slot, or whose partner did not come."""
    busy = set(
        Seat.objects.filter(appointment__slot=slot, appointment__status=Appointment.Status.PLANNED)
        .exclude(appointment__seats__attended=False)
        .values_list("participant_id", flat=True)
    )
    return list(
        Participant.objects.confirmed()
        .filter(event=event, arrived=True, sessions=slot.session)
        .exclude(pk__in=busy)
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )


def rematch_proposals(*, event: Event, slot: Slot, score: Any) -> list[tuple[Participant, Participant]]:
    """Pairs to propose on the spot among the people free in this slot: the best matching by
    the suggestions' score, never two of one structure, never a pair that said "non merci", never
    a pair that already met today."""
    free = free_at(event, slot)
    by_id = {str(p.pk): p for p in free}
    forbidden = {
        frozenset((str(a), str(b)))
        for a, b in Wish.objects.filter(event=event, status=Wish.Status.DECLINED).values_list(
            "sender_id", "recipient_id"
        )
    }
    met: dict[int, set[int]] = {}
    for appointment in Appointment.objects.planned().filter(event=event).prefetch_related("seats"):
        ids = [seat.participant_id for seat in appointment.seats.all()]
        for pid in ids:
            met.setdefault(pid, set()).update(ids)
    forbidden |= {frozenset((str(a), str(b))) for a, others in met.items() for b in others if a != b}
    same_org = {
        frozenset((str(a.pk), str(b.pk)))
        for a in free
        for b in free
        if a.pk < b.pk and a.organisation_id == b.organisation_id
    }
    pairs = rematch(list(by_id), lambda a, b: score(by_id[a], by_id[b]), forbidden=forbidden | same_org)
    return [(by_id[a], by_id[b]) for a, b in pairs]


@transaction.atomic
def rematch_place(*, event: Event, slot: Slot, pair: tuple[Participant, Participant], by: Any) -> Appointment:
    """Seat a pair proposed on the spot at the first free table."""
    taken = set(Appointment.objects.planned().filter(slot=slot).values_list("table_id", flat=True))
    table = event.tables.exclude(pk__in=[t for t in taken if t]).order_by("number").first()
    return appointment_create(
        event=event, slot=slot, table=table, participants=list(pair), by=by, origin=Appointment.Origin.ON_SITE
    )


@transaction.atomic
def seat_feedback(*, seat: Seat, happened: bool, usefulness: str, follow_up: str) -> Seat:
    """A participant's word on one rendez-vous, after the event (may be given again). If either
    side says it did not happen, it counts as not held."""
    if not seat.appointment.event.is_past(timezone.localdate()) and seat.appointment.event.date != timezone.localdate():
        raise TransitionRefused("Vous pourrez donner votre avis le jour de l'événement ou après.")
    seat.happened = happened
    seat.usefulness = usefulness if happened else ""
    seat.follow_up = follow_up if happened else ""
    seat.feedback_at = timezone.now()
    seat.save(update_fields=["happened", "usefulness", "follow_up", "feedback_at"])
    return seat


def participant_arrival(*, participant: Participant, arrived: bool) -> Participant:
    """Tick (or untick) someone at the welcome desk: only those arrived are re-matched on the spot."""
    participant.arrived = arrived
    participant.save(update_fields=["arrived", "updated_at"])
    return participant
