from __future__ import annotations

from typing import Any


def can_view_catalogue_dashboard(user: Any) -> bool:
    """The gaps dashboard shows what the public searched and found nothing for, and which offers
    are stale: CRESS staff use it to steer the catalogue; it is not public."""
    return bool(getattr(user, "is_platform_admin", False))


def editable_operators(user: Any) -> Any:
    """Structures whose offers the user may edit: those where they are admin or editor; all
    structures for CRESS staff, hidden ones included (a suggestion may name a structure the
    directory did not know, created hidden until the CRESS checks it)."""
    from essaim.organisations.models import Membership, Organisation

    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    if user.is_platform_admin:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR]
    ).distinct()


def can_edit_offer(user: Any, offer: Any) -> bool:
    """An operator keeps its own offers up to date; the CRESS may correct any offer."""
    return editable_operators(user).filter(pk=offer.operator_id).exists()


def can_moderate(user: Any) -> bool:
    """Publishing is the CRESS's decision: it vouches for what the catalogue shows the public."""
    return bool(getattr(user, "is_platform_admin", False))
