"""The timetable as the organiser builds it: one click to compute, the grid slots × tables,
moves, locks, cancellations and rendez-vous added by hand, then publication."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.workflows import TransitionRefused
from essaim.esspresso import services
from essaim.esspresso.models import Appointment, Event, Participant
from essaim.esspresso.organiser_forms import AppointmentAddForm, PlaceForm
from essaim.esspresso.planning import agenda_counts, grid, last_run, unplaced_by_cause
from essaim.esspresso.views._organiser import breadcrumb, organised_event


@login_required
@require_safe
def timetable(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    run = last_run(event)
    return render(
        request,
        "esspresso/organiser/timetable.html",
        {
            "event": event,
            "grid": grid(event),
            "run": run,
            "causes": unplaced_by_cause(run) if run else [],
            "counts": agenda_counts(event),
            "add_form": AppointmentAddForm(event=event),
            "confirmed": Participant.objects.confirmed().filter(event=event).count(),
            "is_speed": event.format == Event.Format.SPEED,
            "is_past": event.is_past(timezone.localdate()),
            "breadcrumb": breadcrumb(event),
        },
    )


@login_required
@require_POST
def timetable_run(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    try:
        run = services.timetable_build(event=event, by=request.user)
    except TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        if event.format == Event.Format.SPEED:
            messages.success(request, f"Rotations calculées : {run.placed} rendez-vous en {run.seconds:.1f} s.")
        else:
            messages.success(
                request,
                f"{run.placed} rendez-vous placés sur un maximum possible de {run.possible}.",
            )
    return redirect("esspresso:timetable", pk=event.pk)


@login_required
@require_POST
def timetable_publish(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    try:
        sent = services.timetable_publish(event=event, by=request.user)
    except TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Agendas publiés : {sent} e-mail{'s' if sent > 1 else ''} envoyé{'s' if sent > 1 else ''}."
        )
    return redirect("esspresso:timetable", pk=event.pk)


@login_required
@require_http_methods(["GET", "POST"])
def appointment(request: HttpRequest, pk: int, appointment: int) -> HttpResponse:
    """One rendez-vous: move it (slot, table), lock or unlock it, cancel or restore it. Each POST
    says what it does in `action`."""
    event = organised_event(request, pk)
    item = get_object_or_404(
        Appointment.objects.select_related("slot", "table").prefetch_related("seats__participant__organisation"),
        pk=appointment,
        event=event,
    )
    form = PlaceForm(initial={"slot": item.slot_id, "table": item.table_id}, event=event)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "move":
                form = PlaceForm(request.POST, event=event)
                if form.is_valid():
                    services.appointment_move(
                        appointment=item,
                        slot=form.cleaned_data["slot"],
                        table=form.cleaned_data["table"],
                        by=request.user,
                    )
                    messages.success(request, "Rendez-vous déplacé (et verrouillé).")
                    return redirect("esspresso:timetable", pk=event.pk)
                status = 400
            elif action in {"lock", "unlock"}:
                services.appointment_set(appointment=item, by=request.user, locked=action == "lock")
                messages.success(
                    request, "Rendez-vous verrouillé." if action == "lock" else "Rendez-vous déverrouillé."
                )
                return redirect("esspresso:timetable", pk=event.pk)
            elif action in {"cancel", "restore"}:
                services.appointment_set(appointment=item, by=request.user, cancelled=action == "cancel")
                messages.success(request, "Rendez-vous annulé." if action == "cancel" else "Rendez-vous rétabli.")
                return redirect("esspresso:timetable", pk=event.pk)
            else:
                messages.error(request, "Action inconnue.")
                status = 400
        except TransitionRefused as exc:
            messages.error(request, str(exc))
            if action == "move":
                form.add_error(None, str(exc))
            status = 409
    return render(
        request,
        "esspresso/organiser/appointment.html",
        {"event": event, "appointment": item, "form": form, "breadcrumb": breadcrumb(event)},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def appointment_add(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    form = AppointmentAddForm(request.POST or None, event=event)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.appointment_create(
                    event=event,
                    slot=data["slot"],
                    table=data["table"],
                    participants=[data["first"], data["second"]],
                    by=request.user,
                )
            except TransitionRefused as exc:
                form.add_error(None, str(exc))
                status = 409
            else:
                messages.success(request, "Rendez-vous ajouté (et verrouillé).")
                return redirect("esspresso:timetable", pk=event.pk)
    return render(
        request,
        "esspresso/organiser/appointment_add.html",
        {"event": event, "form": form, "breadcrumb": breadcrumb(event)},
        status=status,
    )
