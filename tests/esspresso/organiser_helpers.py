"""Fixtures shared by the organiser's tests: an event, its organiser, the CRESS team."""

from __future__ import annotations

from typing import Any

from tests.accounts.factories import UserFactory
from tests.esspresso.factories import make_event


def organised_event(**fields: Any) -> tuple[Any, Any]:
    """An event and an organiser (an account, not of the CRESS)."""
    event = make_event(**fields)
    organiser = UserFactory(email=f"orga{event.pk}@exemple.fr")
    event.organisers.add(organiser)
    return event, organiser


def cress() -> Any:
    return UserFactory(platform_admin=True, email="equipe@cress.example")
