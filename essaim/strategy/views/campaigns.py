"""Reporting campaigns, run by the co-pilots from their board."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from essaim.core.workflows import TransitionRefused
from essaim.strategy import services
from essaim.strategy.forms import CampaignForm
from essaim.strategy.models import Campaign
from essaim.strategy.views.common import CAMPAIGN_TRANSITIONS, copiloted_strategy


@login_required
@require_POST
def campaign_create(request: HttpRequest, code: str) -> HttpResponse:
    strategy = copiloted_strategy(request, code)
    form = CampaignForm(request.POST, prefix="campagne", user=request.user, strategy=strategy)
    if not form.is_valid():
        return render(
            request, "strategy/workspace/campaign_form.html", {"strategy": strategy, "form": form}, status=400
        )
    campaign = services.campaign_create(strategy=strategy, data=form.cleaned_data, by=request.user)
    messages.success(request, f"Campagne « {campaign.title} » créée. Ouvrez-la pour prévenir les référents.")
    return redirect("strategy:board", code=strategy.code)


@login_required
@require_POST
def campaign_transition(request: HttpRequest, pk: int, transition: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.select_related("strategy"), pk=pk)
    copiloted_strategy(request, campaign.strategy.code)
    target = CAMPAIGN_TRANSITIONS.get(transition)
    if target is None:
        return HttpResponse("Action inconnue.", status=400)
    try:
        if target == Campaign.Status.OPEN:
            count = services.campaign_open(campaign=campaign, by=request.user)
            asked = ngettext("%(n)d point d'avancement demandé", "%(n)d points d'avancement demandés", count) % {
                "n": count
            }
            messages.success(request, f"Campagne ouverte : {asked} aux référents.")
        else:
            services.campaign_close(campaign=campaign, by=request.user)
            messages.success(request, "Campagne close.")
    except TransitionRefused as error:
        messages.error(request, str(error))
    return redirect("strategy:board", code=campaign.strategy.code)
