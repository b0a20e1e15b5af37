from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from essaim.core.middleware import InputRefused
from essaim.core.registries import figures_for


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    # The région's name comes from the `REGION` context variable that `territories` provides.
    return render(request, "core/home.html", {"figures": figures_for(settings.ESSAIM_REGION)})


@require_safe
def static_page(request: HttpRequest, template: str) -> HttpResponse:
    return render(request, template)


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and the benchmark baseline: answers once the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def _json_error(request: HttpRequest) -> bool:
    """Whether the address belongs to a JSON API (`JSON_ERROR_PATHS`), whose clients read errors
    as JSON `{"error": …}` rather than as a page."""
    return request.path.startswith(tuple(settings.JSON_ERROR_PATHS))


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _json_error(request):
        message = str(exception) if isinstance(exception, InputRefused) else "Requête incorrecte."
        body: dict[str, object] = {"error": message}
        if parameter := getattr(exception, "parameter", ""):
            body["details"] = {parameter: [message]}
        response = JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
        response["Access-Control-Allow-Origin"] = "*"
        return response
    # An InputRefused says, in French, what was refused; any other 400 keeps the general words.
    message = str(exception) if isinstance(exception, InputRefused) else ""
    return _fragment(request, "Requête refusée : rechargez la page.", 400) or render(
        request, "errors/400.html", {"message": message}, status=400
    )


def _fragment(request: HttpRequest, text: str, status: int) -> HttpResponse | None:
    """For a request made by htmx (a part of a page, such as an item saved as it is answered),
    a short French message to put in place, never a whole page inside another."""
    if request.headers.get("HX-Request") != "true":
        return None
    return HttpResponse(format_html('<span class="fragment-error">{}</span>', text), status=status)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _fragment(request, "Accès refusé : rechargez la page ou reconnectez-vous.", 403) or render(
        request, "errors/403.html", status=403
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page too old, or without its cookie: said in French (Django's page is
    in English), with what to do."""
    return _fragment(request, "Pas enregistré : la page a expiré, rechargez-la.", 403) or render(
        request, "errors/403_csrf.html", status=403
    )


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _fragment(request, "Introuvable : ce lien n'est peut-être plus valable, rechargez la page.", 404) or render(
        request, "errors/404.html", status=404
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without the request: no context processor may touch a failing database.
    return HttpResponse(render_to_string("errors/500.html"), status=500)
