"""The read-only JSON API (v1). Thin: parse, call the modules' queries, serialise."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.forms import Form
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from essaim.api.openapi import openapi_document
from essaim.api.serializers import published_offers_to_dicts
from essaim.catalog import index
from essaim.catalog.forms import OrientationForm, SearchForm
from essaim.catalog.models import Offer, SearchLog
from essaim.catalog.search import search_offers
from essaim.catalog.services import search_log_record
from essaim.strategy import bilan_data
from essaim.strategy.models import Strategy
from essaim.strategy.snapshots import build

PAGE_SIZE = 50
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
ORIENTATION_KEYS = ["stage", "needs", "audience", "sector", "commune", "years", "employees"]


def error(message: str, status: int = 400, details: dict[str, Any] | None = None) -> JsonResponse:
    body: dict[str, Any] = {"error": message}
    if details:
        body["details"] = details
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def form_error(form: Form) -> JsonResponse:
    details = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
    return error("Paramètres invalides : " + ", ".join(details) + ".", details=details)


def ok(body: dict[str, Any]) -> JsonResponse:
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def offers(request: HttpRequest) -> JsonResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():
        return form_error(form)
    found, _terms = search_offers(form.cleaned_data, today=timezone.localdate())
    paginator = Paginator(found.ids, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        return error("Le paramètre page doit être un nombre entier positif.", status=400)
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


@require_safe
def offer_detail(request: HttpRequest, pk: int) -> JsonResponse:
    found = published_offers_to_dicts(Offer.objects.published().filter(pk=pk))
    if not found:
        return error("Aucune offre publiée avec cet identifiant.", status=404)
    return ok(found[0])


@require_safe
def orientation_view(request: HttpRequest) -> JsonResponse:
    data = request.GET.copy()
    data.setlist(
        "needs", [need.strip() for value in request.GET.getlist("needs") for need in value.split(",") if need.strip()]
    )
    form = OrientationForm(data)
    if not form.is_valid():
        return form_error(form)
    answers = form.answers(timezone.localdate())
    limit = request.GET.get("limit", str(DEFAULT_LIMIT))
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_LIMIT:
        return error(f"limit doit être un entier entre 1 et {MAX_LIMIT}.")
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
                for found in matches[: int(limit)]
            ],
        }
    )


@require_safe
def strategies(request: HttpRequest) -> JsonResponse:
    """The public strategies, newest first."""
    found = Strategy.objects.public().select_related("region")
    return ok({"results": [strategy_summary(strategy) for strategy in found]})


@require_safe
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


@require_safe
def openapi(request: HttpRequest) -> JsonResponse:
    return ok(openapi_document())
