"""Progress reports: written and sent by the action's leads, validated or returned by the
co-pilots (the moves are those of `REPORT_FLOW`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from essaim.accounts.models import User
from essaim.core.history import tracking
from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms
from essaim.strategy.models import Campaign, IndicatorValue, ProgressReport
from essaim.strategy.services.notices import action_lead_emails, copilot_emails, notify, report_url
from essaim.strategy.services.values import ProposedValue, proposed_value_add
from essaim.strategy.workflows import REPORT_FLOW, VALUE_FLOW

REPORT_FIELDS = ("status", "weather", "done", "next_steps", "blockers", "support_needed", "highlights")


def report_closed_message(report: ProgressReport) -> str:
    """Why the lead can no longer write this report, in words they understand."""
    if report.campaign and report.campaign.status == Campaign.Status.CLOSED and report.is_editable:
        return f"La campagne « {report.campaign.title} » est close : ce point ne peut plus être transmis."
    if report.state == ProgressReport.State.SUBMITTED and report.submitted_at:
        when = date_format(timezone.localtime(report.submitted_at), "j F Y à H:i")
        return f"Ce point d'avancement a déjà été transmis le {when} ; il attend la validation des copilotes."
    return f"Ce point d'avancement est « {report.get_state_display().lower()} » : il ne peut plus être modifié."


def _locked(report: ProgressReport) -> ProgressReport:
    return (
        ProgressReport.objects.select_for_update(of=("self",))
        .select_related("action__strategy", "campaign")
        .get(pk=report.pk)
    )


def _check_writable(report: ProgressReport) -> None:
    # Checked before the table: "already sent on …" says more than "cannot go from … to …".
    if not report.is_writable:
        raise TransitionRefused(report_closed_message(report))


@transaction.atomic
def report_save(*, report: ProgressReport, data: dict[str, Any], values: list[ProposedValue], by: User) -> None:
    """Save the lead's text and proposed values (a draft can be saved many times)."""
    report = _locked(report)
    _check_writable(report)
    with tracking(report, by=by, summary="Point d'avancement modifié"):
        for name in REPORT_FIELDS:
            setattr(report, name, data.get(name, getattr(report, name)))
        report.author = by
        report.save()
    report.indicator_values.filter(state=IndicatorValue.State.PROPOSED).delete()
    for proposed in values:
        proposed_value_add(proposed=proposed, report=report, by=by)


@transaction.atomic
def report_submit(*, report: ProgressReport, by: User) -> None:
    """Send the report to the co-pilots, who are told by e-mail."""
    report = _locked(report)
    _check_writable(report)
    REPORT_FLOW.check(
        report.state,
        ProgressReport.State.SUBMITTED,
        roles=perms.roles_in(by, report.action.strategy, action=report.action),
    )
    if not (report.done.strip() or report.next_steps.strip()):
        raise TransitionRefused("Décrivez au moins ce qui a été fait ou les prochaines étapes avant de transmettre.")
    with tracking(report, by=by, summary="Point d'avancement transmis"):
        report.state = ProgressReport.State.SUBMITTED
        report.submitted_at = timezone.now()
        report.author = by
        report.save()
    notify(
        message="report_submitted",
        to=copilot_emails(report.action.strategy),
        context={"action": report.action, "report": report, "by": by, "url": report_url(report)},
    )


@transaction.atomic
def report_validate(*, report: ProgressReport, by: User, comment: str = "") -> None:
    """Accept the report: the action takes the reported status and météo, the proposed
    indicator values become validated, and the public sees the report if the action is public."""
    report = _locked(report)
    roles = perms.roles_in(by, report.action.strategy)
    REPORT_FLOW.check(report.state, ProgressReport.State.VALIDATED, roles=roles)
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
        VALUE_FLOW.check(value.state, IndicatorValue.State.VALIDATED, roles=roles)
        with tracking(value, by=by, summary="Valeur validée"):
            value.state, value.validated_by = IndicatorValue.State.VALIDATED, by
            value.save()
    notify(
        message="report_validated",
        to=action_lead_emails(action),
        context={"action": action, "report": report, "comment": comment.strip(), "url": report_url(report)},
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
def report_return(*, report: ProgressReport, by: User, comment: str) -> None:
    """Send the report back to its leads, saying what to complete."""
    report = _locked(report)
    REPORT_FLOW.check(report.state, ProgressReport.State.RETURNED, roles=perms.roles_in(by, report.action.strategy))
    if not comment.strip():
        raise TransitionRefused("Dites au référent ce qu'il faut compléter : le commentaire est obligatoire.")
    with tracking(report, by=by, summary="Point d'avancement renvoyé pour complément"):
        report.state = ProgressReport.State.RETURNED
        report.reviewed_by, report.reviewed_at, report.review_comment = by, timezone.now(), comment.strip()
        report.save()
    notify(
        message="report_returned",
        to=action_lead_emails(report.action),
        context={"action": report.action, "report": report, "comment": comment.strip(), "url": report_url(report)},
    )
