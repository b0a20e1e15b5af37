"""Indicators: what is measured, from where, against which baseline and targets."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models

from essaim.strategy import progress
from essaim.strategy.models.structure import Action, Strategy, StrategyNode
from essaim.strategy.vocabulary import INDICATOR_KIND, VALUE_STATE


def validate_platform_metric(value: str) -> None:
    from essaim.core.registries import platform_metrics

    if value and value not in platform_metrics:
        raise ValidationError(f"Mesure de la plateforme inconnue : « {value} ».")


class Indicator(models.Model):
    Kind = models.TextChoices("Kind", INDICATOR_KIND.choices(), module=__name__, qualname="Indicator.Kind")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="indicators")
    code = models.SlugField("identifiant", max_length=60)
    name = models.CharField("nom", max_length=250)
    definition = models.TextField("définition", blank=True)
    kind = models.CharField("nature", max_length=10, choices=Kind.choices)
    unit = models.CharField("unité", max_length=30, help_text="Par exemple « emplois », « % », « structures ».")
    decimals = models.PositiveSmallIntegerField("décimales", default=0)
    node = models.ForeignKey(
        StrategyNode,
        verbose_name="rattaché à",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    actions = models.ManyToManyField(Action, verbose_name="actions", related_name="indicators", blank=True)
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="responsables", related_name="led_indicators", blank=True
    )
    baseline_value = models.DecimalField("valeur de départ", max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_on = models.DateField("date de la valeur de départ", null=True, blank=True)
    source = models.CharField("source", max_length=250, blank=True)
    platform_metric = models.CharField(
        "mesuré par la plateforme",
        max_length=60,
        blank=True,
        validators=[validate_platform_metric],
        help_text="Laisser vide pour un indicateur renseigné à la main.",
    )
    is_public = models.BooleanField("visible du public", default=True)

    class Meta:
        verbose_name = "indicateur"
        verbose_name_plural = "indicateurs"
        ordering = ["strategy", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="indicator_unique_code")]

    def __str__(self) -> str:
        return self.name

    def validated_values(self) -> list[IndicatorValue]:
        return [value for value in self.values.all() if value.state == IndicatorValue.State.VALIDATED]

    def current_value(self) -> IndicatorValue | None:
        values = self.validated_values()
        return max(values, key=lambda value: (value.measured_on, value.pk)) if values else None

    def final_target(self) -> IndicatorTarget | None:
        targets = list(self.targets.all())
        return max(targets, key=lambda target: target.due_on) if targets else None

    def progress(self) -> float | None:
        """Share of the way from the baseline to the final target, or None without both."""
        current, target = self.current_value(), self.final_target()
        return progress.indicator_progress(
            baseline=self.baseline_value,
            target=target.value if target else None,
            current=current.value if current else None,
        )


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    due_on = models.DateField("échéance")
    value = models.DecimalField("cible", max_digits=14, decimal_places=4)

    class Meta:
        verbose_name = "cible"
        verbose_name_plural = "cibles"
        ordering = ["indicator", "due_on"]
        constraints = [models.UniqueConstraint(fields=["indicator", "due_on"], name="indicator_target_unique_date")]

    def __str__(self) -> str:
        return f"{self.value} au {self.due_on:%d/%m/%Y}"


class IndicatorValue(models.Model):
    """A measure: proposed by a lead (often within a progress report), then validated by a
    co-pilot. Only validated values count and reach the public."""

    State = models.TextChoices("State", VALUE_STATE.choices(), module=__name__, qualname="IndicatorValue.State")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    measured_on = models.DateField("date de la mesure")
    value = models.DecimalField("valeur", max_digits=14, decimal_places=4)
    source = models.CharField("source", max_length=250)
    vintage = models.CharField("millésime", max_length=20, help_text="L'année ou la période mesurée, ex. « 2019 ».")
    comment = models.TextField("commentaire", blank=True)
    state = models.CharField("état", max_length=10, choices=State.choices, default=State.PROPOSED)
    report = models.ForeignKey(
        "strategy.ProgressReport", on_delete=models.SET_NULL, null=True, blank=True, related_name="indicator_values"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("saisie le", auto_now_add=True)

    history_entries = GenericRelation("core.HistoryEntry")  # its history, deleted with it

    class Meta:
        verbose_name = "valeur d'indicateur"
        verbose_name_plural = "valeurs d'indicateurs"
        ordering = ["indicator", "measured_on", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator} : {self.value} ({self.vintage})"
