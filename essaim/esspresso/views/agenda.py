"""The personal agenda, once the organiser has published it: a page, an iCalendar file and a
printable PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from essaim.esspresso.agenda import agenda_calendar, agenda_pdf, agenda_rows, is_published
from essaim.esspresso.models import Participant
from essaim.esspresso.views.common import event_phase, is_taking_part, participant_from_token, today


def _agenda_page(request: HttpRequest, participant: Participant, *, status: int = 200) -> HttpResponse:
    event = participant.event
    published = is_published(event) and is_taking_part(participant)
    return render(
        request,
        "esspresso/agenda.html",
        {
            "participant": participant,
            "event": event,
            "published": published,
            "current": "agenda",
            "rows": agenda_rows(participant) if published else [],
            "phase": event_phase(event, today()),
            "feedback_open": event.date <= today(),
        },
        status=status,
    )


@require_safe
def agenda(request: HttpRequest, token: str) -> HttpResponse:
    return _agenda_page(request, participant_from_token(token))


def _filename(participant: Participant, extension: str) -> str:
    return f"agenda-{participant.event.slug}.{extension}"


@require_safe
def agenda_ics(request: HttpRequest, token: str) -> HttpResponse:
    participant = participant_from_token(token)
    if not (is_published(participant.event) and is_taking_part(participant)):
        return _agenda_page(request, participant, status=404)
    space_url = request.build_absolute_uri(reverse("esspresso:space", kwargs={"token": participant.token}))
    content = agenda_calendar(participant, agenda_rows(participant), space_url=space_url)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(participant, "ics")}"'
    return response


@require_safe
def agenda_pdf_view(request: HttpRequest, token: str) -> HttpResponse:
    participant = participant_from_token(token)
    if not (is_published(participant.event) and is_taking_part(participant)):
        return _agenda_page(request, participant, status=404)
    response = HttpResponse(agenda_pdf(participant, agenda_rows(participant)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_filename(participant, "pdf")}"'
    return response
