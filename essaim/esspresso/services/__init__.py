"""Every write of ESSpresso, one module per behaviour."""

from essaim.esspresso.services.attendance import (
    participant_arrival,
    rematch_place,
    rematch_proposals,
    seat_attendance,
    seat_feedback,
)
from essaim.esspresso.services.events import (
    event_hosts_set,
    event_save,
    event_sessions_save,
    event_slots_refresh,
    event_tables_set,
)
from essaim.esspresso.services.registration import (
    RegistrationRefused,
    participant_link_send,
    participant_register,
    participant_transition,
    participant_update,
    registration_organisation,
)
from essaim.esspresso.services.reminders import event_remind, events_to_remind
from essaim.esspresso.services.timetable import (
    appointment_create,
    appointment_move,
    appointment_set,
    timetable_build,
    timetable_publish,
)
from essaim.esspresso.services.wishes import WishRefused, over_requested, wish_answer, wish_create, wish_withdraw

__all__ = [
    "RegistrationRefused",
    "WishRefused",
    "appointment_create",
    "appointment_move",
    "appointment_set",
    "event_remind",
    "event_hosts_set",
    "event_save",
    "event_sessions_save",
    "event_slots_refresh",
    "event_tables_set",
    "events_to_remind",
    "over_requested",
    "participant_arrival",
    "participant_link_send",
    "participant_register",
    "participant_transition",
    "participant_update",
    "registration_organisation",
    "rematch_place",
    "rematch_proposals",
    "seat_attendance",
    "seat_feedback",
    "timetable_build",
    "timetable_publish",
    "wish_answer",
    "wish_create",
    "wish_withdraw",
]
