from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from essaim.territories.models import Commune

MAX_RESULTS = 15


@require_safe
def commune_search(request: HttpRequest) -> JsonResponse:
    """Suggestions for commune fields: `?q=` a name (accents optional) or the start of a code;
    `&region=52` to stay in one région."""
    communes = Commune.objects.search(request.GET.get("q", "")).select_related("departement")
    region = request.GET.get("region", "")
    if region:
        communes = communes.in_region(region[:3])
    results = [
        {
            "code": commune.code,
            "name": commune.name,
            "departement": commune.departement.code,
            "label": commune.label,
        }
        for commune in communes[:MAX_RESULTS]
    ]
    return JsonResponse({"results": results})
