"""What the participant's views share: finding the participant from their personal link, and the
phase of the event as a sentence.

A personal link (`moi/<token>/…`) is the key to one person's space: its route parameter is named
`token`, so that `core.headers` marks every such page `Cache-Control: private, no-store`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import Http404
from django.utils import timezone

from essaim.esspresso.models import Event, Participant

MAX_TOKEN_LENGTH = 64


def today() -> date:
    return timezone.localdate()


def participant_from_token(token: str) -> Participant:
    """The participant this personal link belongs to, or 404 (the French page)."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise Http404("Lien personnel inconnu.")
    participant = Participant.objects.select_related("event", "organisation", "user").filter(token=token).first()
    if participant is None:
        raise Http404("Lien personnel inconnu.")
    return participant


def is_taking_part(participant: Participant) -> bool:
    return participant.status == Participant.Status.CONFIRMED


@dataclass(frozen=True)
class Phase:
    """Where an event stands, for the participants: a short label and a sentence."""

    code: str
    label: str
    sentence: str


def event_phase(event: Event, day: date) -> Phase:
    """The phase of the event on `day`: registrations open, requests open, timetable being built,
    agendas published, the day itself, or over."""
    if event.date < day:
        return Phase("past", "Terminé", f"L'événement a eu lieu le {event.date:%d/%m/%Y}.")
    if event.date == day:
        return Phase("today", "Aujourd'hui", "L'événement a lieu aujourd'hui.")
    if event.timetable_published_at:
        return Phase("published", "Agendas publiés", "Les agendas sont publiés : retrouvez vos rendez-vous.")
    if event.registration_open(day):
        return Phase(
            "registration",
            "Inscriptions ouvertes",
            f"Inscriptions ouvertes jusqu'au {event.registration_closes_on:%d/%m/%Y}.",
        )
    if event.requests_open(day):
        return Phase(
            "requests",
            "Demandes de rendez-vous",
            f"Inscriptions closes ; demandes de rendez-vous ouvertes jusqu'au {event.requests_close_on:%d/%m/%Y}.",
        )
    return Phase("scheduling", "Planning en préparation", "Les inscriptions sont closes ; le planning se prépare.")
