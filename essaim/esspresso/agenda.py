"""A participant's agenda: their planned rendez-vous in time order, each with its slot, table and
partners (with what they offer and seek), as a page, an iCalendar file and a printable PDF.

Partners' e-mail addresses are only read once the organiser has published the agendas: before,
the timetable is a draft that may still change."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.core.emails import publisher_identity
from essaim.core.pdf import tagged_pdf
from essaim.esspresso.models import Appointment, Event, Participant, Seat, Slot, Table

PARIS = ZoneInfo("Europe/Paris")


@dataclass
class Partner:
    """Someone the participant meets: shown with their structure and what they offer and seek."""

    participant: Participant
    offers: list[str]
    seeks: list[str]
    sectors: list[str]
    email: str  # "" until the agendas are published


@dataclass
class AgendaRow:
    appointment: Appointment
    seat: Seat
    slot: Slot
    table: Table | None
    partners: list[Partner] = field(default_factory=list)

    @property
    def starts(self) -> datetime:
        return datetime.combine(self.appointment.event.date, self.slot.starts_at, tzinfo=PARIS)

    @property
    def ends(self) -> datetime:
        return datetime.combine(self.appointment.event.date, self.slot.ends_at, tzinfo=PARIS)


def is_published(event: Event) -> bool:
    """Whether the participants may see the timetable (the organiser published the agendas)."""
    return event.timetable_published_at is not None


def agenda_rows(participant: Participant, *, include_cancelled: bool = False) -> list[AgendaRow]:
    """The participant's rendez-vous in time order (planned only, unless `include_cancelled`)."""
    event = participant.event
    published = is_published(event)
    seats = (
        Seat.objects.filter(participant=participant, appointment__event=event)
        .select_related("appointment__slot", "appointment__table", "appointment__event")
        .order_by("appointment__slot__starts_at", "appointment__pk")
    )
    if not include_cancelled:
        seats = seats.filter(appointment__status=Appointment.Status.PLANNED)
    rows = [
        AgendaRow(appointment=seat.appointment, seat=seat, slot=seat.appointment.slot, table=seat.appointment.table)
        for seat in seats
    ]
    others = (
        Seat.objects.filter(appointment__in=[row.appointment for row in rows])
        .exclude(participant=participant)
        .select_related("participant__organisation")
        .prefetch_related("participant__offers", "participant__seeks", "participant__sectors")
        .order_by("participant__last_name", "participant__first_name")
    )
    by_appointment: dict[int, list[Partner]] = {}
    for seat in others:
        person = seat.participant
        by_appointment.setdefault(seat.appointment_id, []).append(
            Partner(
                participant=person,
                offers=[topic.label for topic in person.offers.all()],
                seeks=[topic.label for topic in person.seeks.all()],
                sectors=[sector.label for sector in person.sectors.all()],
                email=person.email if published else "",
            )
        )
    for row in rows:
        row.partners = by_appointment.get(row.appointment.pk, [])
    return rows


def calendar_uid(appointment: Appointment) -> str:
    """The same identifier at each download, so that a calendar updates the event instead of
    adding a copy."""
    host = settings.SITE_URL.split("://")[-1].split("/")[0] or "essaim"
    return f"esspresso-rdv-{appointment.pk}@{host}"


def agenda_calendar(participant: Participant, rows: list[AgendaRow], *, space_url: str) -> bytes:
    """An iCalendar file with one event per rendez-vous, in Paris time."""
    from icalendar import Calendar, Event as CalendarEvent

    event = participant.event
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//ESSpresso//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{event.title} — mes rendez-vous")
    stamp = timezone.now()
    for row in rows:
        names = ", ".join(f"{p.participant.full_name} ({p.participant.organisation.name})" for p in row.partners)
        item = CalendarEvent()
        item.add("uid", calendar_uid(row.appointment))
        item.add("dtstamp", stamp)
        item.add("dtstart", row.starts)
        item.add("dtend", row.ends)
        item.add("summary", f"Rendez-vous ESSpresso avec {names}" if names else "Rendez-vous ESSpresso")
        item.add("location", ", ".join(filter(None, [str(row.table) if row.table else "", event.place, event.address])))
        lines = [f"{event.title}."]
        for partner in row.partners:
            lines.append(f"{partner.participant.full_name}, {partner.participant.organisation.name}.")
            if partner.offers:
                lines.append("Propose : " + ", ".join(partner.offers) + ".")
            if partner.seeks:
                lines.append("Cherche : " + ", ".join(partner.seeks) + ".")
            if partner.email:
                lines.append(f"Contact : {partner.email}")
        lines.append(f"Votre espace : {space_url}")
        item.add("description", "\n".join(lines))
        calendar.add_component(item)
    return bytes(calendar.to_ical())


def agenda_pdf(participant: Participant, rows: list[AgendaRow]) -> bytes:
    """A printable agenda (venues lose signal, phones run flat): a tagged PDF in the PDF/UA
    variant, with its title and language, for screen readers."""
    html = render_to_string(
        "esspresso/agenda_print.html",
        {"participant": participant, "event": participant.event, "rows": rows, **publisher_identity()},
    )
    return tagged_pdf(html)
