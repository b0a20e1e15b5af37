"""Reporting campaigns and the progress reports action leads write in them."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from essaim.strategy.models.governance import Meeting
from essaim.strategy.models.structure import Action, Strategy
from essaim.strategy.vocabulary import CAMPAIGN_STATUS, REPORT_STATE


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def open(self) -> CampaignQuerySet:
        """Campaigns under way: their missing reports are chased every day."""
        return self.filter(status=Campaign.Status.OPEN)

    def of_strategies_ended_before(self, day: date) -> CampaignQuerySet:
        """Campaigns of strategies whose end date is before `day`."""
        return self.filter(strategy__ends_on__lt=day)


class Campaign(models.Model):
    """A round of reporting before a governance meeting: every open action reports by `due_on`."""

    Status = models.TextChoices("Status", CAMPAIGN_STATUS.choices(), module=__name__, qualname="Campaign.Status")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="campaigns")
    title = models.CharField("titre", max_length=200, help_text="Par exemple « Bilan 2019 — conférence régionale ».")
    period_label = models.CharField("période couverte", max_length=100)
    opens_on = models.DateField("ouverture")
    due_on = models.DateField("date limite")
    meeting = models.ForeignKey(
        Meeting,
        verbose_name="réunion où les points sont présentés",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaigns",
    )
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.PLANNED)
    remind_days_before = models.PositiveSmallIntegerField("relance avant l'échéance (jours)", default=7)
    remind_days_after = models.PositiveSmallIntegerField("relance après l'échéance (jours)", default=3)

    objects = CampaignQuerySet.as_manager()

    history_entries = GenericRelation("core.HistoryEntry")  # its history, deleted with it

    class Meta:
        verbose_name = "campagne de remontée"
        verbose_name_plural = "campagnes de remontée"
        ordering = ["strategy", "-due_on"]
        constraints = [
            models.CheckConstraint(condition=models.Q(due_on__gte=models.F("opens_on")), name="campaign_dates")
        ]

    def __str__(self) -> str:
        return self.title

    def describe(self) -> str:
        """The campaign named for an operator reading a run's failures."""
        return f"campagne « {self.title} » (n° {self.pk}, stratégie {self.strategy.code})"


class ProgressReportQuerySet(models.QuerySet["ProgressReport"]):
    def validated(self) -> ProgressReportQuerySet:
        return self.filter(state=ProgressReport.State.VALIDATED)

    def awaiting_review(self) -> ProgressReportQuerySet:
        return self.filter(state=ProgressReport.State.SUBMITTED)

    def missing(self) -> ProgressReportQuerySet:
        """Reports the lead still has to send."""
        return self.filter(state__in=[ProgressReport.State.DRAFT, ProgressReport.State.RETURNED])


class ProgressReport(models.Model):
    """A point d'avancement: what was done, what comes next, what blocks, how it looks."""

    State = models.TextChoices("State", REPORT_STATE.choices(), module=__name__, qualname="ProgressReport.State")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="reports")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reports", null=True, blank=True)
    state = models.CharField("état", max_length=10, choices=State.choices, default=State.DRAFT)
    status = models.CharField("état de l'action", max_length=12, choices=Action.Status.choices, blank=True)
    weather = models.CharField("météo", max_length=12, choices=Action.Weather.choices, blank=True)
    done = models.TextField("ce qui a été fait", blank=True)
    next_steps = models.TextField("prochaines étapes", blank=True)
    blockers = models.TextField("difficultés et freins", blank=True)
    support_needed = models.TextField("appuis attendus", blank=True)
    highlights = models.TextField("réussites à faire connaître", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="strategy_reports"
    )
    submitted_at = models.DateTimeField("transmis le", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField("examiné le", null=True, blank=True)
    review_comment = models.TextField("commentaire des copilotes", blank=True)
    reminded_before_on = models.DateField(null=True, blank=True, editable=False)
    reminded_after_on = models.DateField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgressReportQuerySet.as_manager()

    history_entries = GenericRelation("core.HistoryEntry")  # its history, deleted with it

    class Meta:
        verbose_name = "point d'avancement"
        verbose_name_plural = "points d'avancement"
        ordering = ["-campaign__due_on", "action__order"]
        constraints = [
            models.UniqueConstraint(fields=["action", "campaign"], name="report_one_per_action_and_campaign")
        ]

    def __str__(self) -> str:
        return f"{self.action.code} — {self.campaign or 'hors campagne'}"

    @property
    def is_editable(self) -> bool:
        return self.state in {self.State.DRAFT, self.State.RETURNED}

    @property
    def is_writable(self) -> bool:
        """The lead may still write and send it: not sent yet, and its campaign not closed."""
        return self.is_editable and not (self.campaign and self.campaign.status == Campaign.Status.CLOSED)
