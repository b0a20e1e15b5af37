"""The CRESS's referencing of partners: the teams of the network, each team's form (what it
handles, where, for whom, its advisers), and the module's settings."""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.history import entries_of
from essaim.referrals.forms.referencing import SettingsForm, TeamForm
from essaim.referrals.models import Dispatch, Referral, ReferralSettings, Team
from essaim.referrals.services.common import Labels
from essaim.referrals.services.partners import settings_save, team_save
from essaim.referrals.views.common import cress_required

HISTORY_SHOWN = 20


@cress_required
@require_safe
def team_list(request: HttpRequest) -> HttpResponse:
    open_dispatch = Q(
        dispatches__status__in=(Dispatch.Status.PENDING, Dispatch.Status.TAKEN),
        dispatches__referral__status__in=Referral.OPEN_STATES,
    )
    teams = (
        Team.objects.select_related("organisation")
        .prefetch_related("territories")
        .annotate(
            adviser_count=Count("advisers", distinct=True),
            open_requests=Count("dispatches", filter=open_dispatch, distinct=True),
        )
        .order_by("organisation__name", "name", "pk")
    )
    labels = Labels()
    groups = [
        (organisation, [(team, [labels.need(slug) for slug in team.needs]) for team in members])
        for organisation, members in groupby(teams, key=lambda team: team.organisation)
    ]
    return render(request, "referrals/referencing/teams.html", {"groups": groups, "count": len(teams)})


@cress_required
@require_http_methods(["GET", "POST"])
def team_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    team = get_object_or_404(Team.objects.select_related("organisation"), pk=pk) if pk is not None else None
    form = TeamForm(request.POST or None, team=team)
    if request.method == "POST" and form.is_valid():
        saved = team_save(
            team=team,
            data=form.team_data(),
            territories=form.territories(),
            adviser_addresses=form.cleaned_data["advisers"],
            by=request.user,
        )
        messages.success(request, "Équipe enregistrée." if team else "Équipe créée.")
        return redirect("referrals:team_edit", pk=saved.pk)
    return render(
        request,
        "referrals/referencing/team_form.html",
        {"form": form, "team": team, "history": entries_of(team)[:HISTORY_SHOWN] if team else []},
        status=400 if form.errors else 200,
    )


@cress_required
@require_http_methods(["GET", "POST"])
def settings_edit(request: HttpRequest) -> HttpResponse:
    current = ReferralSettings.current()
    form = SettingsForm(
        request.POST or None,
        initial={"max_partners": current.max_partners, "retention_months": current.retention_months},
    )
    if request.method == "POST" and form.is_valid():
        settings_save(data=form.cleaned_data, by=request.user)
        messages.success(request, "Réglages enregistrés.")
        return redirect("referrals:settings")
    return render(
        request,
        "referrals/referencing/settings.html",
        {"form": form, "history": entries_of(current)[:HISTORY_SHOWN]},
        status=400 if form.errors else 200,
    )
