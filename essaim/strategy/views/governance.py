"""Governance: the groups and bodies, their meetings and the decisions followed up to done.
The page is public (what is marked so); recording meetings and decisions is for those who run
the groups and bodies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms, services
from essaim.strategy.forms import DecisionForm, MeetingForm
from essaim.strategy.models import Body, Decision, Meeting, Strategy
from essaim.strategy.views.common import strategy_for


@require_safe
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
    recordable = perms.recordable_bodies(request.user, strategy)
    meetings = (
        perms.visible_meetings(request.user, strategy)
        .select_related("body")
        .prefetch_related("decisions__owner", "decisions__actions")
    )
    bodies = (
        Body.objects.filter(strategy=strategy)
        .select_related("pilot")
        .prefetch_related(Prefetch("actions", queryset=perms.visible_actions(request.user, strategy)))
    )
    recordable_ids = set(recordable.values_list("pk", flat=True))
    meetings = list(meetings[:30])
    decision_forms = decision_forms or {}
    for meeting in meetings:
        if meeting.body_id in recordable_ids and meeting.pk not in decision_forms:
            decision_forms[meeting.pk] = DecisionForm(
                prefix=f"decision-{meeting.pk}", user=request.user, strategy=strategy
            )
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
            # Open decisions this person may follow up: the page offers the button on these only.
            "followable": set(
                perms.followable_decisions(request.user, strategy)
                .filter(status=Decision.Status.OPEN)
                .values_list("pk", flat=True)
            ),
            "meeting_form": meeting_form
            or (MeetingForm(prefix="reunion", user=request.user, strategy=strategy) if recordable_ids else None),
            "today": timezone.localdate(),
        },
        status=status,
    )


def _governance_url(strategy: Strategy, meeting: Meeting) -> str:
    return f"{reverse('strategy:governance', kwargs={'code': strategy.code})}#reunion-{meeting.pk}"


@login_required
@require_POST
def meeting_create(request: HttpRequest, code: str) -> HttpResponse:
    strategy = get_object_or_404(Strategy.objects.with_role_of(request.user), code=code)
    if not perms.can_record_meeting(request.user, strategy):
        raise PermissionDenied("Seuls les copilotes et les animateurs d'un groupe enregistrent ses réunions.")
    form = MeetingForm(request.POST, prefix="reunion", user=request.user, strategy=strategy)
    if not form.is_valid():
        return governance_page(request, strategy, meeting_form=form, status=400)
    meeting = services.meeting_create(data=form.cleaned_data, by=request.user)
    messages.success(request, f"Réunion « {meeting.title} » enregistrée. Ajoutez-y les décisions prises.")
    return redirect(_governance_url(strategy, meeting))


@login_required
@require_POST
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body__strategy"), pk=pk)
    strategy = meeting.body.strategy
    if not perms.can_record_decision(request.user, meeting):
        raise PermissionDenied("Seuls les copilotes et les animateurs du groupe ajoutent ses décisions.")
    form = DecisionForm(request.POST, prefix=f"decision-{meeting.pk}", user=request.user, strategy=strategy)
    if not form.is_valid():
        return governance_page(request, strategy, decision_forms={meeting.pk: form}, status=400)
    services.decision_create(meeting=meeting, data=form.cleaned_data, by=request.user)
    messages.success(request, "Décision ajoutée ; elle sera suivie jusqu'à sa mise en œuvre.")
    return redirect(_governance_url(strategy, meeting))


@login_required
@require_POST
def decision_update(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision.objects.select_related("meeting__body__strategy"), pk=pk)
    strategy = decision.meeting.body.strategy
    if not perms.can_follow_up_decision(request.user, decision):
        raise PermissionDenied("Seuls les copilotes et le responsable du suivi mettent à jour une décision.")
    try:
        services.decision_follow_up(
            decision=decision, status=request.POST.get("status", ""), by=request.user, today=timezone.localdate()
        )
    except TransitionRefused as error:
        messages.error(request, str(error))
        return redirect("strategy:governance", code=strategy.code)
    messages.success(request, "Suivi de la décision mis à jour.")
    return redirect("strategy:governance", code=strategy.code)
