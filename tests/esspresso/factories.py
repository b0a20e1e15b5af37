"""ESSpresso test data.

Usage:
    event = make_event(days_ahead=20, sessions=[("Matinée", "09:00", "12:00")], tables=10)
    alice = make_participant(event, "Alice", kind="ess", offers=["restauration"])
    make_wish(alice, bob, status="accepted")
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from django.utils import timezone

from essaim.core.taxonomies import load_taxonomy
from essaim.esspresso.models import Event, Participant, Sector, Session, Topic, Wish
from essaim.esspresso.reference import DATA
from essaim.esspresso.services import event_slots_refresh, event_tables_set
from tests.organisations.factories import OrganisationFactory


def load_esspresso_taxonomies() -> None:
    load_taxonomy(Sector, DATA / "sectors.csv")
    load_taxonomy(Topic, DATA / "topics.csv")


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def make_event(
    title: str = "ESSpresso de test",
    *,
    days_ahead: int = 30,
    sessions: list[tuple[str, str, str]] = (("Matinée", "09:00", "10:40"),),  # type: ignore[assignment]
    meeting_minutes: int = 20,
    break_minutes: int = 5,
    tables: int = 10,
    **fields: Any,
) -> Event:
    """An event `days_ahead` days from today, published, registrations and requests open until
    the day before, with its sessions cut into slots (09:00–10:40 gives 4 slots of 20 minutes)."""
    day = timezone.localdate() + timedelta(days=days_ahead)
    fields.setdefault("place", "Maison de l'ESS")
    fields.setdefault("is_published", True)
    fields.setdefault("registration_closes_on", min(day, day - timedelta(days=1)) if days_ahead > 0 else day)
    fields.setdefault("requests_close_on", fields["registration_closes_on"])
    event = Event.objects.create(title=title, date=day, **fields)
    for label, start, end in sessions:
        Session.objects.create(
            event=event,
            label=label,
            starts_at=_time(start),
            ends_at=_time(end),
            meeting_minutes=meeting_minutes,
            break_minutes=break_minutes,
        )
    event_slots_refresh(event=event)
    event_tables_set(event=event, count=tables)
    return event


def make_participant(
    event: Event,
    first_name: str,
    *,
    kind: str = "ess",
    organisation: Any = None,
    offers: list[str] = (),  # type: ignore[assignment]
    seeks: list[str] = (),  # type: ignore[assignment]
    sessions: list[Session] | None = None,
    **fields: Any,
) -> Participant:
    fields.setdefault("last_name", "Test")
    fields.setdefault("email", f"{first_name.lower()}.{event.pk}@exemple.fr")
    participant = Participant.objects.create(
        event=event,
        organisation=organisation or OrganisationFactory(name=f"Structure de {first_name}"),
        first_name=first_name,
        kind=kind,
        **fields,
    )
    participant.offers.set(Topic.objects.filter(slug__in=offers))
    participant.seeks.set(Topic.objects.filter(slug__in=seeks))
    participant.sessions.set(sessions if sessions is not None else list(event.sessions.all()))
    return participant


def make_wish(sender: Participant, recipient: Participant, *, priority: str = "like", status: str = "accepted") -> Wish:
    return Wish.objects.create(event=sender.event, sender=sender, recipient=recipient, priority=priority, status=status)


def today() -> date:
    return timezone.localdate()
