"""What the history follows in ESSpresso (read by `essaim.core.history`), registered at start-up:
an event's settings, a registration's status, and each rendez-vous of the timetable."""

from __future__ import annotations

from essaim.core.history import track
from essaim.esspresso.models import Appointment, Event, Participant

track(
    Event,
    fields=[
        "title",
        "date",
        "place",
        "address",
        "scope",
        "scope_code",
        "format",
        "group_size",
        "allowed_pairs",
        "registration_closes_on",
        "requests_close_on",
        "needs_validation",
        "default_max_meetings",
        "is_published",
        "timetable_published_at",
    ],
)
track(Participant, fields=["status", "kind", "max_meetings", "listed", "arrived"])
track(Appointment, fields=["slot_id", "table_id", "status", "locked"])
