"""The organiser sets up an event (settings, sessions, tables), follows it on a dashboard and
validates the registrations."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.workflows import TransitionRefused
from essaim.esspresso import services
from essaim.esspresso.models import Appointment, Event, Participant, Wish
from essaim.esspresso.organiser_forms import EventForm, HostsForm, ParticipantFilterForm, SessionFormSet, TablesForm
from essaim.esspresso.perms import can_create_event
from essaim.esspresso.planning import agenda_counts, last_run
from essaim.esspresso.views._organiser import breadcrumb, organised_event
from essaim.esspresso.workflows import REGISTRATION

PAGE_SIZE = 200


@login_required
@require_safe
def manage_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    events = Event.objects.organised_by(request.user).annotate(
        n_participants=Count(
            "participants", filter=Q(participants__status=Participant.Status.CONFIRMED), distinct=True
        ),
        n_pending=Count("participants", filter=Q(participants__status=Participant.Status.PENDING), distinct=True),
    )
    can_create = can_create_event(request.user)
    if not can_create and not events.exists():
        raise PermissionDenied("Vous n'organisez aucun rendez-vous ESSpresso.")
    return render(
        request,
        "esspresso/organiser/manage_list.html",
        {"coming": events.coming(today), "past": events.past(today), "can_create": can_create},
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    if not can_create_event(request.user):
        raise PermissionDenied("Créer un ESSpresso est réservé à l'équipe de la CRESS.")
    form = EventForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                event = services.event_save(event=form.save(commit=False), by=request.user)
                event.organisers.add(request.user)
            messages.success(request, "Événement créé. Ajoutez maintenant ses sessions et ses tables.")
            return redirect("esspresso:room", pk=event.pk)
        return render(request, "esspresso/organiser/event_form.html", {"form": form, "event": None}, status=400)
    return render(request, "esspresso/organiser/event_form.html", {"form": form, "event": None})


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    form = EventForm(request.POST or None, instance=event)
    context: dict[str, Any] = {"form": form, "event": event, "breadcrumb": breadcrumb(event)}
    if request.method == "POST":
        if form.is_valid():
            services.event_save(event=form.save(commit=False), by=request.user)
            messages.success(request, "Modifications enregistrées.")
            return redirect("esspresso:manage", pk=event.pk)
        event.refresh_from_db()
        return render(request, "esspresso/organiser/event_form.html", context, status=400)
    return render(request, "esspresso/organiser/event_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def room(request: HttpRequest, pk: int) -> HttpResponse:
    """Sessions (cut into slots), tables, and a host per table: three forms on one page, each
    sent on its own (`part`)."""
    event = organised_event(request, pk)
    part = request.POST.get("part", "") if request.method == "POST" else ""
    sessions = SessionFormSet(request.POST if part == "sessions" else None, instance=event, prefix="sessions")
    tables = TablesForm(
        request.POST if part == "tables" else None,
        initial={
            "count": event.tables.count() or 10,
            "names": "\n".join(event.tables.order_by("number").values_list("name", flat=True)).rstrip("\n"),
        },
    )
    hosts = HostsForm(request.POST if part == "hosts" else None, event=event)
    if part == "sessions" and sessions.is_valid():
        count = services.event_sessions_save(event=event, sessions=sessions, by=request.user)
        messages.success(
            request, f"Sessions enregistrées : l'événement compte {count} créneau{'x' if count > 1 else ''}."
        )
        return redirect("esspresso:room", pk=event.pk)
    if part == "tables" and tables.is_valid():
        try:
            services.event_tables_set(
                event=event, count=tables.cleaned_data["count"], names=tables.cleaned_data["names"]
            )
        except TransitionRefused as exc:
            tables.add_error("count", str(exc))
        else:
            messages.success(request, f"{tables.cleaned_data['count']} tables enregistrées.")
            return redirect("esspresso:room", pk=event.pk)
    if part == "hosts" and hosts.is_valid():
        services.event_hosts_set(event=event, hosts=hosts.hosts())
        messages.success(request, "Hôtes des tables enregistrés.")
        return redirect("esspresso:room", pk=event.pk)
    status = 400 if part in {"sessions", "tables", "hosts"} else 200
    return render(
        request,
        "esspresso/organiser/room.html",
        {
            "event": event,
            "sessions": sessions,
            "tables": tables,
            "hosts": hosts,
            "slots": event.slots.select_related("session").order_by("starts_at", "pk"),
            "breadcrumb": breadcrumb(event),
        },
        status=status,
    )


@login_required
@require_safe
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    today = timezone.localdate()
    participants = Participant.objects.filter(event=event)
    by_status = dict(participants.values_list("status").annotate(n=Count("pk")).order_by())
    wishes = dict(Wish.objects.filter(event=event).values_list("status").annotate(n=Count("pk")).order_by())
    return render(
        request,
        "esspresso/organiser/manage.html",
        {
            "event": event,
            "phase": _phase(event, today),
            "confirmed": by_status.get(Participant.Status.CONFIRMED, 0),
            "pending_people": by_status.get(Participant.Status.PENDING, 0),
            "wishes_total": sum(wishes.values()),
            "wishes_pending": wishes.get(Wish.Status.PENDING, 0),
            "wishes_accepted": wishes.get(Wish.Status.ACCEPTED, 0),
            "over_requested": services.over_requested(event)[:20],
            "run": last_run(event),
            "counts": agenda_counts(event),
            "slot_count": event.slots.count(),
            "table_count": event.tables.count(),
            "session_count": event.sessions.count(),
            "held": Appointment.objects.held().filter(event=event).count() if event.date <= today else None,
            "breadcrumb": breadcrumb(),
        },
    )


def _phase(event: Event, today: Any) -> str:
    if event.date < today:
        return "L'événement a eu lieu : place aux retours des participants et aux statistiques."
    if event.date == today:
        return "C'est le jour J : accueil, absences et rendez-vous sur place."
    if event.timetable_published_at:
        return "Agendas publiés : chaque changement est envoyé aux personnes concernées."
    if not event.is_published:
        return "En préparation : la page publique n'est pas encore en ligne."
    if today <= event.registration_closes_on:
        return f"Inscriptions ouvertes jusqu'au {event.registration_closes_on:%d/%m/%Y}."
    if event.requests_open(today):
        return f"Demandes de rendez-vous ouvertes jusqu'au {event.requests_close_on:%d/%m/%Y}."
    return "Inscriptions et demandes closes : calculez puis publiez le planning."


@login_required
@require_safe
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    filters = ParticipantFilterForm(request.GET or None)
    people = filters.filter(
        Participant.objects.filter(event=event)
        .select_related("organisation")
        .annotate(
            n_sent=Count("wishes_sent", distinct=True),
            n_received=Count("wishes_received", distinct=True),
        )
        .order_by("last_name", "first_name", "pk")
    )
    total = people.count()
    rows = [
        (p, [(move.target, move.label) for move in REGISTRATION.allowed(p.status, roles={"organiser"})])
        for p in people[:PAGE_SIZE]
    ]
    return render(
        request,
        "esspresso/organiser/participants.html",
        {
            "event": event,
            "filters": filters,
            "rows": rows,
            "total": total,
            "truncated": total > PAGE_SIZE,
            "page_size": PAGE_SIZE,
            "breadcrumb": breadcrumb(event),
        },
    )


@login_required
@require_POST
def participant_status(request: HttpRequest, pk: int, participant: int) -> HttpResponse:
    event = organised_event(request, pk)
    person = get_object_or_404(Participant, pk=participant, event=event)
    try:
        person = services.participant_transition(
            participant=person, target=request.POST.get("to", "")[:20], roles={"organiser"}, by=request.user
        )
    except TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{person.full_name} : {person.get_status_display().lower()}.")
    return redirect("esspresso:participants", pk=event.pk)
