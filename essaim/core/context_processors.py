from django.conf import settings
from django.http import HttpRequest

from essaim.core.registries import Module, modules


def _current_module(request: HttpRequest) -> Module | None:
    """The module whose pages these are, for the header to mark it."""
    match = request.resolver_match
    if match is None:
        return None
    return next((module for module in modules.ordered() if module.namespace == match.app_name), None)


def _can_open_admin(user: object) -> bool:
    """The administration opens to staff holding at least one permission: to anyone else it would
    answer with a refusal, so the header does not offer it."""
    if not (getattr(user, "is_active", False) and getattr(user, "is_staff", False)):
        return False
    return bool(user.get_all_permissions())  # type: ignore[attr-defined]


def platform(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "current_module": _current_module(request),
        # Called by the template only where it is needed (a callable in the context).
        "CAN_OPEN_ADMIN": lambda: _can_open_admin(user),
        "SITE_NAME": settings.SITE_NAME,
        "PUBLISHER_NAME": settings.PUBLISHER_NAME,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "PUBLISHER_ADDRESS": settings.PUBLISHER_ADDRESS,
        "PUBLICATION_DIRECTOR": settings.PUBLICATION_DIRECTOR,
        "HOSTING_PROVIDER": settings.HOSTING_PROVIDER,
        "MODULES": modules.ordered(),
        # Read by includes/map_assets.html: empty means maps draw no basemap.
        "MAP_STYLE_URL": settings.MAP_STYLE_URL,
    }
