"""Reporting campaigns: created, opened (one report asked of each open action), closed, and the
daily reminders of the reports still missing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from essaim.accounts.models import User
from essaim.core.history import save_fields, tracking
from essaim.core.reminders import reminder_due
from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms
from essaim.strategy.models import Campaign, ProgressReport, Strategy
from essaim.strategy.services.notices import (
    action_lead_emails,
    copilot_emails,
    notify,
    report_url,
    site_url,
)
from essaim.strategy.workflows import CAMPAIGN_FLOW

CAMPAIGN_FIELDS = ("title", "period_label", "opens_on", "due_on", "meeting", "remind_days_before", "remind_days_after")


@transaction.atomic
def campaign_create(*, strategy: Strategy, data: dict[str, Any], by: User) -> Campaign:
    """A planned campaign; nobody is told until it is opened."""
    campaign = Campaign(strategy=strategy)
    return save_fields(campaign, data=data, fields=CAMPAIGN_FIELDS, by=by, summary="Campagne créée")


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update(of=("self",)).select_related("strategy").get(pk=campaign.pk)


@transaction.atomic
def campaign_open(*, campaign: Campaign, by: User) -> int:
    """Open the campaign: one report to write per open action, prefilled with the action's
    current status and météo; each lead is told by e-mail. Returns the number of reports."""
    campaign = _locked(campaign)
    CAMPAIGN_FLOW.check(campaign.status, Campaign.Status.OPEN, roles=perms.roles_in(by, campaign.strategy))
    ends_on = campaign.strategy.ends_on
    if campaign.strategy.is_ended_on(timezone.localdate()):
        raise TransitionRefused(
            f"La stratégie a pris fin le {date_format(ends_on, 'j F Y')} : on n'ouvre plus de campagne de remontée."
        )
    with tracking(campaign, by=by, summary="Campagne ouverte"):
        campaign.status = Campaign.Status.OPEN
        campaign.save(update_fields=["status"])
    created = 0
    for action in campaign.strategy.actions.in_progress().select_related("strategy"):
        report, was_created = ProgressReport.objects.get_or_create(
            action=action, campaign=campaign, defaults={"status": action.status, "weather": action.weather}
        )
        created += was_created
        notify(
            message="report_requested",
            to=action_lead_emails(action),
            context={"campaign": campaign, "action": action, "url": report_url(report)},
        )
    return created


@transaction.atomic
def campaign_close(*, campaign: Campaign, by: User) -> None:
    """Close the campaign: the reports not sent by now can no longer be."""
    campaign = _locked(campaign)
    CAMPAIGN_FLOW.check(campaign.status, Campaign.Status.CLOSED, roles=perms.roles_in(by, campaign.strategy))
    with tracking(campaign, by=by, summary="Campagne close"):
        campaign.status = Campaign.Status.CLOSED
        campaign.save(update_fields=["status"])


@transaction.atomic
def campaign_close_as_ended(*, campaign: Campaign) -> bool:
    """Close an open campaign whose strategy has ended (a lead is no longer asked to report on a
    plan that is over). A campaign still planned stays so: it can no longer be opened
    (`campaign_open`). Run daily; returns whether it was closed."""
    campaign = _locked(campaign)
    if campaign.status != Campaign.Status.OPEN:
        return False
    CAMPAIGN_FLOW.check(campaign.status, Campaign.Status.CLOSED, roles={"platform"})
    with tracking(campaign, by=None, summary="Campagne close : la stratégie a pris fin"):
        campaign.status = Campaign.Status.CLOSED
        campaign.save(update_fields=["status"])
    return True


def campaigns_of_ended_strategies_close(*, today: date) -> int:
    """Close the open campaigns of every ended strategy; returns how many were closed."""
    ended = Campaign.objects.open().of_strategies_ended_before(today)
    return sum(campaign_close_as_ended(campaign=campaign) for campaign in ended)


@dataclass(frozen=True)
class RemindersSent:
    before: int
    after: int


@transaction.atomic
def campaign_reminders_send(*, campaign: Campaign, today: date) -> RemindersSent:
    """Remind the leads of the campaign's reports still to send: once some days before the due
    date, once some days after, when the co-pilots also get the list of what is missing
    (`core.reminders` says which reminder is due; the date it went is kept on the report, so it
    goes once). The daily command calls it for each open campaign, each in its own error boundary."""
    before = 0
    late = []
    for report in campaign.reports.missing().select_related("action__strategy", "campaign"):
        due = reminder_due(
            today=today,
            due_on=campaign.due_on,
            days_before=campaign.remind_days_before,
            days_after=campaign.remind_days_after,
            sent_before=report.reminded_before_on is not None,
            sent_after=report.reminded_after_on is not None,
        )
        if due is None:
            continue
        # One guarded update marks the reminder sent: a second run at the same time finds it
        # marked and sends nothing (the e-mail leaves only once this transaction commits).
        sent_on = "reminded_before_on" if due == "before" else "reminded_after_on"
        if not ProgressReport.objects.filter(pk=report.pk, **{sent_on: None}).update(**{sent_on: today}):
            continue
        context = {"campaign": campaign, "action": report.action, "url": report_url(report)}
        if due == "before":
            notify(message="report_reminder", to=action_lead_emails(report.action), context=context)
            before += 1
        else:
            notify(message="report_late", to=action_lead_emails(report.action), context=context)
            late.append(report)
    if late:
        notify(
            message="reports_missing",
            to=copilot_emails(campaign.strategy),
            context={
                "campaign": campaign,
                "late": late,
                "url": site_url(reverse("strategy:board", kwargs={"code": campaign.strategy.code})),
            },
        )
    return RemindersSent(before=before, after=len(late))
