from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from essaim.territories.models import Region


def region(request: HttpRequest) -> dict[str, object]:
    """`REGION`: the région this platform serves (`ESSAIM_REGION`), or nothing before the
    territories are loaded. Looked up only by the pages that show it."""
    return {"REGION": SimpleLazyObject(lambda: Region.objects.filter(code=settings.ESSAIM_REGION).first())}
