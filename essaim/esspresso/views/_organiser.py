"""What every organiser page needs: the event, if this person organises it, and its breadcrumb."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.urls import reverse

from essaim.esspresso.models import Event


def organised_event(request: HttpRequest, pk: int) -> Event:
    """The event, if this person organises it; otherwise a 404, so that an event one cannot
    manage is not even confirmed to exist."""
    event = Event.objects.organised_by(request.user).filter(pk=pk).first()
    if event is None:
        raise Http404("Aucun événement à organiser ici.")
    return event


def breadcrumb(event: Event | None = None) -> list[tuple[str, str]]:
    """The trail above an organiser's page: their events, then this event's dashboard."""
    links = [("Mes ESSpresso à organiser", reverse("esspresso:manage_list"))]
    if event is not None:
        links.append((event.title, reverse("esspresso:manage", kwargs={"pk": event.pk})))
    return links
