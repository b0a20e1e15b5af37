"""The catalogue's spaces after login: moderation for CRESS staff, "Mes offres" for operators."""

from typing import Any

from essaim.catalog.perms import can_moderate, editable_operators
from essaim.core.registries import LandingPage, landing_pages


def _is_operator(user: Any) -> bool:
    return editable_operators(user).exists()


# Staff first: they moderate before anything else; then the operators' editors.
landing_pages.add("moderation", LandingPage("catalog:moderation", can_moderate), order=10)
landing_pages.add("mes-offres", LandingPage("catalog:my_offers", _is_operator), order=30)
