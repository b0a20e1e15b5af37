from django.conf import settings
from django.http import HttpRequest

from essaim.core.registries import Module, modules


def _current_module(request: HttpRequest) -> Module | None:
    """The module whose pages these are, for the header to mark it."""
    match = request.resolver_match
    if match is None:
        return None
    return next((module for module in modules.ordered() if module.namespace == match.app_name), None)


def platform(request: HttpRequest) -> dict[str, object]:
    return {
        "current_module": _current_module(request),
        "SITE_NAME": settings.SITE_NAME,
        "PUBLISHER_NAME": settings.PUBLISHER_NAME,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "PUBLISHER_ADDRESS": settings.PUBLISHER_ADDRESS,
        "PUBLICATION_DIRECTOR": settings.PUBLICATION_DIRECTOR,
        "HOSTING_PROVIDER": settings.HOSTING_PROVIDER,
        "MODULES": modules.ordered(),
    }
