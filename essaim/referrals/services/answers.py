"""What happens to a request once received: a team takes it in hand, declines it (it is sent on),
closes it; the CRESS routes it by hand; the requester withdraws, deletes or rates it. The
requester is told at every step that changes something for them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from essaim.core.emails import send_templated_email
from essaim.core.history import record_event, tracking
from essaim.core.workflows import TransitionRefused
from essaim.referrals.models import (
    SATISFACTION_DAYS,
    DeclineReason,
    Dispatch,
    Outcome,
    Referral,
    ReferralSettings,
    Team,
)
from essaim.referrals.perms import referral_roles
from essaim.referrals.services.common import email_context
from essaim.referrals.services.routing import dispatch_to, notify_cress, notify_team, route_referral
from essaim.referrals.workflows import REFERRAL

S = Referral.Status
D = Dispatch.Status


def _locked(referral: Referral) -> Referral:
    """The request read again under a row lock: two advisers clicking at once are served in turn."""
    return Referral.objects.select_for_update(of=("self",)).select_related("commune", "taken_team").get(pk=referral.pk)


def _dispatch(referral: Referral, team: Team) -> Dispatch:
    found = Dispatch.objects.filter(referral=referral, team=team).select_related("team").first()
    if found is None:
        raise TransitionRefused("Cette demande n'a pas été transmise à cette équipe.")
    return found


def _tell_requester(referral: Referral, template: str, **extra: Any) -> None:
    if referral.email and referral.anonymised_at is None:
        send_templated_email(template=template, to=[referral.email], context={**email_context(referral), **extra})


def _end_others(referral: Referral, *, keep: Dispatch | None, now: datetime) -> None:
    """The other teams that still held the request have nothing more to do with it."""
    others = referral.dispatches.filter(status__in=(D.PENDING, D.TAKEN))
    if keep is not None:
        others = others.exclude(pk=keep.pk)
    others.update(status=D.ENDED, answered_at=now)


@transaction.atomic
def referral_take(*, referral: Referral, team: Team | None, by: Any, now: datetime | None = None) -> Referral:
    """An adviser takes the request in hand for their team (the CRESS may take one itself, with
    no team). The other receivers see that it was taken; the requester learns who to talk to."""
    now = now or timezone.now()
    referral = _locked(referral)
    dispatch = _dispatch(referral, team) if team is not None else None
    if referral.status == S.TAKEN:
        taken = referral.taken_team
        raise TransitionRefused(f"Cette demande est déjà prise en charge{f' par {taken}' if taken else ''}.")
    if referral.status not in (S.SENT, S.TO_ROUTE):
        raise TransitionRefused(
            f"Cette demande n'attend plus de prise en charge : « {referral.get_status_display()} »."
        )
    if dispatch is not None and dispatch.status != D.PENDING:
        raise TransitionRefused(f"Votre équipe a déjà répondu : « {dispatch.get_status_display()} ».")
    REFERRAL.check(referral.status, S.TAKEN, roles=referral_roles(by, referral, team))
    with tracking(referral, by=by, summary="Prise en charge"):
        referral.status = S.TAKEN
        referral.taken_team = team
        referral.taken_by = by
        referral.taken_at = now
        referral.save(update_fields=["status", "taken_team", "taken_by", "taken_at"])
    if dispatch is not None:
        with tracking(dispatch, by=by, summary="Prise en charge"):
            dispatch.status = D.TAKEN
            dispatch.answered_at = now
            dispatch.answered_by = by
            dispatch.save(update_fields=["status", "answered_at", "answered_by"])
    _end_others(referral, keep=dispatch, now=now)
    _tell_requester(referral, "emails/referral_taken", team=team, adviser=by)
    return referral


@transaction.atomic
def referral_decline(
    *, referral: Referral, team: Team, by: Any, reason: str, note: str = "", now: datetime | None = None
) -> Referral:
    """ "Pas pour nous": the team gives the request back with a reason, and it is sent on to the
    next teams that handle it, or to the CRESS when nobody else does."""
    now = now or timezone.now()
    if reason not in DeclineReason.values:
        raise TransitionRefused("Choisissez la raison pour laquelle la demande n'est pas pour vous.")
    referral = _locked(referral)
    dispatch = _dispatch(referral, team)
    if not referral_roles(by, referral, team) & {"adviser", "cress"}:
        raise TransitionRefused("Seuls les conseillers de l'équipe peuvent répondre pour elle.")
    if dispatch.status != D.PENDING or referral.status not in (S.SENT, S.TO_ROUTE):
        raise TransitionRefused("Cette demande n'attend plus de réponse de votre équipe.")
    with tracking(dispatch, by=by, summary="Pas pour nous"):
        dispatch.status = D.DECLINED
        dispatch.decline_reason = reason
        dispatch.decline_note = note.strip()[:1000]
        dispatch.answered_at = now
        dispatch.answered_by = by
        dispatch.save(update_fields=["status", "decline_reason", "decline_note", "answered_at", "answered_by"])
    referral_send_on(referral, now=now)
    return referral


def referral_send_on(referral: Referral, *, now: datetime) -> None:
    """Replace the teams that no longer hold the request (they declined, or were switched off)
    with the next ones, within the limit of partners; with nobody left holding it, the request
    goes to the CRESS."""
    holding = referral.dispatches.filter(status=D.PENDING)
    partners_holding = set(holding.values_list("team__organisation_id", flat=True))
    room = ReferralSettings.current().max_partners - len(partners_holding)
    found = route_referral(referral)
    next_teams = []
    if room > 0:
        chosen = Team.objects.filter(pk__in=found.teams).values_list("pk", "organisation_id")
        by_id = dict(chosen)
        next_teams = [pk for pk in found.teams if by_id.get(pk) not in partners_holding][:room]
    if next_teams:
        dispatch_to(referral, next_teams, now=now)
        record_event(referral, by=None, summary="Transmise à d'autres partenaires", changes={})
        _tell_requester(referral, "emails/referral_sent_on")
    elif not partners_holding and referral.status == S.SENT:
        REFERRAL.check(referral.status, S.TO_ROUTE, roles={"system"})
        with tracking(referral, by=None, summary="Aucun autre partenaire : renvoyée à la CRESS"):
            referral.status = S.TO_ROUTE
            referral.save(update_fields=["status"])
        notify_cress(referral, template="emails/referral_to_route")


@transaction.atomic
def referral_route(*, referral: Referral, teams: list[Team], by: Any, now: datetime | None = None) -> Referral:
    """The CRESS sends the request by hand to teams of its choice (a request nobody handles,
    one left unanswered, or one it wants to widen)."""
    now = now or timezone.now()
    referral = _locked(referral)
    if not teams:
        raise TransitionRefused("Choisissez au moins une équipe.")
    REFERRAL.check(referral.status, S.SENT, roles=referral_roles(by, referral, None))
    already = set(referral.dispatches.values_list("team_id", flat=True))
    new = [team.pk for team in teams if team.pk not in already]
    if not new:
        raise TransitionRefused("La demande a déjà été transmise à ces équipes.")
    with tracking(referral, by=by, summary="Orientée par la CRESS"):
        referral.status = S.SENT
        referral.sent_at = now
        referral.save(update_fields=["status", "sent_at"])
    dispatch_to(referral, new, now=now, by=by)
    _tell_requester(referral, "emails/referral_sent_on")
    return referral


@transaction.atomic
def referral_close(
    *, referral: Referral, by: Any, outcome: str, note: str = "", now: datetime | None = None
) -> Referral:
    """The adviser in charge (or the CRESS) closes the request with its outcome."""
    now = now or timezone.now()
    if outcome not in Outcome.values:
        raise TransitionRefused("Choisissez l'issue de la demande.")
    referral = _locked(referral)
    REFERRAL.check(referral.status, S.CLOSED, roles=referral_roles(by, referral, referral.taken_team))
    with tracking(referral, by=by, summary="Close"):
        referral.status = S.CLOSED
        referral.outcome = outcome
        referral.closing_note = note.strip()[:2000]
        referral.closed_at = now
        referral.save(update_fields=["status", "outcome", "closing_note", "closed_at"])
    referral.dispatches.filter(status=D.TAKEN).update(status=D.CLOSED, answered_at=now)
    _end_others(referral, keep=None, now=now)
    _tell_requester(referral, "emails/referral_closed")
    return referral


@transaction.atomic
def referral_withdraw(*, referral: Referral, now: datetime | None = None) -> Referral:
    """The requester withdraws their request (from their private link); the teams that still held
    it (in hand or to answer) are told."""
    now = now or timezone.now()
    referral = _locked(referral)
    REFERRAL.check(referral.status, S.WITHDRAWN, roles={"requester"})
    holding = list(referral.dispatches.filter(status__in=(D.PENDING, D.TAKEN)).select_related("team"))
    with tracking(referral, by=None, summary="Retirée par le porteur de projet"):
        referral.status = S.WITHDRAWN
        referral.closed_at = now
        referral.save(update_fields=["status", "closed_at"])
    _end_others(referral, keep=None, now=now)
    for dispatch in holding:
        notify_team(dispatch, template="emails/referral_withdrawn")
    return referral


@transaction.atomic
def referral_delete(*, referral: Referral, now: datetime | None = None) -> None:
    """The requester deletes their request and everything it held; an open one is withdrawn
    first, so the team in charge knows."""
    referral = _locked(referral)
    if referral.status in Referral.OPEN_STATES:
        referral_withdraw(referral=referral, now=now)
    Referral.objects.filter(pk=referral.pk).delete()


def rating_open(referral: Referral, now: datetime) -> bool:
    """ "Was it useful?" is asked SATISFACTION_DAYS after the taking in hand (or once its e-mail
    left), of a request still in hand or closed; not of one withdrawn or never taken."""
    if referral.taken_at is None or referral.status not in (S.TAKEN, S.CLOSED):
        return False
    return referral.satisfaction_sent_at is not None or referral.taken_at + timedelta(days=SATISFACTION_DAYS) <= now


@transaction.atomic
def referral_rate(*, referral: Referral, useful: bool, now: datetime | None = None) -> Referral:
    """The requester says whether the support was useful (they may change their answer)."""
    now = now or timezone.now()
    if not rating_open(referral, now):
        raise TransitionRefused(
            "Vous pourrez donner votre avis quelques semaines après la prise en charge de la demande."
        )
    referral.useful = useful
    referral.useful_answered_at = now
    referral.save(update_fields=["useful", "useful_answered_at"])
    return referral
