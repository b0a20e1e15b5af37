"""The strategy's space after login: the steering workspace for those who steer, read or lead."""

from typing import Any

from essaim.core.registries import LandingPage, landing_pages


def _takes_part(user: Any) -> bool:
    """Co-pilots, readers (elected officials, COTECH) and leads of actions or groups."""
    return bool(user.strategy_roles.exists() or user.led_actions.exists() or user.led_bodies.exists())


landing_pages.add("pilotage", LandingPage("strategy:workspace", _takes_part), order=20)
