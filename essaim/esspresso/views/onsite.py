"""On the day: who arrived, who did not come to a rendez-vous, and pairs proposed on the spot to
people left free in a slot."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from essaim.core.workflows import TransitionRefused
from essaim.esspresso import services
from essaim.esspresso.directory import profile_of
from essaim.esspresso.models import Event, Participant, Seat, Slot
from essaim.esspresso.planning import appointments_of
from essaim.esspresso.services.attendance import free_at
from essaim.esspresso.suggestions import SuggestionIndex
from essaim.esspresso.views._organiser import breadcrumb, organised_event


def proposals(event: Event, slot: Slot) -> list[tuple[Participant, Participant, float]]:
    """Pairs to propose on the spot in this slot, with their score (best matching overall)."""
    free = (
        Participant.objects.filter(pk__in=[p.pk for p in free_at(event, slot)])
        .select_related("organisation__commune")
        .prefetch_related("offers", "seeks", "sectors", "sessions")
    )
    index = SuggestionIndex([profile_of(p) for p in free])

    def score(a: Participant, b: Participant) -> float:
        allowed = event.may_meet(a.kind, b.kind)
        return index.pair_score(str(a.pk), str(b.pk)) if allowed else 0.0

    return [(a, b, score(a, b)) for a, b in services.rematch_proposals(event=event, slot=slot, score=score)]


def _slot(event: Event, request: HttpRequest) -> Slot | None:
    slots = Slot.objects.filter(event=event).order_by("starts_at", "pk")
    chosen = request.GET.get("creneau") or request.POST.get("slot") or ""
    if chosen.isdigit():
        return slots.filter(pk=int(chosen)).first() or slots.first()
    return slots.first()


def _back(event: Event, slot: Slot | None, anchor: str = "") -> HttpResponse:
    url = reverse("esspresso:onsite", kwargs={"pk": event.pk})
    if slot is not None:
        url += f"?creneau={slot.pk}"
    return redirect(url + (f"#{anchor}" if anchor else ""))


@login_required
@require_safe
def onsite(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    slot = _slot(event, request)
    people = Participant.objects.confirmed().filter(event=event).select_related("organisation")
    context: dict[str, Any] = {
        "event": event,
        "slot": slot,
        "slots": Slot.objects.filter(event=event).order_by("starts_at", "pk"),
        "people": people,
        "arrived": people.filter(arrived=True).count(),
        "breadcrumb": breadcrumb(event),
    }
    if slot is not None:
        context["appointments"] = appointments_of(event).filter(slot=slot, status="planned").order_by("table__number")
        context["free"] = free_at(event, slot)
        context["proposals"] = proposals(event, slot)
    return render(request, "esspresso/organiser/onsite.html", context)


@login_required
@require_POST
def onsite_arrival(request: HttpRequest, pk: int, participant: int) -> HttpResponse:
    event = organised_event(request, pk)
    person = get_object_or_404(Participant, pk=participant, event=event)
    person = services.participant_arrival(participant=person, arrived=request.POST.get("arrived") == "1")
    messages.success(request, f"{person.full_name} : {'arrivé(e)' if person.arrived else 'pas encore arrivé(e)'}.")
    return _back(event, _slot(event, request), "arrivees")


@login_required
@require_POST
def onsite_attendance(request: HttpRequest, pk: int, seat: int) -> HttpResponse:
    event = organised_event(request, pk)
    item = get_object_or_404(
        Seat.objects.select_related("participant", "appointment"), pk=seat, appointment__event=event
    )
    value = {"present": True, "absent": False, "clear": None}.get(request.POST.get("attended", ""), "?")
    if value == "?":
        messages.error(request, "Présence inconnue : choisissez présent, absent ou effacer.")
    else:
        services.seat_attendance(seat=item, attended=value, by=request.user)  # type: ignore[arg-type]
        messages.success(request, f"Présence de {item.participant.full_name} enregistrée.")
    return _back(event, item.appointment.slot, "rendez-vous")


@login_required
@require_POST
def onsite_rematch(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    slot = _slot(event, request)
    ids = [request.POST.get("first", ""), request.POST.get("second", "")]
    if slot is None or not all(i.isdigit() for i in ids):
        messages.error(request, "Choisissez une paire proposée.")
        return _back(event, slot)
    pair = list(Participant.objects.confirmed().filter(event=event, pk__in=[int(i) for i in ids]))
    if len(pair) != 2:
        messages.error(request, "Ces deux personnes ne sont plus inscrites à l'événement.")
        return _back(event, slot)
    try:
        appointment = services.rematch_place(event=event, slot=slot, pair=(pair[0], pair[1]), by=request.user)
    except TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        where = f"à la {appointment.table}" if appointment.table else "sans table libre"
        messages.success(request, f"{pair[0].full_name} et {pair[1].full_name} se rencontrent {where}.")
    return _back(event, slot, "sur-place")
