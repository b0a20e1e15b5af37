"""Who may do what in ESSpresso. Each rule is one function whose docstring gives the reason.

A participant needs no account: their personal link (a secret token sent by e-mail) is their key,
and the views find the participant from it; these rules are about accounts."""

from __future__ import annotations

from typing import Any

from essaim.esspresso.models import Event


def can_organise(user: Any, event: Event) -> bool:
    """An event's organisers set it up, validate registrations, build and publish the timetable;
    the CRESS team organises every event of the platform."""
    return Event.objects.organised_by(user).filter(pk=event.pk).exists()


def can_create_event(user: Any) -> bool:
    """Creating an ESSpresso is the CRESS's call: it speaks for the regional network."""
    return bool(getattr(user, "is_platform_admin", False))


def can_see_statistics(user: Any) -> bool:
    """Figures over all events serve the CRESS's reporting to the Région and funders."""
    return bool(getattr(user, "is_platform_admin", False))
