from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from essaim.catalog import dashboard as dashboard_data, exports, orientation, text_search
from essaim.catalog.forms import NO_STRUCTURE, QUESTION_PREFIX, OrientationForm, SearchForm
from essaim.catalog.models import Audience, Need, Offer, OfferEvent, SearchLog, Sector, Stage
from essaim.catalog.perms import can_view_catalogue_dashboard
from essaim.catalog.presentation import describe_reasons
from essaim.catalog.search import search_offers
from essaim.catalog.services import offer_event_record, search_log_record
from essaim.core.tables import XLSX
from essaim.core.text import parse_id
from essaim.organisations.models import Organisation
from essaim.referrals import links as referral_links
from essaim.territories.models import Departement

PAGE_SIZE = 20


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    fields: tuple[str, ...]
    required: str | None
    missing: str


STEPS = (
    Step(1, "Étape du projet", ("stage",), "stage", "Choisissez l'étape où en est votre projet."),
    Step(2, "Besoins", ("needs",), "needs", "Choisissez au moins un besoin."),
    Step(3, "Statut", ("audience", "years", "employees"), "audience", "Choisissez votre statut."),
    Step(4, "Secteur", ("sector",), None, ""),
    Step(5, "Commune", ("commune",), "commune", "Indiquez la commune du projet."),
)
ANSWER_FIELDS = [name for step in STEPS for name in step.fields]


def _answer_pairs(request: HttpRequest, *, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The path's answers in the request (steps and refinement questions), but those in `skip`."""
    names = [*ANSWER_FIELDS, *sorted(key for key in request.GET if key.startswith(QUESTION_PREFIX))]
    return [(name, value) for name in names if name not in skip for value in request.GET.getlist(name) if value]


def _answers_query(request: HttpRequest, **changes: str) -> str:
    """The answers of the path as a query string (the shareable address of the path)."""
    return urlencode(_answer_pairs(request) + list(changes.items()))


def _missing_steps(form: OrientationForm) -> list[Step]:
    data = form.cleaned_data
    return [
        step for step in STEPS if step.required and not data.get(step.required) and step.required not in form.errors
    ]


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "catalog/home.html",
        {
            "stages": Stage.objects.filter(is_obsolete=False),
            "search_form": SearchForm(),
            "steps": STEPS,
            "can_view_dashboard": can_view_catalogue_dashboard(request.user),
        },
    )


@require_safe
def orientation_step(request: HttpRequest) -> HttpResponse:
    try:
        number = min(max(int(request.GET.get("etape", "1")), 1), len(STEPS))
    except ValueError:
        number = 1
    step = STEPS[number - 1]
    form = OrientationForm(request.GET)
    form.is_valid()
    step_errors = {name: form.errors[name] for name in step.fields if name in form.errors}
    if "suivant" in request.GET:
        if step.required and not step_errors and not form.cleaned_data.get(step.required):
            step_errors[step.required] = [step.missing]
        if not step_errors:
            if number == len(STEPS):
                return redirect(f"{reverse('catalog:results')}?{_answers_query(request)}")
            return redirect(f"{reverse('catalog:orientation')}?{_answers_query(request, etape=str(number + 1))}")
    audience = form.cleaned_data.get("audience")
    return render(
        request,
        "catalog/orientation_step.html",
        {
            "form": form,
            "step": step,
            "steps": STEPS,
            "fields": [form[name] for name in step.fields],
            "step_errors": step_errors,
            "hidden": _answer_pairs(request, skip=step.fields),
            "previous_query": _answers_query(request, etape=str(number - 1)) if number > 1 else "",
            "without_structure": audience is not None and audience.slug in NO_STRUCTURE,
        },
    )


