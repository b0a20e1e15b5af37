"""Indicator values: proposed by a lead (within a report or on their own), validated or set
aside by a co-pilot (`VALUE_FLOW`), or measured by the platform itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from essaim.accounts.models import User
from essaim.core.history import tracking
from essaim.core.registries import platform_metrics
from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms
from essaim.strategy.models import Indicator, IndicatorValue, ProgressReport
from essaim.strategy.services.notices import copilot_emails, notify, site_url
from essaim.strategy.workflows import VALUE_FLOW


@dataclass(frozen=True)
class ProposedValue:
    indicator: Indicator
    value: Decimal
    measured_on: date
    source: str
    vintage: str


@transaction.atomic
def proposed_value_add(*, proposed: ProposedValue, report: ProgressReport | None, by: User) -> IndicatorValue:
    """Record a proposed value, with its history (no e-mail: the caller says who is told)."""
    value = IndicatorValue(indicator=proposed.indicator, report=report)
    with tracking(value, by=by, summary="Valeur proposée"):
        value.measured_on, value.value = proposed.measured_on, proposed.value
        value.source, value.vintage, value.proposed_by = proposed.source, proposed.vintage, by
        value.save()
    return value


@transaction.atomic
def value_propose(*, proposed: ProposedValue, by: User) -> IndicatorValue:
    """A value proposed outside a report (a context figure from the observatory, say); the
    co-pilots are asked to examine it."""
    value = proposed_value_add(proposed=proposed, report=None, by=by)
    indicator = proposed.indicator
    notify(
        message="value_proposed",
        to=copilot_emails(indicator.strategy),
        context={
            "indicator": indicator,
            "value": value,
            "by": by,
            "url": site_url(
                reverse(
                    "strategy:indicator_history", kwargs={"code": indicator.strategy.code, "indicator": indicator.code}
                )
            ),
        },
    )
    return value


@transaction.atomic
def value_review(*, value: IndicatorValue, accept: bool, comment: str, by: User) -> None:
    """Validate a value proposed outside a report, or set it aside with a reason."""
    value = (
        IndicatorValue.objects.select_for_update(of=("self",)).select_related("indicator__strategy").get(pk=value.pk)
    )
    target = IndicatorValue.State.VALIDATED if accept else IndicatorValue.State.REJECTED
    VALUE_FLOW.check(value.state, target, roles=perms.roles_in(by, value.indicator.strategy))
    if value.report_id:
        raise TransitionRefused("Cette valeur accompagne un point d'avancement : elle est validée avec lui.")
    if not accept and not comment.strip():
        raise TransitionRefused("Dites pourquoi la valeur est écartée : le commentaire est obligatoire.")
    with tracking(value, by=by, summary="Valeur validée" if accept else "Valeur écartée"):
        value.state = target
        value.validated_by = by if accept else None
        if comment.strip():
            value.comment = comment.strip()
        value.save()


def platform_fed_indicators(*, today: date) -> Any:
    """The indicators fed by a platform metric, for the strategies under way (what the platform
    holds today says nothing of a past period)."""
    indicators = Indicator.objects.exclude(platform_metric="").filter(
        strategy__starts_on__lte=today, strategy__ends_on__gte=today
    )
    return indicators.select_related("strategy__region").order_by("pk")


@transaction.atomic
def platform_indicator_update(*, indicator: Indicator, today: date) -> bool:
    """Record today's value of an indicator fed by a platform metric (validated at once: the
    platform counts what it holds). Returns whether a value was recorded (not when its metric is
    no longer registered)."""
    if indicator.platform_metric not in platform_metrics:
        return False
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
    return True


def platform_indicators_update(*, today: date) -> int:
    """Record today's value of every indicator fed by a platform metric (the demo's history; the
    nightly command goes through them one by one, each in its own error boundary). Returns the
    number of indicators updated."""
    indicators = platform_fed_indicators(today=today)
    return sum(platform_indicator_update(indicator=indicator, today=today) for indicator in indicators)
