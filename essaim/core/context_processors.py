from django.conf import settings
from django.http import HttpRequest

from essaim.core.modules import MODULES


def _current_module(request: HttpRequest) -> str:
    match = request.resolver_match
    if match is None:
        return ""
    if match.url_name == "coming_soon":
        return str(match.kwargs.get("slug", ""))
    return next((module.slug for module in MODULES if module.app == match.app_name), "")


def platform(request: HttpRequest) -> dict[str, object]:
    return {
        "current_module": _current_module(request),
        "SITE_NAME": settings.SITE_NAME,
        "PUBLISHER_NAME": settings.PUBLISHER_NAME,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "PUBLISHER_ADDRESS": settings.PUBLISHER_ADDRESS,
        "PUBLICATION_DIRECTOR": settings.PUBLICATION_DIRECTOR,
        "HOSTING_PROVIDER": settings.HOSTING_PROVIDER,
        "MODULES": MODULES,
    }
