"""The read-only JSON API (v1). Thin: parse, call the modules' queries, serialise."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt

from essaim.api.openapi import openapi_document
from essaim.api.params import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_PAGE,
    ParameterError,
    boolean,
    single,
    whole_number,
)
from essaim.api.serializers import published_offers_to_dicts
from essaim.catalog import index
from essaim.catalog.forms import OrientationForm, SearchForm
from essaim.catalog.models import Offer, SearchLog
from essaim.catalog.search import search_offers
from essaim.catalog.services import search_log_record
from essaim.core.text import parse_id
from essaim.observatory import queries as observatory
from essaim.strategy import bilan_data
from essaim.strategy.models import Strategy
from essaim.strategy.snapshots import build

PAGE_SIZE = 50
SAFE_METHODS = ("GET", "HEAD")
# Parameters that are lists: `needs=a,b` or `needs=a&needs=b`.
REPEATABLE = {"needs"}
ORIENTATION_KEYS = ["stage", "needs", "audience", "sector", "commune", "years", "employees"]


def error(message: str, status: int = 400, details: dict[str, Any] | None = None) -> JsonResponse:
    body: dict[str, Any] = {"error": message}
    if details:
        body["details"] = details
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Every answer of the API is JSON readable from any origin, errors included: GET and HEAD
    only, a parameter with a NUL character or that cannot be read is a 400 with a French message."""

    @csrf_exempt  # nothing to protect: the API never writes, and refuses other methods in JSON below
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse
        if request.method not in SAFE_METHODS:
            response = error("L'API est en lecture seule : seules les méthodes GET et HEAD sont acceptées.", 405)
            response["Allow"] = ", ".join(SAFE_METHODS)
        else:
            try:
                _refuse_nul(request)
                single(dict(request.GET.lists()), repeatable=REPEATABLE)
                response = view(request, *args, **kwargs)
            except ParameterError as exc:
                response = error(exc.message, details={exc.name: [exc.message]})
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


def _refuse_nul(request: HttpRequest) -> None:
    # PostgreSQL refuses NUL in a text: it would become a server error in the first query.
    for name, values in request.GET.lists():
        if "\x00" in name:
            raise ParameterError("Un nom de paramètre contient un caractère nul.", name=name.replace("\x00", ""))
        if any("\x00" in value for value in values):
            raise ParameterError(f"Le paramètre {name} contient un caractère nul.", name=name)


def form_error(form: Form) -> JsonResponse:
    details = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
    return error("Paramètres invalides : " + ", ".join(details) + ".", details=details)


def ok(body: dict[str, Any]) -> JsonResponse:
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


@api_view
def offers(request: HttpRequest) -> JsonResponse:
    number = whole_number(request.GET.get("page"), name="page", default=1, low=1, high=MAX_PAGE)
    data = request.GET.copy()
    data["open_now"] = "true" if boolean(request.GET.get("open_now"), name="open_now") else ""
    form = SearchForm(data)
    if not form.is_valid():
        return form_error(form)
    found, _terms = search_offers(form.cleaned_data, today=timezone.localdate())
    paginator = Paginator(found.ids, PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage:
        pages = ngettext("%(n)d page", "%(n)d pages", paginator.num_pages) % {"n": paginator.num_pages}
        return error(f"Page inexistante : il y a {pages}.", status=404)
    return ok(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "results": published_offers_to_dicts(Offer.objects.filter(pk__in=page.object_list), order=page.object_list),
        }
    )


@api_view
def offer_detail(request: HttpRequest, pk: str) -> JsonResponse:
    number = parse_id(pk)
    if number is None:
        return error("L'identifiant d'une offre est un nombre entier positif.", status=404)
    found = published_offers_to_dicts(Offer.objects.published().filter(pk=number))
    if not found:
        return error("Aucune offre publiée avec cet identifiant.", status=404)
    return ok(found[0])


