from essaim.esspresso.models.events import Event, ParticipantKind, Sector, Session, Slot, Table, Topic
from essaim.esspresso.models.participants import Participant, Priority, Wish
from essaim.esspresso.models.timetable import Appointment, ScheduleRun, Seat

__all__ = [
    "Appointment",
    "Event",
    "Participant",
    "ParticipantKind",
    "Priority",
    "ScheduleRun",
    "Seat",
    "Sector",
    "Session",
    "Slot",
    "Table",
    "Topic",
    "Wish",
]
