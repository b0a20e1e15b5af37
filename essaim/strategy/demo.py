"""Demo strategies of the instance's région (`ESSAIM_REGION`): the historical one (Pays de la Loire
2017-2021 or Centre-Val de Loire 2018-2021), closed, written in our own words, with its meetings,
reporting campaigns, reports and final bilan; then a current action plan, clearly presented as a
demonstration, whose dates follow the day the demo is loaded (`demo_live`).

The strategies go through `load_strategy_file`, like any CRESS file; their life (activity.yaml)
is written directly, with the dates it happened on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.registries import demo_loaders, demo_summaries
from essaim.organisations.demo import DEMO_PASSWORD, demo_region
from essaim.strategy.demo_live import LIVE_FILE, live_activity, live_text
from essaim.strategy.loading import load_strategy_file
from essaim.strategy.models import (
    Action,
    Body,
    Campaign,
    Decision,
    Indicator,
    IndicatorValue,
    Meeting,
    ProgressReport,
    Strategy,
)
from essaim.strategy.services import bilan_publish, bilan_take
from essaim.strategy.strategy_file import read_yaml
from essaim.strategy.values import parse_value

DEMO_DIR = Path(__file__).parent / "demo_data"
STRATEGY_FILES = {"52": "pays-de-la-loire-2017-2021.yaml", "24": "centre-val-de-loire-2018-2021.yaml"}
DEMO_DOMAIN = "@demo.essaim.example"
KEY_ACCOUNTS = [
    ("copilote.pdl@demo.essaim.example", "copilote de la stratégie des Pays de la Loire"),
    ("elu.pdl@demo.essaim.example", "élue, lecture de la stratégie des Pays de la Loire"),
    ("referente.pdl@demo.essaim.example", "référente d'un groupe-projet des Pays de la Loire"),
    ("copilote.cvl@demo.essaim.example", "copilote de la stratégie du Centre-Val de Loire"),
    ("referent.cvl@demo.essaim.example", "référent d'actions du Centre-Val de Loire"),
    ("copilote.demo@demo.essaim.example", "copilote de la feuille de route en cours (démonstration)"),
    ("pilote.demo@demo.essaim.example", "pilote d'actions de la feuille de route en cours, avec des points à rendre"),
]


@demo_loaders.register("strategie", order=40)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    region = demo_region()
    today = timezone.localdate()
    name = STRATEGY_FILES[region]
    for label, text in ((name, (DEMO_DIR / name).read_text(encoding="utf-8")), (LIVE_FILE, live_text(region, today))):
        report = load_strategy_file(text=text)
        if not report.ok:
            raise RuntimeError(f"{label} est invalide : " + "; ".join(map(str, report.errors)))
        log(f"  Stratégie ({label}) : {report.summary()}")
    # People named in the demo files get the demo password, so that one can log in as them.
    for user in User.objects.filter(email__endswith=DEMO_DOMAIN, password__startswith="!"):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    activity = read_yaml((DEMO_DIR / "activity.yaml").read_text(encoding="utf-8"))
    codes = set(Strategy.objects.filter(region__code=region).values_list("code", flat=True))
    meetings = _meetings(_of(activity.get("meetings", []), codes))
    reports = _campaigns(_of(activity.get("campaigns", []), codes), meetings)
    bilans = _bilans(_of(activity.get("bilans", []), codes))
    log(f"  Vie de la stratégie passée : {len(meetings)} réunions, {reports} points d'avancement, {bilans} bilans")
    live = live_activity(today=today)
    log(f"  Feuille de route en cours : {live}")


def _of(items: list[dict[str, Any]], codes: set[str]) -> list[dict[str, Any]]:
    """The items that belong to the strategies loaded for this région."""
    return [item for item in items if item["strategy"] in codes]


def _at(day: Any, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _user(email: str | None) -> User | None:
    return User.objects.filter(email__iexact=email).first() if email else None


def _meetings(items: list[dict[str, Any]]) -> dict[tuple[str, str, str], Meeting]:
    meetings = {}
    for item in items:
        body = Body.objects.get(strategy__code=item["strategy"], code=item["body"])
        meeting = Meeting.objects.create(
            body=body,
            held_on=item["held_on"],
            title=item["title"],
            agenda=item.get("agenda", ""),
            minutes=item.get("minutes", ""),
            is_public=item.get("public", False),
        )
        for entry in item.get("decisions", []):
            decision = Decision.objects.create(
                meeting=meeting,
                text=entry["text"],
                owner=_user(entry.get("owner")),
                due_on=entry.get("due_on"),
                status=entry.get("status", Decision.Status.OPEN),
                done_on=entry.get("done_on"),
            )
            decision.actions.set(Action.objects.filter(strategy=body.strategy, code__in=entry.get("actions", [])))
        meetings[(item["strategy"], item["body"], str(item["held_on"]))] = meeting
    return meetings


def _campaigns(items: list[dict[str, Any]], meetings: dict[tuple[str, str, str], Meeting]) -> int:
    count = 0
    for item in items:
        strategy = Strategy.objects.get(code=item["strategy"])
        link = item.get("meeting")
        campaign = Campaign.objects.create(
            strategy=strategy,
            title=item["title"],
            period_label=item["period_label"],
            opens_on=item["opens_on"],
            due_on=item["due_on"],
            status=item["status"],
            meeting=meetings.get((item["strategy"], link["body"], str(link["held_on"]))) if link else None,
        )
        for entry in item.get("reports", []):
            _report(campaign, entry)
            count += 1
    return count


def _report(campaign: Campaign, entry: dict[str, Any]) -> None:
    action = Action.objects.get(strategy=campaign.strategy, code=entry["action"])
    state = entry["state"]
    sent = state in {ProgressReport.State.SUBMITTED, ProgressReport.State.RETURNED, ProgressReport.State.VALIDATED}
    reviewed = state in {ProgressReport.State.RETURNED, ProgressReport.State.VALIDATED}
    copilot = campaign.strategy.members.filter(role="copilot").select_related("user").first()
    report = ProgressReport.objects.create(
        action=action,
        campaign=campaign,
        state=state,
        status=entry.get("status", action.status),
        weather=entry.get("weather", ""),
        done=entry.get("done", ""),
        next_steps=entry.get("next_steps", ""),
        blockers=entry.get("blockers", ""),
        support_needed=entry.get("support_needed", ""),
        highlights=entry.get("highlights", ""),
        author=_user(entry.get("author")),
        submitted_at=_at(campaign.due_on - timedelta(days=3)) if sent else None,
        reviewed_by=copilot.user if reviewed and copilot else None,
        reviewed_at=_at(campaign.due_on + timedelta(days=6)) if reviewed else None,
        review_comment=entry.get("review_comment", ""),
    )
    for value in entry.get("values", []):
        indicator = Indicator.objects.get(strategy=campaign.strategy, code=value["indicator"])
        IndicatorValue.objects.create(
            indicator=indicator,
            report=report,
            measured_on=value["on"],
            value=parse_value(str(value["value"]), indicator.unit),
            vintage=str(value.get("vintage") or value["on"].year),
            source=value.get("source") or indicator.source,
            state=IndicatorValue.State.VALIDATED if state == ProgressReport.State.VALIDATED else "proposed",
            proposed_by=report.author,
            validated_by=report.reviewed_by if state == ProgressReport.State.VALIDATED else None,
        )


def _bilans(items: list[dict[str, Any]]) -> int:
    for item in items:
        strategy = Strategy.objects.get(code=item["strategy"])
        copilot = strategy.members.filter(role="copilot").select_related("user").first()
        bilan = bilan_take(
            strategy=strategy,
            title=item["title"],
            as_of=item["as_of"],
            introduction=item.get("introduction", ""),
            by=copilot.user if copilot else None,
            # Frozen a few days after its date, not on the day the demo loads.
            taken_at=_at(item["as_of"] + timedelta(days=3)),
        )
        if item.get("published"):
            # Published at the regional conference that followed, always after the freeze.
            bilan_publish(bilan=bilan, by=copilot.user if copilot else None, at=_at(bilan.as_of + timedelta(days=10)))
    return len(items)


@demo_summaries.register("strategie", order=40)
def accounts_summary() -> str:
    existing = set(User.objects.filter(email__in=[email for email, _ in KEY_ACCOUNTS]).values_list("email", flat=True))
    lines = [f"  {email} — {description}" for email, description in KEY_ACCOUNTS if email in existing]
    return "Comptes de démonstration du pilotage de la stratégie :\n" + "\n".join(lines) if lines else ""