@api_view
def orientation_view(request: HttpRequest) -> JsonResponse:
    for name in ("years", "employees"):
        # The form's bounds, but ASCII digits only: the form's IntegerField reads "١٢" as 12.
        field = OrientationForm.base_fields[name]
        whole_number(request.GET.get(name), name=name, default=0, low=field.min_value, high=field.max_value)
    limit = whole_number(request.GET.get("limit"), name="limit", default=DEFAULT_LIMIT, low=1, high=MAX_LIMIT)
    data = request.GET.copy()
    data.setlist(
        "needs", [need.strip() for value in request.GET.getlist("needs") for need in value.split(",") if need.strip()]
    )
    form = OrientationForm(data)
    if not form.is_valid():
        return form_error(form)
    answers = form.answers(timezone.localdate())
    catalogue = index.current()
    matches = catalogue.orient(answers)
    search_log_record(
        kind=SearchLog.Kind.API,
        criteria={key: data.getlist(key) for key in ORIENTATION_KEYS},
        result_count=len(matches),
    )
    cards = catalogue.cards
    return ok(
        {
            "count": len(matches),
            "results": [
                {
                    "id": found.offer_id,
                    "external_id": cards[found.offer_id].external_id,
                    "title": cards[found.offer_id].title,
                    "operator": cards[found.offer_id].operator,
                    "offer_types": list(cards[found.offer_id].offer_types),
                    "why": [{"kind": reason.kind, "value": reason.value} for reason in found.reasons],
                    "score": found.score,
                }
                for found in matches[:limit]
            ],
        }
    )


@api_view
def strategies(request: HttpRequest) -> JsonResponse:
    """The public strategies, newest first."""
    found = Strategy.objects.public().select_related("region")
    return ok({"results": [strategy_summary(strategy) for strategy in found]})


@api_view
def strategy_detail(request: HttpRequest, code: str) -> JsonResponse:
    """A public strategy as its dashboard shows it today: tree, public actions, public
    indicators with their validated values (source and vintage)."""
    strategy = Strategy.objects.public().select_related("region").filter(code=code).first()
    if strategy is None:
        return error("Aucune stratégie publique avec ce code.", status=404)
    data = bilan_data.public_view(build(strategy, timezone.localdate(), live=True))
    return ok(
        {**strategy_summary(strategy), **{key: data[key] for key in ("counts", "nodes", "actions", "indicators")}}
    )


def strategy_summary(strategy: Strategy) -> dict[str, Any]:
    return {
        "code": strategy.code,
        "title": strategy.title,
        "short_title": strategy.short_title,
        "region": strategy.region.code,
        "starts_on": strategy.starts_on.isoformat(),
        "ends_on": strategy.ends_on.isoformat(),
        "status": strategy.status,
        "level_labels": strategy.level_labels,
        "page_url": f"{settings.SITE_URL}{strategy.get_absolute_url()}",
    }


NO_FIGURES = "Les chiffres de l'observatoire ne sont pas encore calculés (aucun import SIRENE terminé)."
UNKNOWN_LEVEL = "Niveau inconnu : region, departement, epci ou commune."


@api_view
def observatory_territory(request: HttpRequest, level: str, code: str) -> JsonResponse:
    """A territory's ESS figures, each with its source and vintage."""
    if level not in observatory.LEVEL_CODES:
        return error(UNKNOWN_LEVEL, 404)
    found = observatory.territory(level, code) if len(code) <= 9 else None
    if found is None:
        if observatory.current_import() is None:
            return error(NO_FIGURES, 404)
        return error("Aucun territoire de ce niveau avec ce code.", 404)
    return ok(found)


@api_view
def observatory_level(request: HttpRequest, level: str) -> HttpResponse:
    """Every territory of a level as CSV (semicolons, UTF-8 with a byte order mark)."""
    if level not in observatory.LEVEL_CODES:
        return error(UNKNOWN_LEVEL, 404)
    if observatory.current_import() is None:
        return error(NO_FIGURES, 404)
    response = HttpResponse(observatory.level_csv(level, french=False), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="observatoire-ess-{level}.csv"'
    return response


@api_view
def openapi(request: HttpRequest) -> JsonResponse:
    return ok(openapi_document())


@api_view
def not_found(request: HttpRequest) -> JsonResponse:
    """Any other address under the API: a JSON answer too, not the site's HTML page."""
    return error("Aucune ressource à cette adresse. La description de l'API est à /api/v1/openapi.json.", 404)
