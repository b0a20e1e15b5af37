"""The reminder of the day before: each participant of an event whose agendas are published gets
their agenda once, the day before (the mark is set by a guarded update before the e-mails leave,
so two runs the same day send it once)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from essaim.core.emails import send_templated_email
from essaim.esspresso.models import Event, Participant


def events_to_remind(today: date) -> list[Event]:
    return list(
        Event.objects.filter(
            date=today + timedelta(days=1), timetable_published_at__isnull=False, reminder_sent_at__isnull=True
        ).order_by("pk")
    )


@transaction.atomic
def event_remind(*, event: Event) -> int:
    """Send the day-before reminder of one event; 0 if another run already sent it."""
    claimed = Event.objects.filter(pk=event.pk, reminder_sent_at__isnull=True).update(reminder_sent_at=timezone.now())
    if not claimed:
        return 0
    participants = list(Participant.objects.confirmed().filter(event=event))
    for participant in participants:
        send_templated_email(
            template="emails/esspresso_reminder",
            to=[participant.email],
            context={"participant": participant, "event": event},
        )
    return len(participants)
