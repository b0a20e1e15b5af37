"""Figures for the CRESS: one event's, and over all events."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from essaim.esspresso.models import Event
from essaim.esspresso.perms import can_see_statistics
from essaim.esspresso.statistics import event_figures, event_lines, figures
from essaim.esspresso.views._organiser import breadcrumb, organised_event


@login_required
@require_safe
def event_stats(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    return render(
        request,
        "esspresso/organiser/stats.html",
        {"event": event, "figures": event_figures(event), "breadcrumb": breadcrumb(event)},
    )


@login_required
@require_safe
def stats(request: HttpRequest) -> HttpResponse:
    if not can_see_statistics(request.user):
        raise PermissionDenied("Les statistiques de tous les ESSpresso sont réservées à l'équipe de la CRESS.")
    events = Event.objects.all()
    return render(
        request,
        "esspresso/organiser/stats.html",
        {"event": None, "figures": figures(events), "lines": event_lines(events), "breadcrumb": breadcrumb()},
    )
