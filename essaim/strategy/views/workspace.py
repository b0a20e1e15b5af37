"""The steering workspace: each person's page (reports to write, strategies to steer) and the
co-pilots' board, from which they take and publish bilans."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from essaim.strategy import perms, services
from essaim.strategy.forms import BilanForm, CampaignForm
from essaim.strategy.models import Action, Bilan, Campaign, Decision, ProgressReport
from essaim.strategy.views.common import board_strategy, campaign_moves, copiloted_strategy as _copiloted
from essaim.strategy.vocabulary import overdue


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    user = request.user
    led = Action.objects.led_by(user)
    reports = (
        ProgressReport.objects.filter(action__in=led, campaign__status=Campaign.Status.OPEN)
        .select_related("action__strategy", "campaign")
        .order_by("campaign__due_on", "action__order")
    )
    copiloted = perms.copiloted_strategies(user)
    return render(
        request,
        "strategy/workspace/home.html",
        {
            "reports": reports,
            "actions": led.select_related("strategy").order_by("strategy", "order"),
            "copiloted": copiloted.annotate(
                to_review=Count("actions__reports", filter=Q(actions__reports__state=ProgressReport.State.SUBMITTED))
            ),
            "decisions": Decision.objects.open().filter(owner=user).select_related("meeting__body__strategy"),
            "read": perms.read_strategies(user).order_by("-starts_on"),
        },
    )


@login_required
def board(request: HttpRequest, code: str) -> HttpResponse:
    """The co-pilots' board: campaigns, reports to validate, missing reports, late actions. Readers
    see it too, without the buttons (`perms.can_view_board`)."""
    strategy = board_strategy(request, code)
    is_copilot = perms.is_copilot(request.user, strategy)
    today = timezone.localdate()
    reports = ProgressReport.objects.filter(action__strategy=strategy).select_related("action", "campaign")
    return render(
        request,
        "strategy/workspace/board.html",
        {
            "strategy": strategy,
            "campaigns": [
                (campaign, campaign_moves(campaign, today=today) if is_copilot else [])
                for campaign in strategy.campaigns.annotate(
                    total=Count("reports"),
                    missing=Count("reports", filter=Q(reports__in=ProgressReport.objects.missing())),
                    to_review=Count("reports", filter=Q(reports__in=ProgressReport.objects.awaiting_review())),
                )
            ],
            "to_review": reports.awaiting_review().order_by("submitted_at"),
            "missing": reports.missing().filter(campaign__status=Campaign.Status.OPEN).order_by("action__order"),
            "late": strategy.actions.late_on(today).select_related("pilot").order_by("planned_end", "order"),
            "overdue": overdue(ended=strategy.is_ended_on(today)),
            "bilans": strategy.bilans.all(),
            "campaign_form": CampaignForm(prefix="campagne", user=request.user, strategy=strategy),
            "bilan_form": BilanForm(initial={"as_of": today}, prefix="bilan"),
            "open_decisions": Decision.objects.open().filter(meeting__body__strategy=strategy).select_related("owner"),
            "today": today,
            "is_copilot": is_copilot,
        },
    )


@login_required
@require_POST
def bilan_create(request: HttpRequest, code: str) -> HttpResponse:
    strategy = _copiloted(request, code)
    form = BilanForm(request.POST, prefix="bilan")
    if not form.is_valid():
        return render(request, "strategy/workspace/bilan_form.html", {"strategy": strategy, "form": form}, status=400)
    bilan = services.bilan_take(strategy=strategy, by=request.user, **form.cleaned_data)
    messages.success(request, "Bilan figé. Relisez-le avant de le publier.")
    return redirect(bilan)


@login_required
@require_POST
def bilan_publication(request: HttpRequest, pk: int) -> HttpResponse:
    bilan = get_object_or_404(Bilan.objects.select_related("strategy"), pk=pk)
    _copiloted(request, bilan.strategy.code)
    if "retirer" in request.POST:
        services.bilan_withdraw(bilan=bilan, by=request.user)
        messages.success(request, "Le bilan n'est plus public.")
    else:
        services.bilan_publish(bilan=bilan, by=request.user)
        messages.success(request, "Bilan publié sur le tableau de bord public.")
    return redirect(bilan)
