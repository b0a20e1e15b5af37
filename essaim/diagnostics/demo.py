"""Demo self-diagnostics of the instance's région (`ESSAIM_REGION`), dated from the day the demo
loads: three structures of the demo directory (an insertion association, a SCIC, a mutual on the
quick path), each with its pilot's account and two campaigns (`demo_plans.py`, with
`demo_plans_actions.py` and `demo_plans_texts.py`).

Last year's campaign is complete and closed: four to six respondents of different roles (three
employees in two of them, so that their role shows apart), their answers (levels drawn from where
the structure stands, leaning by role, so that roles diverge on a few items), practices and "à revoir" flags, the pilot's consolidated positions and an action plan
whose lines moved on since. This year's is open: fewer answers so far, someone who has not answered
yet, and a reply date three weeks ahead.

Everything goes through the module's services, with e-mails withheld (nobody is invited for
real); the dates and the history are then moved to the day each step "happened". Loading again
makes the three structures' campaigns anew, without duplicates.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.emails import emails_withheld
from essaim.core.history import entries_of_many
from essaim.core.models import HistoryEntry
from essaim.core.registries import demo_loaders, demo_summaries
from essaim.core.text import fold
from essaim.diagnostics.demo_plans import ORGANISATIONS, STRUCTURES, DemoOrganisation, DemoStructure, DemoYear
from essaim.diagnostics.demo_plans_texts import FINDINGS, PRACTICES
from essaim.diagnostics.loading import bank_load_file
from essaim.diagnostics.models import Action, Answer, Campaign, Framework, Item, Position, Respondent, Theme
from essaim.diagnostics.services import (
    action_save,
    answer_save,
    campaign_close,
    campaign_open,
    position_save,
    respondent_invite,
)
from essaim.diagnostics.services.campaigns import current_framework
from essaim.diagnostics.vocabulary import MATURITY, MATURITY_RANK
from essaim.organisations.demo import DEMO_PASSWORD, demo_region
from essaim.organisations.models import Membership, Organisation, OrganisationRole
from essaim.territories.models import Commune

# How each role tends to see the structure's practices: the direction a little higher, the team a
# little lower (the guide's point in asking several roles is to see these gaps).
ROLE_LEANING = {"direction": 0.5, "administrateur": 0.2, "salarie": -0.4, "benevole": -0.3}
# Themes a volunteer often cannot judge from where they stand.
FAR_FROM_VOLUNTEERS = {"politique-salariale", "ethique-deontologie", "environnement", "diversite-egalite"}
# To whom a practice seems more or less advanced ("à la direction", "qu'aux bénévoles").
TO_WHOM = {
    "direction": "à la direction",
    "salarie": "aux salarié·es",
    "administrateur": "au conseil d'administration",
    "benevole": "aux bénévoles",
    "usager": "aux usager·es",
    "partenaire": "aux partenaires",
}
# When an action of last year's plan moved to its present state, as a share of the time between
# the plan and today.
MOVED = {"en_cours": 0.2, "abandonnee": 0.5, "realisee": 0.7}


@dataclass(frozen=True)
class Calendar:
    """A campaign's dates: opened, answers from `opened` until `answers_until`, closed (last year)."""

    year: int
    opened: datetime
    answers_until: datetime
    closes_on: date
    general_meeting_on: date
    closed: datetime | None


@demo_loaders.register("autodiagnostic", order=70)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    region = demo_region()
    if not Framework.objects.filter(is_current=True).exists():
        bank_load_file()
    themes = {theme.code: theme for theme in current_framework().themes.all()}
    now = timezone.now()
    with emails_withheld():
        for plan, identity in zip(STRUCTURES, ORGANISATIONS[region], strict=True):
            organisation = _organisation(identity)
            pilot = _pilot(plan, organisation)
            clear_campaigns(organisation)
            last = _campaign(plan, plan.last, organisation, pilot, themes, last_year_calendar(now), this_year=False)
            current = _campaign(
                plan, plan.current, organisation, pilot, themes, this_year_calendar(now), this_year=True
            )
            log(
                f"  Autodiagnostic — {organisation.name} : {last.year} close "
                f"({Answer.objects.filter(respondent__campaign=last).count()} réponses, "
                f"{last.actions.count()} actions), {current.year} ouverte "
                f"({Answer.objects.filter(respondent__campaign=current).count()} réponses)"
            )


