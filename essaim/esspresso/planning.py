"""What the organiser reads of a timetable: the grid of slots × tables, the last run's report,
and the plan of each table to post on it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from essaim.esspresso.models import Appointment, Event, Participant, ScheduleRun, Seat, Slot, Table


@dataclass
class GridRow:
    """One slot of the grid: the rendez-vous at each table (None: table free), then those
    placed without a table."""

    slot: Slot
    cells: list[Appointment | None]
    untabled: list[Appointment] = field(default_factory=list)


@dataclass
class Grid:
    tables: list[Table]
    rows: list[GridRow]
    cancelled: list[Appointment]

    @property
    def has_untabled(self) -> bool:
        return any(row.untabled for row in self.rows)


def appointments_of(event: Event) -> Any:
    """The event's rendez-vous with what the grid shows of each."""
    seats = Seat.objects.select_related("participant__organisation").order_by("participant__last_name", "pk")
    return (
        Appointment.objects.filter(event=event)
        .select_related("slot", "table")
        .prefetch_related(Prefetch("seats", queryset=seats))
    )


def grid(event: Event) -> Grid:
    """Slots in time order, tables by number; a cancelled rendez-vous is listed apart."""
    tables = list(Table.objects.filter(event=event).select_related("host").order_by("number"))
    column = {table.pk: index for index, table in enumerate(tables)}
    rows = {slot.pk: GridRow(slot, [None] * len(tables)) for slot in Slot.objects.filter(event=event)}
    cancelled = []
    for appointment in appointments_of(event):
        if appointment.status == Appointment.Status.CANCELLED:
            cancelled.append(appointment)
            continue
        row = rows[appointment.slot_id]
        index = column.get(appointment.table_id) if appointment.table_id else None
        if index is None or row.cells[index] is not None:
            row.untabled.append(appointment)
        else:
            row.cells[index] = appointment
    ordered = sorted(rows.values(), key=lambda row: (row.slot.starts_at, row.slot.pk))
    return Grid(tables, ordered, cancelled)


def last_run(event: Event) -> ScheduleRun | None:
    return ScheduleRun.objects.filter(event=event).order_by("-created_at", "-pk").first()


def unplaced_by_cause(run: ScheduleRun) -> list[tuple[str, int]]:
    """How many requests each cause left unplaced, the most frequent first."""
    counts: dict[str, int] = defaultdict(int)
    for item in run.unplaced or []:
        counts[str(item.get("cause") or "autre")] += 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


@dataclass
class TablePlan:
    table: Table
    lines: list[tuple[Slot, list[str]]]  # each slot, and who sits at the table (empty: free)


def table_plans(event: Event) -> list[TablePlan]:
    """For each table, slot after slot, who meets whom there: the sheet posted on the table."""
    slots = list(Slot.objects.filter(event=event).order_by("starts_at", "pk"))
    at: dict[tuple[int, int], list[str]] = {}
    for appointment in appointments_of(event).filter(status=Appointment.Status.PLANNED, table__isnull=False):
        at[(appointment.table_id, appointment.slot_id)] = [  # type: ignore[index]
            f"{seat.participant.full_name} ({seat.participant.organisation.name})" for seat in appointment.seats.all()
        ]
    return [
        TablePlan(table, [(slot, at.get((table.pk, slot.pk), [])) for slot in slots])
        for table in Table.objects.filter(event=event).select_related("host").order_by("number")
    ]


def agenda_counts(event: Event) -> dict[str, int]:
    """Planned rendez-vous, people with at least one, and confirmed people with none."""
    planned = Appointment.objects.planned().filter(event=event)
    seated = set(Seat.objects.filter(appointment__in=planned).values_list("participant_id", flat=True).distinct())
    confirmed = set(Participant.objects.confirmed().filter(event=event).values_list("pk", flat=True))
    return {
        "planned": planned.count(),
        "locked": planned.filter(locked=True).count(),
        "people_seated": len(seated & confirmed),
        "people_without": len(confirmed - seated),
    }
