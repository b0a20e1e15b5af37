from __future__ import annotations

from typing import Any


def can_view_catalogue_dashboard(user: Any) -> bool:
    """The gaps dashboard shows what the public searched and found nothing for, and which offers
    are stale: CRESS staff use it to steer the catalogue; it is not public."""
    return bool(getattr(user, "is_platform_admin", False))
