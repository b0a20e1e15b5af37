"""The advisers of partner teams (and the CRESS, which sees every request here too): the requests
received, one request in full, and the answers (take it in hand, "pas pour nous", close it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from essaim.core.history import entries_of
from essaim.core.workflows import TransitionRefused
from essaim.referrals.forms.adviser import (
    ALL,
    DONE,
    INBOX_STATES,
    TAKEN,
    WAITING,
    CloseForm,
    DeclineForm,
    InboxFilterForm,
    TakeForm,
)
from essaim.referrals.models import Dispatch, Referral, Team
from essaim.referrals.perms import can_read_contact, is_cress, referral_roles
from essaim.referrals.presentation import request_facts
from essaim.referrals.services import referral_close, referral_decline, referral_take
from essaim.referrals.services.common import Labels, need_label
from essaim.referrals.views.common import adviser_required, referral_for
from essaim.referrals.workflows import REFERRAL

PAGE_SIZE = 25
S = Referral.Status
D = Dispatch.Status
ENDED_STATES = (S.CLOSED, S.WITHDRAWN, S.ABANDONED)


# The inbox ----------------------------------------------------------------------------------


def _groups(user: Any, teams: QuerySet[Team]) -> dict[str, QuerySet[Referral]]:
    """The inbox's groups. For an adviser, from their teams' side: waiting for their answer,
    taken in hand by them, and the rest (closed, declined, taken by another team). For the CRESS,
    every request by its state."""
    if is_cress(user):
        everything = Referral.objects.all()
        return {
            WAITING: everything.waiting(),
            TAKEN: everything.filter(status=S.TAKEN),
            DONE: everything.filter(status__in=ENDED_STATES),
            ALL: everything,
        }
    mine = Referral.objects.answered_by_teams(teams, D.values)
    active = Referral.objects.answered_by_teams(teams, (D.PENDING, D.TAKEN))
    return {
        WAITING: Referral.objects.answered_by_teams(teams, (D.PENDING,)),
        TAKEN: Referral.objects.answered_by_teams(teams, (D.TAKEN,)),
        DONE: mine.exclude(pk__in=active.values("pk")),
        ALL: mine,
    }


@dataclass(frozen=True)
class InboxRow:
    referral: Referral
    need: str
    days: int
    state: str  # the request's state as this reader sees it
    taken: str  # who took it in hand, as this reader may know it


def _row(referral: Referral, *, today: Any, team_ids: set[int], cress: bool, labels: Labels) -> InboxRow:
    received = getattr(referral, "received_at", None) or referral.sent_at
    own = [dispatch for dispatch in referral.dispatches.all() if dispatch.team_id in team_ids]
    # The CRESS reads the request's state; an adviser, their own team's answer.
    state = referral.get_status_display() if cress or not own else own[0].get_status_display()
    if referral.taken_at is None:
        taken = ""
    elif referral.taken_team_id in team_ids:
        taken = f"Prise en charge par votre équipe ({referral.taken_team.name})"  # type: ignore[union-attr]
    elif cress:
        taken = f"Prise en charge par {referral.taken_team}" if referral.taken_team else "Prise en charge par la CRESS"
    else:
        taken = "Prise en charge par une autre équipe"
    return InboxRow(
        referral=referral,
        need=labels.need(referral.need),
        days=(today - timezone.localdate(received)).days,
        state=state,
        taken=taken,
    )


@require_GET
@adviser_required
def inbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    cress = is_cress(user)
    teams = Team.objects.of_adviser(user)
    team_ids = set(teams.values_list("pk", flat=True))
    groups = _groups(user, teams)
    state = InboxFilterForm(request.GET).state()
    chosen = (
        groups[state]
        .select_related("commune", "taken_team__organisation")
        .prefetch_related(
            Prefetch("dispatches", queryset=Dispatch.objects.filter(team__in=team_ids).order_by("status"))
        )
    )
    if not cress:
        # An adviser counts the days from when the request reached their team.
        first_sent = Dispatch.objects.filter(referral=OuterRef("pk"), team__in=team_ids).order_by("sent_at")
        chosen = chosen.annotate(received_at=Subquery(first_sent.values("sent_at")[:1]))
    page = Paginator(chosen.order_by("-sent_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    labels = Labels()
    rows = [_row(referral, today=today, team_ids=team_ids, cress=cress, labels=labels) for referral in page]
    tabs = [(code, label, groups[code].count()) for code, label in INBOX_STATES]
    return render(
        request,
        "referrals/adviser/inbox.html",
        {
            "rows": rows,
            "page": page,
            "tabs": tabs,
            "state": state,
            "state_label": dict(INBOX_STATES)[state],
            "cress": cress,
            "teams": teams.select_related("organisation"),
        },
    )


# One request ---------------------------------------------------------------------------------


def _answering_teams(user: Any, referral: Referral) -> list[Team]:
    """The adviser's teams that may answer the request (their dispatch waits for an answer);
    when none does, all their teams it was sent to, so that a late answer gets the service's
    French refusal rather than nothing."""
    sent_to_mine = Team.objects.of_adviser(user).filter(dispatches__referral=referral).select_related("organisation")
    waiting = list(sent_to_mine.filter(dispatches__status=D.PENDING).distinct())
    return waiting or list(sent_to_mine.distinct())


def _can_close(user: Any, referral: Referral) -> bool:
    roles = referral_roles(user, referral)
    return any(move.target == S.CLOSED for move in REFERRAL.allowed(referral.status, roles=roles))


def _page(
    request: HttpRequest,
    referral: Referral,
    *,
    take_form: TakeForm | None = None,
    decline_form: DeclineForm | None = None,
    close_form: CloseForm | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    user = request.user
    cress = is_cress(user)
    mine = set(Team.objects.of_adviser(user).values_list("pk", flat=True))
    dispatches = list(referral.dispatches.select_related("team__organisation", "answered_by"))
    pending = [dispatch.team for dispatch in dispatches if dispatch.team_id in mine and dispatch.status == D.PENDING]
    waiting = referral.status in (S.SENT, S.TO_ROUTE)
    can_take = waiting and bool(pending or (cress and not any(d.team_id in mine for d in dispatches)))
    can_decline = waiting and bool(pending)
    context_url = referral.context_url if referral.context_url.startswith("/") else ""
    return render(
        request,
        "referrals/adviser/detail.html",
        {
            "referral": referral,
            "crumb": f"Demande n° {referral.pk}",
            "need": need_label(referral.need),
            # The closing note is the team in charge's: another receiver does not read it.
            "own_closing": cress or referral.taken_team_id in mine,
            "facts": request_facts(referral),
            "show_contact": can_read_contact(user, referral),
            "context_url": "" if context_url.startswith("//") else context_url,
            "receivers": [(dispatch, cress or dispatch.team_id in mine) for dispatch in dispatches],
            "history": entries_of(referral)[:30],
            # A form sent back with its errors is shown again, even if the move is no longer open.
            "take_form": take_form or (TakeForm(teams=pending) if can_take else None),
            "decline_form": decline_form or (DeclineForm(teams=pending) if can_decline else None),
            "close_form": close_form or (CloseForm() if _can_close(user, referral) else None),
            "error": error,
        },
        status=status,
    )


@require_GET
@adviser_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, referral_for(request.user, pk))


@require_POST
@adviser_required
def take(request: HttpRequest, pk: int) -> HttpResponse:
    referral = referral_for(request.user, pk)
    form = TakeForm(request.POST, teams=_answering_teams(request.user, referral))
    if not form.is_valid():
        return _page(request, referral, take_form=form, status=400)
    try:
        referral_take(referral=referral, team=form.chosen_team(), by=request.user)
    except TransitionRefused as refusal:
        return _page(request, referral, error=str(refusal), status=409)
    messages.success(
        request, "Vous avez pris la demande en charge : le porteur de projet est prévenu et attend votre appel."
    )
    return redirect("referrals:detail", pk=referral.pk)


@require_POST
@adviser_required
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    referral = referral_for(request.user, pk)
    form = DeclineForm(request.POST, teams=_answering_teams(request.user, referral))
    if not form.is_valid():
        return _page(request, referral, decline_form=form, status=400)
    team = form.chosen_team()
    if team is None:  # the CRESS, reading a request sent to none of its teams
        return _page(request, referral, error="Cette demande n'a pas été transmise à votre équipe.", status=409)
    try:
        referral_decline(
            referral=referral,
            team=team,
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except TransitionRefused as refusal:
        return _page(request, referral, error=str(refusal), status=409)
    messages.success(request, "C'est noté : la demande est transmise à d'autres partenaires, ou à la CRESS.")
    return redirect("referrals:inbox")


@require_POST
@adviser_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    referral = referral_for(request.user, pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _page(request, referral, close_form=form, status=400)
    try:
        referral_close(
            referral=referral, by=request.user, outcome=form.cleaned_data["outcome"], note=form.cleaned_data["note"]
        )
    except TransitionRefused as refusal:
        return _page(request, referral, error=str(refusal), status=409)
    messages.success(request, "La demande est close : le porteur de projet est prévenu.")
    return redirect("referrals:detail", pk=referral.pk)
