"""The pilot's pages: the self-diagnostic's presentation and their campaigns, opening the year's
campaign, inviting, the results as maturity, consolidation, the action plan, closing.

Every campaign page answers 404 to whoever does not pilot it (the CRESS included): a diagnostic
is private, and a 403 would confirm that it exists."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.accounts.models import normalise_email
from essaim.core.text import parse_id
from essaim.diagnostics import results as maturity
from essaim.diagnostics.documents import previous_campaign
from essaim.diagnostics.forms.pilot import ActionForm, CampaignOpenForm, InviteForm, PositionForm
from essaim.diagnostics.models import Action, Answer, Campaign, Item, Position, Theme
from essaim.diagnostics.perms import organisations_to_open
from essaim.diagnostics.regional import MIN_GROUP, peer_comparison
from essaim.diagnostics.services import (
    DiagnosticRefused,
    action_save,
    campaign_close,
    campaign_delete,
    campaign_open,
    campaign_share_with_peers,
    position_save,
    respondent_invite,
)
from essaim.diagnostics.services.campaigns import current_framework
from essaim.diagnostics.views.common import piloted_campaign
from essaim.diagnostics.vocabulary import ANSWERS, MATURITY, OUTSIDE_SCALE, ROLES

ROLE_LABELS = dict(ROLES)
ANSWER_LABELS = dict(ANSWERS)


def breadcrumb(campaign: Campaign, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Autodiagnostic", reverse("diagnostics:home")),
        (f"{campaign.organisation.name} — {campaign.year}", campaign.get_absolute_url()),
        *more,
    ]


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Public: what the self-diagnostic is; for an account, its campaigns by year and the
    structures for which it may open this year's."""
    year = timezone.localdate().year
    campaigns = list(
        Campaign.objects.piloted_by(request.user)
        .select_related("organisation")
        .order_by("-year", "organisation__name", "pk")
    )
    opened_this_year = {campaign.organisation_id for campaign in campaigns if campaign.year == year}
    to_open = [
        organisation
        for organisation in organisations_to_open(request.user).order_by("name")
        if organisation.pk not in opened_this_year
    ]
    return render(
        request,
        "diagnostics/pilot/home.html",
        {
            "by_year": [(key, list(group)) for key, group in groupby(campaigns, key=lambda campaign: campaign.year)],
            "to_open": to_open,
            "year": year,
            "advised": Campaign.objects.readable_by(request.user)
            .exclude(pk__in=[campaign.pk for campaign in campaigns])
            .select_related("organisation")
            .order_by("-year", "organisation__name"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_new(request: HttpRequest) -> HttpResponse:
    organisations = organisations_to_open(request.user).order_by("name")
    if not organisations.exists():
        raise PermissionDenied(
            "Ouvrir un autodiagnostic est réservé aux éditeurs et administrateurs d'une structure de l'annuaire."
        )
    try:
        themes = current_framework().themes.order_by("order", "pk")
    except DiagnosticRefused:
        themes = Theme.objects.none()
    initial: dict[str, Any] = {}
    chosen = parse_id(request.GET.get("structure", ""))
    if chosen is not None and organisations.filter(pk=chosen).exists():
        initial["organisation"] = chosen
    form = CampaignOpenForm(request.POST or None, organisations=organisations, themes=themes, initial=initial)
    context = {"form": form, "bank_loaded": themes.exists()}
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                campaign = campaign_open(
                    organisation=data["organisation"],
                    year=data["year"],
                    pilot=request.user,
                    pilot_role=data["pilot_role"],
                    mode=data["mode"],
                    themes=data["themes"],
                    closes_on=data["closes_on"],
                    general_meeting_on=data["general_meeting_on"],
                )
            except DiagnosticRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(
                    request, "Campagne ouverte. Invitez maintenant les personnes qui répondront avec vous."
                )
                return redirect(campaign)
        return render(request, "diagnostics/pilot/campaign_new.html", context, status=400)
    return render(request, "diagnostics/pilot/campaign_new.html", context)


def _campaign_page(
    request: HttpRequest, campaign: Campaign, *, invite_form: InviteForm | None = None, status: int = 200
) -> HttpResponse:
    items = campaign.items()
    given = Q(answers__item__in=items) & (~Q(answers__level="") | Q(answers__value__isnull=False))
    respondents = campaign.respondents.annotate(answered=Count("answers", filter=given, distinct=True)).order_by(
        "invited_at", "pk"
    )
    email = normalise_email(getattr(request.user, "email", "") or "")
    return render(
        request,
        "diagnostics/pilot/campaign.html",
        {
            "campaign": campaign,
            "themes": campaign.themes.order_by("order", "pk"),
            "respondents": respondents,
            "asked": items.count(),
            "own": campaign.respondents.filter(email=email).first() if email else None,
            "invite_form": invite_form or InviteForm(),
            "is_open": campaign.status == Campaign.Status.OPEN,
            "breadcrumb": breadcrumb(campaign)[:-1],
            "campaign_label": f"{campaign.organisation.name} — {campaign.year}",
        },
        status=status,
    )


@login_required
@require_safe
def campaign(request: HttpRequest, pk: int) -> HttpResponse:
    return _campaign_page(request, piloted_campaign(request, pk))


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            respondent = respondent_invite(
                campaign=campaign, email=data["email"], role=data["role"], name=data["name"], by=request.user
            )
        except DiagnosticRefused as refused:
            form.add_error("email", str(refused))
        else:
            messages.success(request, f"Invitation envoyée à {respondent.email}.")
            return redirect(campaign)
    return _campaign_page(request, campaign, invite_form=form, status=400)


def _results_page(
    request: HttpRequest, campaign: Campaign, *, bound: tuple[int, PositionForm] | None = None, status: int = 200
) -> HttpResponse:
    items = list(campaign.items())
    respondents = campaign.respondents.count()
    answers = list(
        Answer.objects.filter(respondent__campaign=campaign).values_list(
            "item_id", "respondent__role", "level", "value", "practices"
        )
    )
    triples = [(item, role, level) for item, role, level, _value, _practices in answers]
    positions = {position.item_id: position for position in Position.objects.filter(campaign=campaign)}
    # Last year's retained level of each item, by code (a code survives a new version of the guide).
    previous = previous_campaign(campaign)
    last_year = (
        {p.item.code: ANSWER_LABELS[p.level] for p in previous.positions.exclude(level="").select_related("item")}
        if previous
        else {}
    )
    themes = []
    for theme in campaign.themes.order_by("order", "pk"):
        questions = [item for item in items if item.domain.theme_id == theme.pk and item.kind == Item.Kind.QUESTION]
        indicators = [item for item in items if item.domain.theme_id == theme.pk and item.kind == Item.Kind.INDICATOR]
        result = maturity.theme_result(theme.title, [item.pk for item in questions], triples, respondents)
        rows = []
        for number, (item, item_result) in enumerate(zip(questions, result.items, strict=True), start=1):
            position = positions.get(item.pk)
            if bound is not None and bound[0] == item.pk:
                form = bound[1]
            else:
                initial = {"level": position.level, "comment": position.comment} if position else {}
                form = PositionForm(initial=initial, auto_id=f"id_item{item.pk}_%s")
            rows.append(
                {
                    "number": number,
                    "item": item,
                    "result": item_result,
                    "counts": [item_result.counts[value] for value, _label in ANSWERS],
                    "by_role": [
                        (ROLE_LABELS.get(role, role), [counts[value] for value, _label in ANSWERS])
                        for role, counts in item_result.by_role.items()
                    ],
                    "role_medians": [
                        (ROLE_LABELS.get(role, role), ANSWER_LABELS[level])
                        for role, level in item_result.role_medians.items()
                    ],
                    "position": position,
                    "last_year": last_year.get(item.code, ""),
                    "form": form,
                    "practices": [
                        (ROLE_LABELS.get(role, role), text)
                        for item_id, role, _level, _value, text in answers
                        if item_id == item.pk and text
                    ],
                }
            )
        themes.append(
            {
                "theme": theme,
                "result": result,
                "rows": rows,
                "chart": maturity.stacked_chart(result.items),
                "indicators": [
                    (
                        item,
                        [
                            (ROLE_LABELS.get(role, role), value)
                            for item_id, role, _level, value, _text in answers
                            if item_id == item.pk and value is not None
                        ],
                    )
                    for item in indicators
                ],
            }
        )
    return render(
        request,
        "diagnostics/pilot/results.html",
        {
            "campaign": campaign,
            "themes": themes,
            "respondents": respondents,
            "answer_labels": [label for _value, label in ANSWERS],
            "legend": [(value, label, maturity.FILLS[value]) for value, label in MATURITY + OUTSIDE_SCALE],
            "breadcrumb": breadcrumb(campaign),
            "peers": peer_comparison(campaign) if campaign.shares_with_peers else None,
            "min_group": MIN_GROUP,
        },
        status=status,
    )


@login_required
@require_safe
def results(request: HttpRequest, pk: int) -> HttpResponse:
    return _results_page(request, piloted_campaign(request, pk))


@login_required
@require_POST
def consolidate(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    asked = campaign.items().filter(pk=item).first()
    if asked is None:
        raise Http404("Cette question ne fait pas partie de la campagne.")
    form = PositionForm(request.POST, auto_id=f"id_item{asked.pk}_%s")
    if form.is_valid():
        try:
            position_save(
                campaign=campaign,
                item=asked,
                level=form.cleaned_data["level"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except DiagnosticRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Position enregistrée.")
            return redirect(reverse("diagnostics:results", args=[campaign.pk]) + f"#item-{asked.pk}")
    return _results_page(request, campaign, bound=(asked.pk, form), status=400)


@login_required
@require_safe
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    actions = list(
        campaign.actions.select_related("item", "theme").order_by(
            "theme__order", F("due_on").asc(nulls_last=True), "pk"
        )
    )
    items = list(campaign.items().filter(kind=Item.Kind.QUESTION))
    positions = {
        position.item_id: position for position in Position.objects.filter(campaign=campaign).exclude(level="")
    }
    planned = {action.item_id for action in actions if action.item_id}
    themes = []
    for theme in campaign.themes.order_by("order", "pk"):
        suggestions = []
        for item in items:
            position = positions.get(item.pk)
            if item.domain.theme_id != theme.pk or position is None:
                continue
            text = (item.suggested_actions or {}).get(position.level, "")
            if text:
                suggestions.append(
                    {
                        "item": item,
                        "level": ANSWER_LABELS[position.level],
                        "text": text,
                        "planned": item.pk in planned,
                    }
                )
        themes.append(
            {
                "theme": theme,
                "actions": [action for action in actions if action.theme_id == theme.pk],
                "suggestions": suggestions,
            }
        )
    return render(
        request,
        "diagnostics/pilot/plan.html",
        {
            "campaign": campaign,
            "themes": themes,
            "count": len(actions),
            "today": timezone.localdate(),
            "breadcrumb": breadcrumb(campaign),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int, action: int | None = None) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    existing: Action | None = None
    item: Item | None = None
    if action is not None:
        existing = campaign.actions.select_related("item__domain__theme", "theme").filter(pk=action).first()
        if existing is None:
            raise Http404("Aucune action de ce plan ici.")
        item = existing.item
    elif "item" in request.GET:
        item_id = parse_id(request.GET["item"])
        item = campaign.items().filter(pk=item_id).first() if item_id else None
        if item is None:
            raise Http404("Cette question ne fait pas partie de la campagne.")
    initial: dict[str, Any] = {}
    if existing is not None:
        initial = {
            name: getattr(existing, name)
            for name in ("title", "objective_1y", "objective_3y", "responsible", "due_on", "status", "resources")
        }
        initial["theme"] = existing.theme_id
    elif item is not None:
        position = Position.objects.filter(campaign=campaign, item=item).first()
        suggested = (item.suggested_actions or {}).get(position.level, "") if position else ""
        initial["title"] = suggested[:250]
    form = ActionForm(request.POST or None, campaign=campaign, with_theme=item is None, initial=initial)
    context = {
        "campaign": campaign,
        "form": form,
        "action": existing,
        "item": item,
        "breadcrumb": breadcrumb(campaign, ("Plan d'action", reverse("diagnostics:plan", args=[campaign.pk]))),
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = action_save(
                    campaign=campaign, data=form.cleaned_data, item=item, action=existing, by=request.user
                )
            except DiagnosticRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, f"Action « {saved.title} » enregistrée.")
                return redirect(reverse("diagnostics:plan", args=[campaign.pk]) + f"#action-{saved.pk}")
        return render(request, "diagnostics/pilot/action_edit.html", context, status=400)
    return render(request, "diagnostics/pilot/action_edit.html", context)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    try:
        campaign_close(campaign=campaign, by=request.user)
    except DiagnosticRefused as refused:
        messages.error(request, str(refused))
        return _campaign_page(request, campaign, status=400)
    messages.success(request, "Campagne close : les résultats et le plan d'action restent disponibles.")
    return redirect(campaign)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    year, name = campaign.year, campaign.organisation.name
    campaign_delete(campaign=campaign, by=request.user)
    messages.success(request, f"La campagne {year} de {name} et tout ce qu'elle contenait sont supprimés.")
    return redirect("diagnostics:home")


@login_required
@require_POST
def peers(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    share = request.POST.get("partager") == "oui"
    campaign_share_with_peers(campaign=campaign, share=share, by=request.user)
    messages.success(
        request,
        "Comparaison activée : vos niveaux retenus comptent, sans votre nom, dans ceux des structures semblables."
        if share
        else "Comparaison désactivée.",
    )
    return redirect(reverse("diagnostics:results", args=[campaign.pk]) + "#comparaison")
