"""Nobody left waiting: the daily reminders of `send_referral_reminders`. Each step is claimed
by a guarded update before its e-mail leaves, so it goes once even if two runs overlap.

- D+3 and D+7 without any taking in hand: the receiving teams are reminded;
- D+10: the request shows "à traiter" on the CRESS's board (a read, `Referral.objects.flagged`);
- D+30: the request is marked unanswered, the requester gets an apology with offers of the
  catalogue that answer their need, and the CRESS is alerted;
- SATISFACTION_DAYS after being taken in hand: the requester is asked whether it was useful.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction

from essaim.core.emails import send_templated_email
from essaim.core.history import tracking
from essaim.core.registries import suggested_offers
from essaim.referrals.models import ABANDON_DAYS, REMINDER_DAYS, SATISFACTION_DAYS, Dispatch, Referral, Team
from essaim.referrals.services.common import email_context
from essaim.referrals.services.routing import notify_cress, notify_team
from essaim.referrals.workflows import REFERRAL

S = Referral.Status
FIRST, SECOND = REMINDER_DAYS


def reminders_due(now: datetime) -> list[Dispatch]:
    """Dispatches still untouched whose next reminder is due."""
    waiting = Dispatch.objects.pending().filter(
        referral__status__in=(S.SENT, S.TO_ROUTE), team__in=Team.objects.active()
    )
    first = waiting.filter(first_reminder_at__isnull=True, sent_at__lte=now - timedelta(days=FIRST))
    second = waiting.filter(second_reminder_at__isnull=True, sent_at__lte=now - timedelta(days=SECOND))
    return list((first | second).select_related("team", "referral__commune").order_by("pk"))


@transaction.atomic
def dispatch_remind(dispatch: Dispatch, *, now: datetime) -> bool:
    """Send the reminder due for this dispatch; False when another run sent it already. A team
    reminded late for the first time (past D+7) gets one reminder, not two."""
    age = now - dispatch.sent_at
    claim = {"first_reminder_at": now}
    guard = {"first_reminder_at__isnull": True}
    if age >= timedelta(days=SECOND):
        claim = {"first_reminder_at": dispatch.first_reminder_at or now, "second_reminder_at": now}
        guard = {"second_reminder_at__isnull": True}
    if not Dispatch.objects.filter(pk=dispatch.pk, status=Dispatch.Status.PENDING, **guard).update(**claim):
        return False
    notify_team(dispatch, template="emails/referral_reminder", extra={"days": age.days})
    return True


def abandons_due(now: datetime) -> list[Referral]:
    return list(
        Referral.objects.waiting().filter(sent_at__lte=now - timedelta(days=ABANDON_DAYS)).select_related("commune")
    )


@transaction.atomic
def referral_abandon(referral: Referral, *, now: datetime) -> bool:
    """Nobody took the request in hand within ABANDON_DAYS: it is marked unanswered, the
    requester gets an apology with offers that answer their need, the CRESS is alerted."""
    REFERRAL.check(referral.status, S.ABANDONED, roles={"system"})
    claimed = Referral.objects.filter(pk=referral.pk, status=referral.status, abandon_alerted_at__isnull=True)
    if not claimed.update(abandon_alerted_at=now):
        return False
    with tracking(referral, by=None, summary=f"Sans réponse après {ABANDON_DAYS} jours"):
        referral.status = S.ABANDONED
        referral.closed_at = now
        referral.save(update_fields=["status", "closed_at"])
    referral.dispatches.filter(status=Dispatch.Status.PENDING).update(status=Dispatch.Status.ENDED, answered_at=now)
    if referral.email:
        offers = suggested_offers(
            need=referral.need, stage=referral.stage, audience=referral.audience, commune=referral.commune.code
        )
        send_templated_email(
            template="emails/referral_abandoned",
            to=[referral.email],
            context={**email_context(referral), "offers": offers},
        )
    notify_cress(referral, template="emails/referral_abandoned_alert")
    return True


def satisfaction_due(now: datetime) -> list[Referral]:
    return list(
        Referral.objects.filter(
            taken_at__lte=now - timedelta(days=SATISFACTION_DAYS),
            satisfaction_sent_at__isnull=True,
            useful__isnull=True,
            anonymised_at__isnull=True,
            status__in=(S.TAKEN, S.CLOSED),
        )
        .exclude(email="")
        .select_related("commune")
    )


@transaction.atomic
def satisfaction_ask(referral: Referral, *, now: datetime) -> bool:
    """ "Was it useful?": one e-mail, answered with one click on the private page."""
    if not Referral.objects.filter(pk=referral.pk, satisfaction_sent_at__isnull=True).update(satisfaction_sent_at=now):
        return False
    send_templated_email(template="emails/referral_satisfaction", to=[referral.email], context=email_context(referral))
    return True
