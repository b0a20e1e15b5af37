"""Meetings of the project groups and governance bodies, and the decisions followed up to done."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from essaim.strategy.models.structure import Action, Body
from essaim.strategy.vocabulary import DECISION_STATUS


class Meeting(models.Model):
    body = models.ForeignKey(Body, verbose_name="groupe ou instance", on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("date")
    title = models.CharField("objet", max_length=250)
    agenda = models.TextField("ordre du jour", blank=True)
    minutes = models.TextField("compte rendu", blank=True)
    is_public = models.BooleanField("visible du public", default=False)

    history_entries = GenericRelation("core.HistoryEntry")  # its history, deleted with it

    class Meta:
        verbose_name = "réunion"
        verbose_name_plural = "réunions"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.body} — {self.held_on:%d/%m/%Y}"


class DecisionQuerySet(models.QuerySet["Decision"]):
    def open(self) -> DecisionQuerySet:
        return self.filter(status=Decision.Status.OPEN)


class Decision(models.Model):
    Status = models.TextChoices("Status", DECISION_STATUS.choices(), module=__name__, qualname="Decision.Status")

    meeting = models.ForeignKey(Meeting, verbose_name="réunion", on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField("décision")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="responsable du suivi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategy_decisions",
    )
    due_on = models.DateField("échéance", null=True, blank=True)
    status = models.CharField("suivi", max_length=10, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField("mise en œuvre le", null=True, blank=True)
    actions = models.ManyToManyField(Action, verbose_name="actions concernées", related_name="decisions", blank=True)

    objects = DecisionQuerySet.as_manager()

    history_entries = GenericRelation("core.HistoryEntry")  # its history, deleted with it

    class Meta:
        verbose_name = "décision"
        verbose_name_plural = "décisions"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
