"""The pilot's pages: the self-diagnostic's presentation and their campaigns, opening the year's
campaign, inviting, closing, deleting, the comparison with peers (results: `results.py`; the
action plan: `plan.py`).

Every campaign page answers 404 to whoever does not pilot it (the CRESS included): a diagnostic
is private, and a 403 would confirm that it exists."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.accounts.models import normalise_email
from essaim.core.text import parse_id
from essaim.diagnostics.forms.pilot import CampaignOpenForm, InviteForm
from essaim.diagnostics.models import Campaign, Theme
from essaim.diagnostics.perms import organisations_to_open
from essaim.diagnostics.services import (
    DiagnosticRefused,
    campaign_close,
    campaign_delete,
    campaign_open,
    campaign_share_with_peers,
    respondent_invite,
)
from essaim.diagnostics.services.campaigns import current_framework
from essaim.diagnostics.views.common import breadcrumb, piloted_campaign


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
