"""Who is told what by e-mail. Each message is a template pair in templates/emails/strategy_*;
the services give it the objects it speaks of, never sentences."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse

from essaim.accounts.models import User
from essaim.core.emails import send_templated_email
from essaim.strategy.models import Action, ProgressReport, Strategy, StrategyMember


def notify(*, message: str, to: Iterable[str], context: dict[str, Any]) -> None:
    """Queue the e-mail `emails/strategy_<message>` to each address once (nothing without one)."""
    recipients = sorted(set(to))
    if recipients:
        send_templated_email(template=f"emails/strategy_{message}", to=recipients, context=context)


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def report_url(report: ProgressReport) -> str:
    return site_url(reverse("strategy:report", kwargs={"pk": report.pk}))


def action_lead_emails(action: Action) -> list[str]:
    """The action's leads and the leads of its project group, if still active."""
    leads = User.objects.filter(is_active=True).filter(led_actions=action)
    group_leads = User.objects.filter(is_active=True, led_bodies=action.group_id) if action.group_id else []
    return [user.email for user in [*leads, *group_leads]]


def copilot_emails(strategy: Strategy) -> list[str]:
    return list(
        StrategyMember.objects.filter(
            strategy=strategy, role=StrategyMember.Role.COPILOT, user__is_active=True
        ).values_list("user__email", flat=True)
    )