@require_safe
def results(request: HttpRequest) -> HttpResponse:
    form = OrientationForm(request.GET)
    today = timezone.localdate()
    if not form.is_valid():
        return render(request, "catalog/results.html", {"form": form, "invalid": True, "steps": STEPS}, status=400)
    answers = form.answers(today)
    matches = orientation.orient(answers)
    first_contact = orientation.first_contact_offers(answers) if answers.stage == "ideation" or len(matches) < 3 else []
    groups = orientation.group(
        matches, first_contact, expanded=request.GET.get("groupe", ""), page=request.GET.get("page")
    )
    describe_reasons(groups, questions=form.questions)
    asked = orientation.questions_to_ask(matches, answers, form.questions)
    search_log_record(kind=SearchLog.Kind.ORIENTATION, criteria=_criteria(answers), result_count=len(matches))
    return render(
        request,
        "catalog/results.html",
        {
            "form": form,
            "groups": groups,
            "answers": answers,
            "missing": _missing_steps(form),
            "outside_region": form.cleaned_data["commune"] if orientation.is_outside_region(answers.place) else None,
            "steps": STEPS,
            "query": _answers_query(request),
            "refinements": [form[QUESTION_PREFIX + slug] for slug in asked],
            "refinement_hidden": _answer_pairs(request, skip=tuple(QUESTION_PREFIX + slug for slug in asked)),
            "request_url": _request_url(form),
        },
    )


def _request_url(form: OrientationForm) -> str:
    """The support request form, prefilled with the path's answers ("Être mis en relation")."""
    data = form.cleaned_data
    commune = data.get("commune")
    return referral_links.request_url(
        needs=[need.slug for need in data.get("needs") or []],
        stage=data["stage"].slug if data.get("stage") else "",
        audience=data["audience"].slug if data.get("audience") else "",
        commune=commune.code if commune else "",
        years=data.get("years"),
        employees=data.get("employees"),
        from_orientation=True,
    )


def _criteria(answers: orientation.matching.Answers) -> dict[str, object]:
    """What a search asked, without anything personal: slugs and territory codes."""
    place = answers.place
    return {
        "stage": answers.stage,
        "needs": sorted(answers.needs),
        "audience": answers.audience,
        "sector": answers.sector,
        "commune": place.commune if place else None,
        "departement": place.departement if place else None,
    }


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    today = timezone.localdate()
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    offers, terms = search_offers(data, today=today)
    page = Paginator(offers, PAGE_SIZE).get_page(request.GET.get("page"))
    if form.is_bound and request.GET.get("page") in (None, "", "1"):
        search_log_record(
            kind=SearchLog.Kind.SEARCH,
            criteria=_search_criteria(data),
            result_count=page.paginator.count,
        )
    return render(request, "catalog/search.html", {"form": form, "page": page, "terms": terms})


def _search_criteria(data: dict[str, object]) -> dict[str, str]:
    """A free search's criteria for the log: the filters, and the keywords without anything
    that could identify someone (see `text_search.loggable_words`)."""
    criteria = {key: str(value) for key, value in data.items() if key != "q" and value not in (None, "", False)}
    if words := text_search.loggable_words(str(data.get("q", ""))):
        criteria["q"] = words
    return criteria


@require_safe
def offer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    offer = get_object_or_404(Offer.objects.published().with_relations().select_related("parent"), slug=slug)
    offer_event_record(offer=offer, kind=OfferEvent.Kind.VIEW)
    today = timezone.localdate()
    instances = offer.instances.visible_on(today).select_related("operator").prefetch_related("territories")
    return render(
        request,
        "catalog/offer_detail.html",
        {
            "offer": offer,
            "instances": instances,
            "is_open": offer.is_open_on(today),
            "today": today,
            "back_to_results": _results_came_from(request),
            # A request through the platform reaches the operator's teams first: only for a
            # structure of the directory.
            "request_url": referral_links.request_url(offer=offer.pk, needs=[need.slug for need in offer.needs.all()])
            if offer.operator.is_active
            else "",
        },
    )


def _results_came_from(request: HttpRequest) -> str:
    """The list of results the visitor opened this offer from (a search or the guided path's
    results, with their query), as a relative address on this site; "" otherwise. Read from the
    Referer header, sent within the site (Django's `same-origin` referrer policy); anything
    else (another site, another page, a forged header) gives no link."""
    referer = request.headers.get("referer", "")
    if not referer or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(referer)
    if parts.path not in (reverse("catalog:search"), reverse("catalog:results")):
        return ""
    return urlunsplit(("", "", parts.path, parts.query, ""))


class _OfferLinkRedirect(HttpResponseRedirect):
    allowed_schemes = ["http", "https", "mailto"]


