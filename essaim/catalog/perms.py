"""Who may do what in the catalogue. Each rule is one function whose docstring gives the reason."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from essaim.organisations.models import Organisation


def can_view_catalogue_dashboard(user: Any) -> bool:
    """The gaps dashboard shows what the public searched and found nothing for, and which offers
    are stale: CRESS staff use it to steer the catalogue; it is not public."""
    return bool(getattr(user, "is_platform_admin", False))


def editable_operators(user: Any) -> QuerySet[Organisation]:
    """Structures whose offers the user may edit: the directory's rule for writing on behalf of a
    structure (`Organisation.objects.editable_by`)."""
    return Organisation.objects.editable_by(user)


def can_edit_offer(user: Any, offer: Any) -> bool:
    """An operator keeps its own offers up to date; the CRESS may correct any offer."""
    return editable_operators(user).filter(pk=offer.operator_id).exists()


def can_moderate(user: Any) -> bool:
    """Publishing is the CRESS's decision: it vouches for what the catalogue shows the public."""
    return bool(getattr(user, "is_platform_admin", False))


def has_own_offers(user: Any) -> bool:
    """CRESS staff see every offer in moderation; "Mes offres" lists only the offers of the
    structures an operator belongs to, so staff get an empty list there, not the whole catalogue."""
    return not can_moderate(user)


def offer_roles(user: Any, offer: Any) -> set[str]:
    """The roles this person holds in the offer's workflow: "operator" for the editors of its
    structure, "cress" for CRESS staff (who may also do what operators do)."""
    roles = set()
    if can_moderate(user):
        roles |= {"cress", "operator"}
    elif can_edit_offer(user, offer):
        roles.add("operator")
    return roles