# The structures and their pilots ----------------------------------------------------------


def _organisation(identity: DemoOrganisation) -> Organisation:
    """The directory's structure of that name, created there when the demo directory lacks it."""
    found = Organisation.objects.filter(search_name=fold(identity.name)).order_by("pk").first()
    if found is not None:
        return found
    organisation = Organisation.objects.create(
        name=identity.name,
        commune=Commune.objects.filter(code=identity.commune).first(),
        legal_category=identity.legal_category,
        ess_family=identity.ess_family,
        description=identity.description,
    )
    role = OrganisationRole.objects.filter(slug="entreprise_ess").first()
    if role is not None:
        organisation.roles.add(role)
    return organisation


def _pilot(plan: DemoStructure, organisation: Organisation) -> User:
    """The pilot's demo account, an editor (or administrator) of the structure."""
    user, created = User.objects.get_or_create(email=plan.pilot_email, defaults={"full_name": plan.pilot_name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": plan.membership})
    return user


def clear_campaigns(organisation: Organisation) -> None:
    """The structure's campaigns of an earlier load (any year: the demo may have loaded last
    year), their respondents, answers, positions, plan and history."""
    campaigns = list(Campaign.objects.filter(organisation=organisation).values_list("pk", flat=True))
    respondents = list(Respondent.objects.filter(campaign__in=campaigns).values_list("pk", flat=True))
    actions = list(Action.objects.filter(campaign__in=campaigns).values_list("pk", flat=True))
    entries_of_many(Campaign, campaigns).delete()
    entries_of_many(Respondent, respondents).delete()
    entries_of_many(Action, actions).delete()
    Campaign.objects.filter(pk__in=campaigns).delete()


# Dates ------------------------------------------------------------------------------------


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def last_year_calendar(now: datetime) -> Calendar:
    """About a year ago, within last year (for a demo loaded late in the year, in October)."""
    today = timezone.localdate(now)
    opened = min(today - timedelta(days=350), date(today.year - 1, 10, 1))
    return Calendar(
        year=today.year - 1,
        opened=_at(opened, 9),
        answers_until=_at(opened + timedelta(days=34), 18),
        closes_on=opened + timedelta(days=35),
        general_meeting_on=opened + timedelta(days=56),
        closed=_at(opened + timedelta(days=40), 17),
    )


def this_year_calendar(now: datetime) -> Calendar:
    """Opened a dozen days ago (not before 1 January), answers expected three weeks from now."""
    today = timezone.localdate(now)
    opened = max(today - timedelta(days=12), date(today.year, 1, 1))
    return Calendar(
        year=today.year,
        opened=min(_at(opened, 9), now - timedelta(hours=3)),
        answers_until=now - timedelta(minutes=30),
        closes_on=today + timedelta(days=21),
        general_meeting_on=today + timedelta(days=56),
        closed=None,
    )


@contextmanager
def dated(when: datetime) -> Iterator[None]:
    """The history written inside the block is dated `when` (the day the step "happened")."""
    last = HistoryEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    HistoryEntry.objects.filter(pk__gt=last).update(created_at=when)


# A campaign -------------------------------------------------------------------------------


def _email(name: str) -> str:
    return ".".join(fold(part).replace(" ", "-") for part in name.split(" ", 1)) + "@example.org"


def _campaign(
    plan: DemoStructure,
    year_plan: DemoYear,
    organisation: Organisation,
    pilot: User,
    themes: dict[str, Theme],
    calendar: Calendar,
    *,
    this_year: bool,
) -> Campaign:
    with dated(calendar.opened):
        campaign = campaign_open(
            organisation=organisation,
            year=calendar.year,
            pilot=pilot,
            pilot_role=plan.pilot_role,
            mode=year_plan.mode,
            themes=[themes[code] for code in year_plan.themes if code in themes],
            closes_on=calendar.closes_on,
            general_meeting_on=calendar.general_meeting_on,
        )
    Campaign.objects.filter(pk=campaign.pk).update(created_at=calendar.opened)
    pilot_respondent = campaign.respondents.get()
    Respondent.objects.filter(pk=pilot_respondent.pk).update(invited_at=calendar.opened)
    invited = [(pilot_respondent, year_plan.pilot_share)]
    for index, (person, share) in enumerate(year_plan.respondents, start=1):
        when = calendar.opened + timedelta(minutes=20 * index)
        with dated(when):
            respondent = respondent_invite(
                campaign=campaign, email=_email(person.name), role=person.role, name=person.name, by=pilot
            )
        Respondent.objects.filter(pk=respondent.pk).update(invited_at=when)
        invited.append((respondent, share))
    items = list(campaign.items())
    rng = random.Random(f"{plan.key}/{'this' if this_year else 'last'}")
    acted = {action.item for action in plan.actions if action.status in ("en_cours", "realisee")}
    direction = next((r for r, _share in invited if r.role == "direction"), None)
    for respondent, share in invited:
        asked = [item for item in items if item.kind == Item.Kind.QUESTION or respondent == direction]
        answered = asked[: round(share * len(asked))]
        start = calendar.opened + (calendar.answers_until - calendar.opened) * rng.uniform(0.1, 0.6)
        for item in answered:
            _answer(plan, respondent, item, rng, this_year=this_year, acted=acted)
        if answered:
            last_answer = min(start + timedelta(minutes=2 * len(answered)), calendar.answers_until)
            Answer.objects.filter(respondent=respondent).update(updated_at=last_answer)
            Respondent.objects.filter(pk=respondent.pk).update(last_answer_at=last_answer)
    if calendar.closed is not None:
        _consolidate(plan, campaign, items, pilot, calendar.closed)
        with dated(calendar.closed):
            campaign_close(campaign=campaign, by=pilot, now=calendar.closed)
    return campaign


def _answer(
    plan: DemoStructure, respondent: Respondent, item: Item, rng: random.Random, *, this_year: bool, acted: set[str]
) -> None:
    """One answer: a figure for an indicator; for a question, a level drawn from where the
    structure stands on the theme, how the item compares (the same both years), the role's
    leaning, last year's plan and chance; now and then a practice, a doubt, "à revoir"."""
    year = 1 if this_year else 0
    if item.kind == Item.Kind.INDICATOR:
        value = plan.indicators.get(item.code, ("", ""))[year]
        if value:
            answer_save(respondent=respondent, item=item, value=Decimal(value))
        return
    theme = item.domain.theme.code
    role = respondent.role
    level = ""
    if (role == "benevole" and theme in FAR_FROM_VOLUNTEERS and rng.random() < 0.3) or rng.random() < 0.03:
        level = "ne_sait_pas"
    score = (
        plan.base.get(theme, 1.5)
        + random.Random(f"{plan.key}/{item.code}").uniform(-0.7, 0.7)
        + ROLE_LEANING.get(role, 0)
        + plan.divergent.get(item.code, {}).get(role, 0)
        + rng.uniform(-0.5, 0.5)
    )
    if this_year:
        score += plan.progress.get(theme, 0) + (0.8 if item.code in acted else 0)
    level = level or MATURITY[min(len(MATURITY) - 1, max(0, round(score)))][0]
    practices = PRACTICES.get(item.code, {}).get(role, "")
    if this_year and rng.random() < 0.5:
        practices = ""
    to_review = (level == "ne_sait_pas" and rng.random() < 0.5) or rng.random() < 0.05
    answer_save(respondent=respondent, item=item, level=level, practices=practices, to_review=to_review)


def _consolidate(plan: DemoStructure, campaign: Campaign, items: list[Item], pilot: User, closed: datetime) -> None:
    """After reading the answers: a position on every question (the median level of the
    answers on the scale, a comment where roles diverge), then the action plan, whose lines have
    moved on since."""
    answers: dict[int, list[Answer]] = {}
    for answer in Answer.objects.filter(respondent__campaign=campaign).select_related("respondent"):
        answers.setdefault(answer.item_id, []).append(answer)
    for item in items:
        if item.kind != Item.Kind.QUESTION:
            continue
        ranked = sorted(
            (MATURITY_RANK[a.level], a.respondent.role) for a in answers.get(item.pk, []) if a.level in MATURITY_RANK
        )
        level = MATURITY[ranked[(len(ranked) - 1) // 2][0]][0] if ranked else "ne_sait_pas"
        comment = FINDINGS.get(plan.key, {}).get(item.code, "")
        if ranked and ranked[-1][0] - ranked[0][0] >= 2:
            comment = _divergence(high=ranked[-1][1], low=ranked[0][1])
        position_save(campaign=campaign, item=item, level=level, comment=comment, by=pilot)
    Position.objects.filter(campaign=campaign).update(updated_at=closed - timedelta(days=3))
    by_code = {item.code: item for item in items}
    planned = closed - timedelta(days=2)
    today = timezone.localdate()
    for line in plan.actions:
        if line.item not in by_code:
            continue
        data = {
            "title": line.title,
            "objective_1y": line.objective_1y,
            "objective_3y": line.objective_3y,
            "responsible": line.responsible,
            "due_on": today + timedelta(days=line.due_days),
            "status": "a_lancer",
            "resources": line.resources,
        }
        with dated(planned):
            action = action_save(campaign=campaign, item=by_code[line.item], data=data, by=pilot)
        Action.objects.filter(pk=action.pk).update(created_at=planned)
        if line.status in MOVED:
            moved = planned + (timezone.now() - planned) * MOVED[line.status]
            with dated(moved):
                action_save(
                    campaign=campaign, item=by_code[line.item], action=action, data={"status": line.status}, by=pilot
                )


def _divergence(*, high: str, low: str) -> str:
    if high == low:
        return "Les avis sont partagés au sein d'un même groupe : nous en reparlerons ensemble avant de trancher."
    return (
        f"Les regards diffèrent : la pratique paraît plus avancée {TO_WHOM[high]} qu'{TO_WHOM[low]}. "
        "Nous retenons le niveau médian et en parlerons ensemble avant l'assemblée générale."
    )


# The summary ------------------------------------------------------------------------------

WHAT = {
    "insertion": "résultats par rôle, positions retenues et plan d'action de l'an dernier ; campagne en cours",
    "scic": "deux années sur des thèmes différents, un plan d'action bien avancé",
    "mutuelle": "le parcours rapide sur les huit thèmes, deux années à comparer",
}


@demo_summaries.register("autodiagnostic", order=70)
def accounts_summary() -> str:
    """The pilots' accounts, the first structure's first: what each lets one look at."""
    campaigns = {
        campaign.pilot.email: campaign
        for campaign in Campaign.objects.filter(pilot__email__in=[plan.pilot_email for plan in STRUCTURES])
        .select_related("pilot", "organisation")
        .order_by("year")
    }
    if not campaigns:
        return ""
    lines = [f"Autodiagnostic, comptes de démonstration des pilotes (mot de passe « {DEMO_PASSWORD} ») :"]
    lines += [
        f"  {plan.pilot_email} — {campaigns[plan.pilot_email].organisation.name} : {WHAT[plan.key]}"
        for plan in STRUCTURES
        if plan.pilot_email in campaigns
    ]
    lines.append("  Sur /autodiagnostic/ : la campagne close de l'an dernier et celle de cette année, ouverte.")
    return "\n".join(lines)
