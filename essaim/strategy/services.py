"""Writes on the steering of a strategy: reporting campaigns, progress reports, indicator values,
decisions. Each state change is checked here (never only in a view) and leaves a history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from essaim.accounts.models import User
from essaim.core.emails import send_templated_email
from essaim.core.registries import platform_metrics
from essaim.strategy.history import record_event, tracking
from essaim.strategy.models import (
    Action,
    ActionDocument,
    Campaign,
    Decision,
    Indicator,
    IndicatorValue,
    Milestone,
    ProgressReport,
    StrategyMember,
)


class WorkflowError(Exception):
    """A transition that the object's state does not allow; the message is for the user."""


REPORT_FIELDS = ("status", "weather", "done", "next_steps", "blockers", "support_needed", "highlights")


def _url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _notify(recipients: list[str], *, subject: str, paragraphs: list[str], url: str, link_label: str) -> None:
    if recipients:
        send_templated_email(
            template="emails/strategy_notice",
            to=sorted(set(recipients)),
            context={"subject": subject, "paragraphs": paragraphs, "url": url, "link_label": link_label},
        )


def action_lead_emails(action: Action) -> list[str]:
    leads = User.objects.filter(is_active=True).filter(led_actions=action)
    group_leads = User.objects.filter(is_active=True, led_bodies=action.group_id) if action.group_id else []
    return [user.email for user in [*leads, *group_leads]]