@require_safe
def offer_go(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """Count a click on "candidater", "contacter" or "en savoir plus", then go there. Only the
    offer's own links are followed: this is not an open redirect."""
    offer = get_object_or_404(Offer.objects.published(), slug=slug)
    targets = {
        OfferEvent.Kind.APPLY: offer.application_url,
        OfferEvent.Kind.INFO: offer.url,
        OfferEvent.Kind.CONTACT: f"mailto:{offer.contact_email}" if offer.contact_email else "",
    }
    target = targets.get(kind)  # type: ignore[call-overload]
    if not target:
        raise Http404("Lien inconnu")
    offer_event_record(offer=offer, kind=kind)
    return _OfferLinkRedirect(target)


@require_safe
def operator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    operator = get_object_or_404(Organisation.objects.active().select_related("commune__departement"), slug=slug)
    offers = operator.offers.visible_on(timezone.localdate()).with_relations()
    if not offers:
        raise Http404("Aucune offre publiée pour cet opérateur")
    return render(request, "catalog/operator_detail.html", {"operator": operator, "offers": offers})


@require_safe
def selection(request: HttpRequest) -> HttpResponse:
    """The offers a visitor kept (ids in the address, kept by the browser): a page to print and
    bring to a first meeting."""
    ids = [pk for value in request.GET.get("offres", "").split(",")[:50] if (pk := parse_id(value)) is not None]
    offers = list(Offer.objects.published().with_relations().filter(pk__in=ids).order_by("title"))
    return render(
        request,
        "catalog/selection.html",
        {"offers": offers, "asked": bool(ids), "today": timezone.localdate(), "publisher": settings.PUBLISHER_NAME},
    )


@require_safe
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The published catalogue as open data (Licence Ouverte 2.0)."""
    offers = exports.offers_for_export()
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(exports.to_csv(exports.export_rows(offers)), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(exports.export_rows(offers)),
            content_type=XLSX,
        )
    elif fmt == "json":
        response = JsonResponse(
            exports.to_data_inclusion(offers), safe=False, json_dumps_params={"ensure_ascii": False}
        )
    else:
        raise Http404("Format inconnu")
    response["Content-Disposition"] = f'attachment; filename="offres-{stamp}.{fmt}"'
    return response


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    if not can_view_catalogue_dashboard(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    departements = (
        Departement.objects.filter(region__code=settings.ESSAIM_REGION).select_related("region").order_by("code")
    )
    chosen = departements.filter(code=request.GET.get("departement", "")).first() or departements.first()
    window_start = dashboard_data.since(timezone.now())
    labels = _labels()
    return render(
        request,
        "catalog/dashboard.html",
        {
            "departements": departements,
            "table": dashboard_data.coverage_table(chosen, today) if chosen else None,
            "fruitless": [
                (_describe(criteria, labels), count)
                for criteria, count in dashboard_data.fruitless_searches(window_start)
            ],
            "activity": dashboard_data.offer_activity(window_start),
            "due": Offer.objects.due_for_review(today).select_related("operator").order_by("review_due_on")[:30],
            "broken": Offer.objects.published().filter(broken_link=True).select_related("operator")[:30],
            "weakest": dashboard_data.weakest_offers(today),
            "left_out_of_data_inclusion": exports.data_inclusion_export(exports.offers_for_export()).left_out,
            "window_days": dashboard_data.WINDOW_DAYS,
        },
    )


def _labels() -> dict[str, dict[str, str]]:
    return {
        "stage": dict(Stage.objects.values_list("slug", "label")),
        "needs": dict(Need.objects.values_list("slug", "label")),
        "audience": dict(Audience.objects.values_list("slug", "label")),
        "sector": dict(Sector.objects.values_list("slug", "label")),
    }


def _describe(criteria: dict[str, object], labels: dict[str, dict[str, str]]) -> str:
    """A search's criteria in words: "Création / lancement · Financer le démarrage · 44109"."""
    parts = []
    order = ["stage", "needs", "audience", "sector", "commune", "departement", "q"]
    for key, value in sorted(
        criteria.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
    ):
        if value in (None, "", []):
            continue
        values = value if isinstance(value, list) else [value]
        parts.extend(labels.get(key, {}).get(str(item), str(item)) for item in values)
    return " · ".join(parts) or "(aucun critère)"
