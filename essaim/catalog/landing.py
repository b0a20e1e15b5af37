"""Where the catalogue shows up outside its own pages: the spaces people land on after login
(moderation for CRESS staff, "Mes offres" for operators) and the link from a structure's page to
its offers."""

from typing import Any

from django.urls import reverse
from django.utils import timezone

from essaim.catalog.models import Offer
from essaim.catalog.perms import can_moderate, editable_operators
from essaim.core.registries import LandingPage, Link, landing_pages, organisation_links


def _is_operator(user: Any) -> bool:
    return editable_operators(user).exists()


# Staff first: they moderate before anything else; then the operators' editors.
landing_pages.add("moderation", LandingPage("catalog:moderation", can_moderate), order=10)
landing_pages.add("mes-offres", LandingPage("catalog:my_offers", _is_operator), order=30)


@organisation_links.register("catalog", order=10)
def offers_of(organisation: Any) -> list[Link]:
    """A link to the structure's offers open today (the operator page's own rule)."""
    count = Offer.objects.filter(operator=organisation).visible_on(timezone.localdate()).count()
    if not count:
        return []
    label = (
        "Son offre d'accompagnement ou de financement"
        if count == 1
        else f"Ses {count} offres d'accompagnement et de financement"
    )
    return [Link(label, reverse("catalog:operator", kwargs={"slug": organisation.slug}))]