def copilot_emails(strategy: Any) -> list[str]:
    return list(
        StrategyMember.objects.filter(
            strategy=strategy, role=StrategyMember.Role.COPILOT, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def report_url(report: ProgressReport) -> str:
    return _url(reverse("strategy:report", kwargs={"pk": report.pk}))


# Campaigns ------------------------------------------------------------------------------


@transaction.atomic
def campaign_open(campaign: Campaign, *, by: Any) -> int:
    """Open the campaign: one report to write per open action, prefilled with the action's
    current status and météo; each lead is told by e-mail. Returns the number of reports."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.PLANNED:
        raise WorkflowError("Cette campagne est déjà ouverte ou close.")
    campaign.status = Campaign.Status.OPEN
    campaign.save(update_fields=["status"])
    created = 0
    actions = campaign.strategy.actions.in_progress().select_related("strategy")
    for action in actions:
        report, was_created = ProgressReport.objects.get_or_create(
            action=action, campaign=campaign, defaults={"status": action.status, "weather": action.weather}
        )
        created += was_created
        _notify(
            action_lead_emails(action),
            subject=f"point d'avancement attendu avant le {date_format(campaign.due_on, 'j F Y')}",
            paragraphs=[
                f"La campagne « {campaign.title} » est ouverte. Vous êtes référent de l'action {action.code} "
                f"« {action.title} ».",
                f"Merci de rédiger son point d'avancement (ce qui a été fait, les prochaines étapes, les freins, "
                f"la météo) et de le transmettre aux copilotes avant le {date_format(campaign.due_on, 'j F Y')}.",
            ],
            url=report_url(report),
            link_label="Rédiger le point d'avancement",
        )
    return created


@transaction.atomic
def campaign_close(campaign: Campaign, *, by: Any) -> None:
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.OPEN:
        raise WorkflowError("Seule une campagne ouverte peut être close.")
    campaign.status = Campaign.Status.CLOSED
    campaign.save(update_fields=["status"])


@dataclass(frozen=True)
class RemindersSent:
    before: int
    after: int


def campaign_reminders_send(*, today: date) -> RemindersSent:
    """Remind the leads of reports still to send: once some days before the due date, once some
    days after, when the co-pilots also get the list of what is missing. Each reminder is sent
    once (the date is kept on the report)."""
    before = after = 0
    for campaign in Campaign.objects.filter(status=Campaign.Status.OPEN).select_related("strategy"):
        missing = campaign.reports.missing().select_related("action__strategy", "campaign")
        due = date_format(campaign.due_on, "j F Y")
        if today >= campaign.due_on + timedelta(days=campaign.remind_days_after):
            late = list(missing.filter(reminded_after_on=None))
            for report in late:
                _notify(
                    action_lead_emails(report.action),
                    subject=f"point d'avancement en retard ({report.action.code})",
                    paragraphs=[
                        f"Le point d'avancement de l'action {report.action.code} « {report.action.title} » était "
                        f"attendu le {due} pour la campagne « {campaign.title} ».",
                        "Les copilotes en ont besoin pour préparer la réunion : pouvez-vous le transmettre dès que "
                        "possible, même incomplet ?",
                    ],
                    url=report_url(report),
                    link_label="Rédiger le point d'avancement",
                )
                ProgressReport.objects.filter(pk=report.pk).update(reminded_after_on=today)
                after += 1
            if late:
                _notify(
                    copilot_emails(campaign.strategy),
                    subject=f"{len(late)} point(s) d'avancement manquant(s) ({campaign.title})",
                    paragraphs=[
                        f"La date limite de la campagne « {campaign.title} » était le {due}. Les référents de ces "
                        "actions viennent d'être relancés :",
                        *(f"{report.action.code} — {report.action.title}" for report in late),
                    ],
                    url=_url(reverse("strategy:board", kwargs={"code": campaign.strategy.code})),
                    link_label="Voir le tableau de pilotage",
                )
        elif campaign.due_on - timedelta(days=campaign.remind_days_before) <= today <= campaign.due_on:
            for report in missing.filter(reminded_before_on=None):
                _notify(
                    action_lead_emails(report.action),
                    subject=f"rappel : point d'avancement attendu le {due}",
                    paragraphs=[
                        f"Le point d'avancement de l'action {report.action.code} « {report.action.title} » est "
                        f"attendu le {due} pour la campagne « {campaign.title} ».",
                    ],
                    url=report_url(report),
                    link_label="Rédiger le point d'avancement",
                )
                ProgressReport.objects.filter(pk=report.pk).update(reminded_before_on=today)
                before += 1
    return RemindersSent(before=before, after=after)


# Progress reports -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposedValue:
    indicator: Indicator
    value: Decimal
    measured_on: date
    source: str
    vintage: str


@transaction.atomic
def report_save(report: ProgressReport, *, data: dict[str, Any], values: list[ProposedValue], by: Any) -> None:
    """Save the lead's text and proposed values (a draft can be saved many times)."""
    report = ProgressReport.objects.select_for_update(of=("self",)).select_related("campaign").get(pk=report.pk)
    if not report.is_writable:
        raise WorkflowError(already_sent_message(report))
    with tracking(report, by=by, summary="Point d'avancement modifié"):
        for name in REPORT_FIELDS:
            setattr(report, name, data.get(name, getattr(report, name)))
        report.author = by
        report.save()
    report.indicator_values.filter(state=IndicatorValue.State.PROPOSED).delete()
    for proposed in values:
        value = IndicatorValue(indicator=proposed.indicator, report=report)
        with tracking(value, by=by, summary="Valeur proposée"):
            value.measured_on, value.value = proposed.measured_on, proposed.value
            value.source, value.vintage, value.proposed_by = proposed.source, proposed.vintage, by
            value.save()


def already_sent_message(report: ProgressReport) -> str:
    if report.campaign and report.campaign.status == Campaign.Status.CLOSED and report.is_editable:
        return f"La campagne « {report.campaign.title} » est close : ce point ne peut plus être transmis."
    if report.state == ProgressReport.State.SUBMITTED and report.submitted_at:
        when = date_format(timezone.localtime(report.submitted_at), "j F Y à H:i")
        return f"Ce point d'avancement a déjà été transmis le {when} ; il attend la validation des copilotes."
    return f"Ce point d'avancement est « {report.get_state_display().lower()} » : il ne peut plus être modifié."


@transaction.atomic
def report_submit(report: ProgressReport, *, by: Any) -> None:
    report = (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("action__strategy", "campaign")
        .get(pk=report.pk)
    )
    if not report.is_writable:
        raise WorkflowError(already_sent_message(report))
    if not (report.done.strip() or report.next_steps.strip()):
        raise WorkflowError("Décrivez au moins ce qui a été fait ou les prochaines étapes avant de transmettre.")
    with tracking(report, by=by, summary="Point d'avancement transmis"):
        report.state = ProgressReport.State.SUBMITTED
        report.submitted_at = timezone.now()
        report.author = by
        report.save()
    _notify(
        copilot_emails(report.action.strategy),
        subject=f"point d'avancement à valider ({report.action.code})",
        paragraphs=[
            f"{by} a transmis le point d'avancement de l'action {report.action.code} « {report.action.title} »."
        ],
        url=report_url(report),
        link_label="Lire et valider le point d'avancement",
    )


@transaction.atomic
def report_validate(report: ProgressReport, *, by: Any, comment: str = "") -> None:
    """Accept the report: the action takes the reported status and météo, the proposed
    indicator values become validated, and the public sees the report if the action is public."""
    report = ProgressReport.objects.select_for_update(of=("self",)).select_related("action__strategy").get(pk=report.pk)
    if report.state != ProgressReport.State.SUBMITTED:
        raise WorkflowError("Seul un point d'avancement transmis peut être validé.")
    with tracking(report, by=by, summary="Point d'avancement validé"):
        report.state = ProgressReport.State.VALIDATED
        report.reviewed_by, report.reviewed_at, report.review_comment = by, timezone.now(), comment
        report.save()
    action = report.action
    if not _newer_validated_report_exists(report):
        # An older campaign's report validated late does not undo what a newer one said.
        with tracking(action, by=by, summary="Mise à jour par un point d'avancement validé"):
            action.status = report.status or action.status
            action.weather = report.weather or action.weather
            action.save()
    for value in report.indicator_values.filter(state=IndicatorValue.State.PROPOSED):
        with tracking(value, by=by, summary="Valeur validée"):
            value.state, value.validated_by = IndicatorValue.State.VALIDATED, by
            value.save()
    _notify(
        action_lead_emails(action),
        subject=f"point d'avancement validé ({action.code})",
        paragraphs=[
            f"Les copilotes ont validé le point d'avancement de l'action {action.code} « {action.title} ».",
            comment,
        ],
        url=report_url(report),
        link_label="Voir le point d'avancement",
    )


def _newer_validated_report_exists(report: ProgressReport) -> bool:
    if report.campaign is None:
        return False
    return (
        ProgressReport.objects.validated()
        .filter(action=report.action, campaign__due_on__gt=report.campaign.due_on)
        .exists()
    )


@transaction.atomic
def report_return(report: ProgressReport, *, by: Any, comment: str) -> None:
    report = ProgressReport.objects.select_for_update(of=("self",)).select_related("action__strategy").get(pk=report.pk)
    if report.state != ProgressReport.State.SUBMITTED:
        raise WorkflowError("Seul un point d'avancement transmis peut être renvoyé.")
    if not comment.strip():
        raise WorkflowError("Dites au référent ce qu'il faut compléter : le commentaire est obligatoire.")
    with tracking(report, by=by, summary="Point d'avancement renvoyé pour complément"):
        report.state = ProgressReport.State.RETURNED
        report.reviewed_by, report.reviewed_at, report.review_comment = by, timezone.now(), comment.strip()
        report.save()
    _notify(
        action_lead_emails(report.action),
        subject=f"point d'avancement à compléter ({report.action.code})",
        paragraphs=[
            f"Les copilotes vous renvoient le point d'avancement de l'action {report.action.code} pour complément :",
            comment.strip(),
        ],
        url=report_url(report),
        link_label="Compléter le point d'avancement",
    )


# Milestones and evidence ------------------------------------------------------------------


@transaction.atomic
def milestone_reach(milestone: Milestone, *, done_on: date, by: Any, today: date) -> None:
    if done_on > today:
        raise WorkflowError("Un jalon est atteint à une date passée ou aujourd'hui, pas dans le futur.")
    # One update that only succeeds once: a double click does not record the milestone twice.
    if not Milestone.objects.filter(pk=milestone.pk, done_on=None).update(done_on=done_on):
        raise WorkflowError("Ce jalon est déjà marqué comme atteint.")
    record_event(
        milestone.action,
        by=by,
        summary="Jalon atteint",
        changes={"jalon": [None, f"{milestone.title} ({done_on.isoformat()})"]},
    )


@transaction.atomic
def document_add(action: Action, *, document: ActionDocument, by: Any) -> None:
    document.action, document.added_by = action, by
    document.save()
    record_event(
        action, by=by, summary="Document ajouté", changes={"document": [None, f"{document.title} ({document.url})"]}
    )


# Indicators and decisions -----------------------------------------------------------------


@transaction.atomic
def value_propose(proposed: ProposedValue, *, by: Any) -> IndicatorValue:
    """A value proposed outside a report (a context figure from the observatory, say)."""
    value = IndicatorValue(indicator=proposed.indicator)
    with tracking(value, by=by, summary="Valeur proposée"):
        value.measured_on, value.value = proposed.measured_on, proposed.value
        value.source, value.vintage, value.proposed_by = proposed.source, proposed.vintage, by
        value.save()
    _notify(
        copilot_emails(proposed.indicator.strategy),
        subject=f"valeur à valider ({proposed.indicator.name})",
        paragraphs=[f"{by} propose une valeur pour l'indicateur « {proposed.indicator.name} »."],
        url=_url(
            reverse(
                "strategy:indicator_history",
                kwargs={"code": proposed.indicator.strategy.code, "indicator": proposed.indicator.code},
            )
        ),
        link_label="Examiner la valeur",
    )
    return value


@transaction.atomic
def value_review(value: IndicatorValue, *, accept: bool, comment: str, by: Any) -> None:
    value = IndicatorValue.objects.select_for_update().get(pk=value.pk)
    if value.state != IndicatorValue.State.PROPOSED:
        raise WorkflowError("Cette valeur a déjà été examinée.")
    if value.report_id:
        raise WorkflowError("Cette valeur accompagne un point d'avancement : elle est validée avec lui.")
    if not accept and not comment.strip():
        raise WorkflowError("Dites pourquoi la valeur est écartée : le commentaire est obligatoire.")
    with tracking(value, by=by, summary="Valeur validée" if accept else "Valeur écartée"):
        value.state = IndicatorValue.State.VALIDATED if accept else IndicatorValue.State.REJECTED
        value.validated_by = by if accept else None
        if comment.strip():
            value.comment = comment.strip()
        value.save()


def platform_indicators_update(*, today: date) -> int:
    """Record today's value of every indicator fed by a platform metric, for the strategies
    under way (validated at once: the platform counts what it holds). Returns the number of
    indicators updated."""
    updated = 0
    # Only strategies under way: what the platform holds today says nothing of a past period.
    indicators = Indicator.objects.exclude(platform_metric="").filter(
        strategy__starts_on__lte=today, strategy__ends_on__gte=today
    )
    for indicator in indicators.select_related("strategy__region"):
        if indicator.platform_metric not in platform_metrics:
            continue
        metric = platform_metrics.get(indicator.platform_metric)
        measure = metric.measure(indicator.strategy.region.code, indicator.strategy.starts_on, today)
        value = IndicatorValue.objects.filter(indicator=indicator, measured_on=today, report=None).first()
        value = value or IndicatorValue(indicator=indicator, measured_on=today)
        with tracking(value, by=None, summary="Mesure automatique de la plateforme"):
            value.value = Decimal(str(measure))
            value.source = f"{settings.SITE_NAME}, mesure automatique : {metric.label.lower()}"
            value.vintage = today.isoformat()
            value.state = IndicatorValue.State.VALIDATED
            value.save()
        updated += 1
    return updated


@transaction.atomic
def decision_update(decision: Decision, *, status: str, by: Any, today: date) -> None:
    if status not in Decision.Status.values:
        raise WorkflowError("Suivi inconnu.")
    if status == decision.status:
        raise WorkflowError(f"La décision est déjà « {decision.get_status_display().lower()} ».")
    decision.status = status
    decision.done_on = today if status == Decision.Status.DONE else None
    decision.save(update_fields=["status", "done_on"])
