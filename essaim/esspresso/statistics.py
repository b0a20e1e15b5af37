"""The CRESS's figures on ESSpresso, for one event or over all events (research note §4, item 10):
participants by type, requests and their acceptance, rendez-vous planned and held, no-shows,
satisfaction and follow-ups declared.

Definitions, so that two reports count alike:
- participants: confirmed registrations;
- acceptance rate: accepted requests / answered requests (accepted + "non merci"); pending
  requests are not answered yet;
- held: planned rendez-vous nobody was marked absent from and nobody said did not happen
  (`AppointmentQuerySet.held`);
- no-show rate: planned rendez-vous with someone marked absent / planned rendez-vous where
  attendance was recorded for at least one person (events without check-in do not count 0 %);
- satisfaction: "très" or "plutôt utile" / the opinions given on rendez-vous that happened;
- follow-ups declared: opinions announcing a contact, a proposal or a partnership."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from essaim.esspresso.models import Appointment, Event, Participant, ParticipantKind, Seat, Wish


def share(part: int, whole: int) -> float | None:
    """`part / whole` as a percentage rounded to one decimal, or None when nothing to divide."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Figures:
    events: int = 0
    participants: int = 0
    by_kind: list[tuple[str, int]] = field(default_factory=list)  # (label, count) for every type
    organisations: int = 0
    requests: int = 0
    accepted: int = 0
    declined: int = 0
    pending: int = 0
    planned: int = 0
    held: int = 0
    attendance_recorded: int = 0
    no_shows: int = 0
    opinions: int = 0
    satisfied: int = 0
    usefulness: list[tuple[str, int]] = field(default_factory=list)
    follow_ups: list[tuple[str, int]] = field(default_factory=list)
    follow_ups_declared: int = 0

    @property
    def acceptance_rate(self) -> float | None:
        return share(self.accepted, self.accepted + self.declined)

    @property
    def no_show_rate(self) -> float | None:
        return share(self.no_shows, self.attendance_recorded)

    @property
    def satisfaction_rate(self) -> float | None:
        return share(self.satisfied, self.opinions)

    @property
    def held_rate(self) -> float | None:
        return share(self.held, self.planned)


def figures(events: QuerySet[Event]) -> Figures:
    """The figures over these events together."""
    participants = Participant.objects.confirmed().filter(event__in=events)
    kinds = dict(participants.values_list("kind").annotate(n=Count("pk")).order_by())
    wishes = Wish.objects.filter(event__in=events).values("status").annotate(n=Count("pk")).order_by()
    by_status = {row["status"]: row["n"] for row in wishes}
    planned = Appointment.objects.planned().filter(event__in=events)
    recorded = planned.filter(seats__attended__isnull=False).distinct()
    seats = Seat.objects.filter(appointment__in=planned, happened=True).exclude(usefulness="")
    usefulness = dict(seats.values_list("usefulness").annotate(n=Count("pk")).order_by())
    follow = dict(
        Seat.objects.filter(appointment__in=planned, happened=True)
        .exclude(follow_up="")
        .values_list("follow_up")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Figures(
        events=events.count(),
        participants=sum(kinds.values()),
        by_kind=[(label, kinds.get(code, 0)) for code, label in ParticipantKind.choices],
        organisations=participants.values("organisation").distinct().count(),
        requests=sum(by_status.values()),
        accepted=by_status.get(Wish.Status.ACCEPTED, 0),
        declined=by_status.get(Wish.Status.DECLINED, 0),
        pending=by_status.get(Wish.Status.PENDING, 0),
        planned=planned.count(),
        held=planned.held().count(),
        attendance_recorded=recorded.count(),
        no_shows=recorded.filter(seats__attended=False).distinct().count(),
        opinions=sum(usefulness.values()),
        satisfied=usefulness.get(Seat.Usefulness.VERY, 0) + usefulness.get(Seat.Usefulness.RATHER, 0),
        usefulness=[(label, usefulness.get(code, 0)) for code, label in Seat.Usefulness.choices],
        follow_ups=[(label, follow.get(code, 0)) for code, label in Seat.FollowUp.choices],
        follow_ups_declared=sum(n for code, n in follow.items() if code != Seat.FollowUp.NONE),
    )


def event_figures(event: Event) -> Figures:
    return figures(Event.objects.filter(pk=event.pk))


@dataclass
class EventLine:
    event: Event
    participants: int
    planned: int
    held: int


def event_lines(events: QuerySet[Event]) -> list[EventLine]:
    """One line per event, most recent first, for the table over all events."""
    planned = Q(appointments__status=Appointment.Status.PLANNED)
    rows = events.annotate(
        n_participants=Count(
            "participants", filter=Q(participants__status=Participant.Status.CONFIRMED), distinct=True
        ),
        n_planned=Count("appointments", filter=planned, distinct=True),
    ).order_by("-date", "-pk")
    held: dict[Any, int] = dict(
        Appointment.objects.held()
        .filter(event__in=events)
        .values_list("event")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return [
        EventLine(event, event.n_participants, event.n_planned, held.get(event.pk, 0))  # type: ignore[attr-defined]
        for event in rows
    ]
