"""What the public (and, with more detail, the people who steer) read: the dashboard, the
actions, the indicators, the bilans, the governance."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from essaim.strategy import bilan_data, charts, perms, services
from essaim.strategy.bilan_document import read_bilan
from essaim.strategy.forms import DecisionForm, IndicatorValueForm, MeetingForm
from essaim.strategy.history import changes_of
from essaim.strategy.models import (
    Action,
    Bilan,
    Body,
    Decision,
    Indicator,
    IndicatorValue,
    Meeting,
    Milestone,
    ProgressReport,
    Strategy,
)
from essaim.strategy.snapshots import build

# Labels in the order the tables show them (a météo not given comes last).
LABELS = {
    "status_labels": dict(Action.Status.choices),
    "weather_labels": {key: dict(Action.Weather.choices)[key] for key in bilan_data.WEATHER_ORDER},
}


def strategy_for(request: HttpRequest, code: str) -> Strategy:
    strategy = get_object_or_404(Strategy.objects.select_related("region"), code=code)
    if not perms.can_view_strategy(request.user, strategy):
        raise Http404
    return strategy


def dashboard_data(request: HttpRequest, strategy: Strategy, data: dict[str, Any]) -> dict[str, Any]:
    """What a strategy or bilan page shows, filtered for the reader."""
    internal = perms.can_read_internal(request.user, strategy)
    led: frozenset[str] = frozenset()
    if not internal and request.user.is_authenticated:
        led = frozenset(strategy.actions.led_by(request.user).values_list("code", flat=True))
    view = data if internal else bilan_data.public_view(data, also=led)
    return {
        "data": view,
        "tree": bilan_data.tree(view),
        "internal": internal,
        **LABELS,
        "charts": {item["code"]: indicator_chart(item) for item in view["indicators"]},
        "kind_labels": {"contexte": "de contexte", "activite": "d'activité", "resultat": "de résultat"},
    }


def indicator_chart(item: dict[str, Any]) -> charts.Chart | None:
    values = [(date.fromisoformat(value["on"]), float(value["value"])) for value in item["values"]]
    targets = [(date.fromisoformat(item["target_on"]), float(item["target"]))] if item["target"] is not None else []
    baseline = float(item["baseline"]) if item["baseline"] is not None else None
    return charts.line_chart(values, targets, baseline)


def index(request: HttpRequest) -> HttpResponse:
    """The strategies this person may see, each with how many of its actions are done."""
    rows = []
    for strategy in Strategy.objects.select_related("region"):
        if perms.can_view_strategy(request.user, strategy):
            actions = perms.visible_actions(request.user, strategy)
            rows.append((strategy, actions.count(), actions.filter(status=Action.Status.DONE).count()))
    return render(request, "strategy/index.html", {"rows": rows})


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


def action_detail(request: HttpRequest, code: str, action: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    item = get_object_or_404(
        Action.objects.select_related("node__parent__parent", "pilot", "group", "strategy").prefetch_related(
            "partners", "leads", "plans", "milestones", "budget_lines__funder"
        ),
        strategy=strategy,
        code=action,
    )
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
            "reports": reports,
            "documents": documents,
            "indicators": indicators,
            "internal": internal,
            "can_edit": perms.can_edit_action(request.user, item),
            "history": changes_of(item)[:30] if internal else [],
        },
    )


def indicators(request: HttpRequest, code: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    context = dashboard_data(request, strategy, build(strategy, timezone.localdate(), live=True))
    context["strategy"] = strategy
    return render(request, "strategy/indicators.html", context)


def indicator_history(request: HttpRequest, code: str, indicator: str) -> HttpResponse:
    """Every value of an indicator with its history; its leads propose values here, co-pilots
    validate or set aside the ones proposed outside a report."""
    strategy = strategy_for(request, code)
    item = get_object_or_404(Indicator, strategy=strategy, code=indicator)
    can_propose = perms.can_propose_value(request.user, item) and not item.platform_metric
    if not perms.can_read_internal(request.user, strategy) and not can_propose:
        raise PermissionDenied
    form = (
        IndicatorValueForm(request.POST or None, indicator=item, initial={"source": item.source})
        if can_propose
        else None
    )
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and (proposed := form.proposed()):
            services.value_propose(proposed, by=request.user)
            messages.success(request, "Valeur proposée : les copilotes vont l'examiner.")
            return redirect("strategy:indicator_history", code=code, indicator=indicator)
        if form.is_valid():
            form.add_error("value", "Indiquez la valeur à proposer.")
        status = 400
    values = item.values.select_related("proposed_by", "validated_by", "report__action").order_by("-measured_on")
    changes = sorted(
        (change for value in values for change in changes_of(value)), key=lambda c: c.created_at, reverse=True
    )
    return render(
        request,
        "strategy/indicator_history.html",
        {
            "strategy": strategy,
            "indicator": item,
            "values": values,
            "history": changes[:50],
            "form": form,
            "is_copilot": perms.is_copilot(request.user, strategy),
        },
        status=status,
    )


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


def bilan_compare(request: HttpRequest, code: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    visible = strategy.bilans.all()
    if not perms.can_read_internal(request.user, strategy):
        visible = visible.filter(published_at__isnull=False)
    try:
        before = visible.get(pk=int(request.GET.get("avant", "")))
        after = visible.get(pk=int(request.GET.get("apres", "")))
    except (ValueError, Bilan.DoesNotExist):
        return render(
            request,
            "strategy/bilan_compare.html",
            {
                "strategy": strategy,
                "bilans": visible,
                "error": "Choisissez deux bilans parmi la liste." if request.GET else "",
            },
            status=400 if request.GET else 200,
        )
    internal = perms.can_read_internal(request.user, strategy)
    data_before, data_after = (read_bilan(bilan.data).content for bilan in (before, after))
    if not internal:
        data_before, data_after = bilan_data.public_view(data_before), bilan_data.public_view(data_after)
    return render(
        request,
        "strategy/bilan_compare.html",
        {
            "strategy": strategy,
            "bilans": visible,
            "before": before,
            "after": after,
            "comparison": bilan_data.compare(data_before, data_after),
            "counts_before": data_before["counts"],
            "counts_after": data_after["counts"],
            **LABELS,
        },
    )


def governance(request: HttpRequest, code: str) -> HttpResponse:
    return governance_page(request, strategy_for(request, code))


def governance_page(
    request: HttpRequest,
    strategy: Strategy,
    *,
    meeting_form: Any = None,
    decision_forms: dict[int, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Bodies, meetings and decisions; those who record meetings get the forms to do so."""
    internal = perms.can_read_internal(request.user, strategy)
    meetings = (
        Meeting.objects.filter(body__strategy=strategy)
        .select_related("body")
        .prefetch_related("decisions__owner", "decisions__actions")
    )
    if not internal:
        meetings = meetings.filter(Q(is_public=True) | Q(body__in=perms.recordable_bodies(request.user, strategy)))
    bodies = (
        Body.objects.filter(strategy=strategy)
        .select_related("pilot")
        .prefetch_related(Prefetch("actions", queryset=perms.visible_actions(request.user, strategy)))
    )
    recordable = perms.recordable_bodies(request.user, strategy)
    recordable_ids = set(recordable.values_list("pk", flat=True))
    meetings = list(meetings[:30])
    decision_forms = decision_forms or {}
    for meeting in meetings:
        if meeting.body_id in recordable_ids and meeting.pk not in decision_forms:
            decision_forms[meeting.pk] = DecisionForm(prefix=f"decision-{meeting.pk}", strategy=strategy)
    open_decisions = Decision.objects.open().filter(meeting__in=meetings).select_related("meeting__body", "owner")
    return render(
        request,
        "strategy/governance.html",
        {
            "strategy": strategy,
            "bodies": bodies,
            "meetings": [(meeting, decision_forms.get(meeting.pk)) for meeting in meetings],
            "open_decisions": open_decisions,
            "internal": internal,
            "is_copilot": perms.is_copilot(request.user, strategy),
            "user_id": getattr(request.user, "pk", None),
            "meeting_form": meeting_form
            or (MeetingForm(prefix="reunion", bodies=recordable) if recordable_ids else None),
            "today": timezone.localdate(),
        },
        status=status,
    )
