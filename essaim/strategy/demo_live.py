"""The demo's current action plan: a strategy clearly presented as a demonstration, whose dates
follow the day the demo is loaded, so that the live workflow always shows. Whatever the date,
one campaign is open with its due date a few days ahead, an earlier one is past due with reports
still missing (their reminders are due), a platform-fed indicator has values over the past months
and a hand-fed one its own series."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from string import Template

from django.utils import timezone

from essaim.accounts.models import User
from essaim.organisations.demo import DEMO_REGIONS
from essaim.strategy.models import Campaign, Indicator, IndicatorValue, ProgressReport, Strategy
from essaim.strategy.services import platform_indicators_update

LIVE_FILE = "feuille-de-route-demo.yaml"
LIVE_CODE = "demo-feuille-de-route"
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
State = ProgressReport.State

# How each action answered each campaign; an action not named has not started its report.
LATE_CAMPAIGN = {"1.1": State.VALIDATED, "1.2": State.SUBMITTED, "2.2": State.VALIDATED}
CURRENT_CAMPAIGN = {"1.1": State.SUBMITTED}
REPORT_TEXT = {
    "done": "Les rencontres prévues ont eu lieu ; le compte rendu est partagé avec le groupe-projet.",
    "next_steps": "Préparer la prochaine session avec les partenaires et relancer ceux qui n'ont pas répondu.",
    "blockers": "Les disponibilités des partenaires en période de congés ralentissent le calendrier.",
}


@dataclass(frozen=True)
class LiveSummary:
    campaigns: int
    missing: int
    platform_values: int

    def __str__(self) -> str:
        return (
            f"{self.campaigns} campagnes ouvertes, {self.missing} points d'avancement attendus, "
            f"{self.platform_values} relevés automatiques"
        )


def plan_dates(today: date) -> dict[str, date]:
    """A four-year plan that started at the beginning of last year."""
    starts_on = date(today.year - 1, 1, 1)
    return {
        "starts_on": starts_on,
        "ends_on": date(today.year + 2, 12, 31),
        "adopted_on": starts_on - timedelta(days=20),
        "mid_on": date(today.year + 1, 6, 30),
    }


def live_text(region: str, today: date) -> str:
    """The strategy file of the current plan, its dates computed from `today`."""
    dates = plan_dates(today)
    template = Template((Path(__file__).parent / "demo_data" / LIVE_FILE).read_text(encoding="utf-8"))
    return template.substitute(
        region=region,
        region_name=DEMO_REGIONS[region],
        first_year=dates["starts_on"].year,
        last_year=dates["ends_on"].year,
        **{key: value.isoformat() for key, value in dates.items()},
    )


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _campaign(strategy: Strategy, *, opens_on: date, due_on: date, answers: dict[str, str]) -> int:
    """An open campaign with one report per action under way; returns how many are still missing."""
    campaign = Campaign.objects.create(
        strategy=strategy,
        title=f"Point d'étape de {MONTHS[due_on.month - 1]} {due_on.year}",
        period_label=f"du {opens_on:%d/%m/%Y} au {due_on:%d/%m/%Y}",
        opens_on=opens_on,
        due_on=due_on,
        status=Campaign.Status.OPEN,
    )
    copilot = User.objects.filter(email="copilote.demo@demo.essaim.example").first()
    for action in strategy.actions.in_progress().prefetch_related("leads"):
        state = answers.get(action.code, State.DRAFT)
        sent = state != State.DRAFT
        reviewed = state == State.VALIDATED
        ProgressReport.objects.create(
            action=action,
            campaign=campaign,
            state=state,
            status=action.status,
            weather=action.weather,
            author=action.leads.first() if sent else None,
            submitted_at=_at(due_on - timedelta(days=4)) if sent else None,
            reviewed_by=copilot if reviewed else None,
            reviewed_at=_at(due_on - timedelta(days=1)) if reviewed else None,
            **(REPORT_TEXT if sent else {}),
        )
    return campaign.reports.missing().count()


def live_activity(*, today: date) -> LiveSummary:
    strategy = Strategy.objects.get(code=LIVE_CODE)
    missing = _campaign(
        strategy, opens_on=today - timedelta(days=60), due_on=today - timedelta(days=20), answers=LATE_CAMPAIGN
    )
    missing += _campaign(
        strategy, opens_on=today - timedelta(days=9), due_on=today + timedelta(days=5), answers=CURRENT_CAMPAIGN
    )
    trained = Indicator.objects.get(strategy=strategy, code="agents-formes")
    for days_ago, value in ((300, 12), (180, 27), (60, 41)):
        IndicatorValue.objects.create(
            indicator=trained,
            measured_on=today - timedelta(days=days_ago),
            value=Decimal(value),
            vintage=str((today - timedelta(days=days_ago)).year),
            source=trained.source,
            state=IndicatorValue.State.VALIDATED,
        )
    # The platform measures once a month: the last day of each of the past six months, then today.
    measured = 0
    month_end = today.replace(day=1) - timedelta(days=1)
    for _ in range(6):
        measured += platform_indicators_update(today=month_end)
        month_end = month_end.replace(day=1) - timedelta(days=1)
    measured += platform_indicators_update(today=today)
    return LiveSummary(campaigns=2, missing=missing, platform_values=measured)
