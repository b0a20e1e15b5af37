"""The personal space, reached through the link sent by e-mail: where one stands, the profile and
availability, cancelling, and the feedback on each rendez-vous after the event."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.workflows import TransitionRefused
from essaim.esspresso import services
from essaim.esspresso.agenda import agenda_rows, is_published
from essaim.esspresso.forms.participants import FeedbackForm, ProfileForm
from essaim.esspresso.models import Appointment, Participant, Wish
from essaim.esspresso.views.common import event_phase, is_taking_part, participant_from_token, today


def _next_step(participant: Participant, phase_code: str, counts: dict[str, int]) -> str:
    """What the person should do now, in one sentence."""
    status = participant.status
    if status == Participant.Status.PENDING:
        return "L'organisateur examine votre inscription : vous recevrez un e-mail dès qu'elle sera validée."
    if status in (Participant.Status.REFUSED, Participant.Status.CANCELLED):
        return "Vous ne participez pas à cet événement."
    if phase_code in {"registration", "requests"}:
        if counts["pending_received"]:
            return "Des participants vous ont demandé un rendez-vous : répondez-leur."
        if not counts["sent"]:
            return "Parcourez les participants et demandez vos premiers rendez-vous."
        return "Complétez vos demandes de rendez-vous avant la clôture."
    if phase_code == "scheduling":
        return "L'organisateur prépare le planning : votre agenda vous sera envoyé par e-mail."
    if phase_code in {"published", "today"}:
        return "Consultez votre agenda et imprimez-le pour le jour J."
    return "Dites-nous comment se sont passés vos rendez-vous."


@require_safe
def space(request: HttpRequest, token: str) -> HttpResponse:
    participant = participant_from_token(token)
    event = participant.event
    phase = event_phase(event, today())
    wishes = Wish.objects.filter(event=event)
    counts = {
        "sent": wishes.filter(sender=participant).count(),
        "received": wishes.filter(recipient=participant).count(),
        "pending_received": wishes.filter(recipient=participant, status=Wish.Status.PENDING).count(),
        "accepted": wishes.filter(
            Q(sender=participant) | Q(recipient=participant), status=Wish.Status.ACCEPTED
        ).count(),
        "meetings": Appointment.objects.planned().of(participant).count() if is_published(event) else 0,
    }
    return render(
        request,
        "esspresso/space.html",
        {
            "participant": participant,
            "event": event,
            "current": "space",
            "phase": phase,
            "counts": counts,
            "next_step": _next_step(participant, phase.code, counts),
            "taking_part": is_taking_part(participant),
            "published": is_published(event),
            "requests_open": event.requests_open(today()),
        },
    )


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, token: str) -> HttpResponse:
    participant = participant_from_token(token)
    event = participant.event
    closed = event.is_past(today()) or participant.status in (
        Participant.Status.CANCELLED,
        Participant.Status.REFUSED,
    )
    initial = {
        "first_name": participant.first_name,
        "last_name": participant.last_name,
        "job_title": participant.job_title,
        "phone": participant.phone,
        "kind": participant.kind,
        "offers": list(participant.offers.all()),
        "offers_text": participant.offers_text,
        "seeks": list(participant.seeks.all()),
        "seeks_text": participant.seeks_text,
        "sectors": list(participant.sectors.all()),
        "sessions": list(participant.sessions.all()),
        "max_meetings": participant.max_meetings,
        "listed": participant.listed,
    }
    form = ProfileForm(request.POST or None, event=event, initial=initial)
    status = 200
    if request.method == "POST":
        if closed:
            form.is_valid()
            form.add_error(None, "Ce profil ne peut plus être modifié.")
            status = 400
        elif form.is_valid():
            data = form.cleaned_data
            services.participant_update(
                participant=participant,
                fields=form.profile_fields(),
                offers=data["offers"],
                seeks=data["seeks"],
                sectors=data["sectors"],
                sessions=data["sessions"],
                by=request.user if request.user.is_authenticated else None,
            )
            messages.success(request, "Votre profil est enregistré.")
            return redirect("esspresso:space", token=participant.token)
        else:
            status = 400
    return render(
        request,
        "esspresso/profile.html",
        {"participant": participant, "event": event, "form": form, "closed": closed, "current": "profile"},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation, POST cancels (a link opened by a mail scanner cancels nothing)."""
    participant = participant_from_token(token)
    error = ""
    if request.method == "POST":
        try:
            services.participant_transition(
                participant=participant,
                target=Participant.Status.CANCELLED,
                roles={"self"},
                by=request.user if request.user.is_authenticated else None,
            )
        except TransitionRefused as refusal:
            error = str(refusal)
        else:
            messages.success(request, "Votre inscription est annulée. Merci de nous avoir prévenus.")
            return redirect("esspresso:space", token=participant.token)
    return render(
        request,
        "esspresso/cancel.html",
        {"participant": participant, "event": participant.event, "error": error, "current": "profile"},
        status=400 if error else 200,
    )


@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, token: str) -> HttpResponse:
    """After the event (or on the day): for each rendez-vous, did it happen, was it useful, is a
    follow-up expected. Only the forms filled in are saved."""
    participant = participant_from_token(token)
    event = participant.event
    day = today()
    # The day has come and the organiser published the agendas: no draft partner is ever shown.
    is_open = event.date <= day and is_published(event) and is_taking_part(participant)
    rows = agenda_rows(participant) if is_open else []
    forms = [(row, FeedbackForm(request.POST if request.method == "POST" else None, seat=row.seat)) for row in rows]
    error = ""
    status = 200
    if request.method == "POST":
        filled = [(row, form) for row, form in forms if form["happened"].value()]
        if not is_open:
            error = "Vous pourrez donner votre avis le jour de l'événement ou après."
        elif not filled:
            error = "Répondez au moins à la première question d'un rendez-vous."
        elif all(form.is_valid() for _, form in filled):
            try:
                for _row, form in filled:
                    data = form.cleaned_data
                    services.seat_feedback(
                        seat=form.seat,
                        happened=data["happened"] == "oui",
                        usefulness=data["usefulness"],
                        follow_up=data["follow_up"],
                    )
            except TransitionRefused as refusal:
                error = str(refusal)
            else:
                messages.success(request, "Merci ! Votre avis est enregistré.")
                return redirect("esspresso:feedback", token=participant.token)
        else:
            error = "Certaines réponses ne sont pas valides : corrigez-les ci-dessous."
        status = 400
    return render(
        request,
        "esspresso/feedback.html",
        {
            "participant": participant,
            "event": event,
            "forms": forms,
            "is_open": is_open,
            "error": error,
            "current": "agenda",
        },
        status=status,
    )
