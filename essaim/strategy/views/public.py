"""What the public (and, with more detail, the people who steer) read: the dashboard, the
actions, the indicators, the bilans. Read-only: GET and HEAD only."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.core.history import entries_of
from essaim.core.text import parse_id
from essaim.strategy import bilan_data, perms
from essaim.strategy.bilan_document import read_bilan
from essaim.strategy.models import (
    Action,
    Bilan,
    Decision,
    IndicatorValue,
    Milestone,
    ProgressReport,
    Strategy,
)
from essaim.strategy.snapshots import build
from essaim.strategy.views.common import LABELS, dashboard_data, strategy_for
from essaim.strategy.vocabulary import overdue


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The strategies this person may see, each with how many of its actions are done."""
    rows = []
    for strategy in Strategy.objects.select_related("region").with_role_of(request.user):
        if perms.can_view_strategy(request.user, strategy):
            actions = perms.visible_actions(request.user, strategy)
            rows.append((strategy, actions.count(), actions.filter(status=Action.Status.DONE).count()))
    return render(request, "strategy/index.html", {"rows": rows})


@require_safe
def detail(request: HttpRequest, code: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    today = timezone.localdate()
    context = dashboard_data(request, strategy, build(strategy, today, live=True))
    context.update(
        strategy=strategy,
        bilan=strategy.bilans.filter(published_at__isnull=False).first(),
        timeline=timeline(strategy, internal=context["internal"]),
        is_copilot=perms.is_copilot(request.user, strategy),
        plans=strategy.plans.all(),
    )
    return render(request, "strategy/detail.html", context)


def timeline(strategy: Strategy, *, internal: bool, limit: int = 12) -> list[dict[str, Any]]:
    """What was done lately: validated reports, milestones reached, decisions carried out."""
    actions = strategy.actions.all() if internal else strategy.actions.filter(is_public=True)
    events: list[dict[str, Any]] = []
    reports = ProgressReport.objects.validated().filter(action__in=actions).select_related("action__strategy")
    for report in reports.order_by("-reviewed_at")[:limit]:
        events.append(
            {
                "on": timezone.localdate(report.reviewed_at) if report.reviewed_at else None,
                "action": report.action,
                "text": report.highlights or report.done,
                "kind": "Point d'avancement",
            }
        )
    for milestone in (
        Milestone.objects.filter(action__in=actions, done_on__isnull=False)
        .select_related("action__strategy")
        .order_by("-done_on")[:limit]
    ):
        events.append(
            {"on": milestone.done_on, "action": milestone.action, "text": milestone.title, "kind": "Jalon atteint"}
        )
    decisions = Decision.objects.filter(meeting__body__strategy=strategy, status=Decision.Status.DONE)
    if not internal:
        decisions = decisions.filter(meeting__is_public=True)
    for decision in decisions.order_by("-done_on")[:limit]:
        events.append({"on": decision.done_on, "action": None, "text": decision.text, "kind": "Décision mise en œuvre"})
    events.sort(key=lambda event: event["on"] or date.min, reverse=True)
    return events[:limit]


@require_safe
def action_detail(request: HttpRequest, code: str, action: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    item = get_object_or_404(
        Action.objects.select_related("node__parent__parent", "pilot", "group", "strategy").prefetch_related(
            "partners", "leads", "plans", "milestones", "budget_lines__funder"
        ),
        strategy=strategy,
        code=action,
    )
    item.strategy = strategy  # the one fetched with the reader's role
    if not perms.can_view_action(request.user, item):
        raise Http404
    internal = perms.can_read_internal(request.user, strategy) or perms.leads_action(request.user, item)
    reports = item.reports.select_related("campaign").order_by("-campaign__due_on", "-pk")
    documents = item.documents.all()
    indicators = item.indicators.prefetch_related(
        "targets", Prefetch("values", queryset=IndicatorValue.objects.filter(state=IndicatorValue.State.VALIDATED))
    )
    if not internal:
        reports, documents, indicators = (
            reports.validated(),
            documents.filter(is_public=True),
            indicators.filter(is_public=True),
        )
    ancestors = item.ancestors()
    return render(
        request,
        "strategy/action.html",
        {
            "strategy": strategy,
            "action": item,
            "ancestors": ancestors,
            "is_late": item.is_late_on(timezone.localdate()),
            "overdue": overdue(ended=strategy.is_ended_on(timezone.localdate())),
            "reports": reports,
            "documents": documents,
            "indicators": indicators,
            "internal": internal,
            "can_edit": perms.can_edit_action(request.user, item),
            "history": entries_of(item)[:30] if internal else [],
        },
    )


@require_safe
def indicators(request: HttpRequest, code: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    context = dashboard_data(request, strategy, build(strategy, timezone.localdate(), live=True))
    context["strategy"] = strategy
    return render(request, "strategy/indicators.html", context)


@require_safe
def bilan_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    strategy = strategy_for(request, code)
    bilan = get_object_or_404(Bilan, strategy=strategy, pk=pk)
    if not bilan.is_published and not perms.can_read_internal(request.user, strategy):
        raise Http404
    context = dashboard_data(request, strategy, read_bilan(bilan.data).content)
    context.update(strategy=strategy, bilan=bilan, is_copilot=perms.is_copilot(request.user, strategy))
    context["others"] = [
        other
        for other in strategy.bilans.exclude(pk=bilan.pk)
        if other.is_published or perms.can_read_internal(request.user, strategy)
    ]
    return render(request, "strategy/bilan.html", context)


@require_safe
def bilan_compare(request: HttpRequest, code: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    visible = strategy.bilans.all()
    if not perms.can_read_internal(request.user, strategy):
        visible = visible.filter(published_at__isnull=False)
    bilans = list(visible)  # newest first
    # Until one is chosen, the last bilan is compared with the one before it.
    context: dict[str, Any] = {
        "strategy": strategy,
        "bilans": bilans,
        "before": bilans[1] if len(bilans) > 1 else None,
        "after": bilans[0] if bilans else None,
        "internal": perms.can_read_internal(request.user, strategy),
    }
    if len(bilans) < 2 or not request.GET:
        return render(request, "strategy/bilan_compare.html", context)
    try:
        before = visible.get(pk=parse_id(request.GET.get("avant", "")))
        after = visible.get(pk=parse_id(request.GET.get("apres", "")))
    except Bilan.DoesNotExist:
        context["error"] = "Choisissez deux bilans parmi la liste."
        return render(request, "strategy/bilan_compare.html", context, status=400)
    if before == after:
        context.update(
            before=before,
            after=after,
            error="Choisissez deux bilans différents : un bilan ne se compare pas à lui-même.",
        )
        return render(request, "strategy/bilan_compare.html", context, status=400)
    internal = context["internal"]
    data_before, data_after = (read_bilan(bilan.data).content for bilan in (before, after))
    if not internal:
        data_before, data_after = bilan_data.public_view(data_before), bilan_data.public_view(data_after)
    return render(
        request,
        "strategy/bilan_compare.html",
        {
            **context,
            "before": before,
            "after": after,
            "comparison": bilan_data.compare(data_before, data_after),
            "counts_before": data_before["counts"],
            "counts_after": data_after["counts"],
            **LABELS,
        },
    )
