"""Demo support requests of the instance's région (`ESSAIM_REGION`), dated from the day the demo
loads: the network of partners (`demo_network_partners.py`) and its teams' referencing
(`demo_network.py`), then about forty requests in every state (`demo_requests.py`, with
`demo_requests_open.py` and `demo_requests_settled.py`).

The partners are the demo directory's structures; the few it lacks (the chambers, a Guid'Asso
point) are added to it. Each team gets one adviser account with the demo password.

Requests go through the module's services, each step at its date (`now=`), so that dispatches,
reminders and history agree; the history entries and the creation dates are then moved to the
day each step "happened". The services tell people about every step: here e-mails are withheld,
nobody is told anything. Loading again makes the requests anew, without duplicates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from essaim.accounts.models import User
from essaim.core.emails import emails_withheld
from essaim.core.history import entries_of_many
from essaim.core.models import HistoryEntry
from essaim.core.registries import demo_loaders, demo_summaries
from essaim.core.text import fold
from essaim.organisations.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_region
from essaim.organisations.models import Membership, Organisation, OrganisationRole
from essaim.referrals.demo_network import KEY_TEAM, TEAMS, DemoTeam
from essaim.referrals.demo_network_partners import PARTNERS, DemoPartner
from essaim.referrals.demo_requests import OFFER_PARTNER, PLACES, DemoRequest
from essaim.referrals.demo_requests_open import LATEST, OPEN
from essaim.referrals.demo_requests_settled import SETTLED
from essaim.referrals.models import REMINDER_DAYS, DeclineReason, Dispatch, Referral, Team
from essaim.referrals.services import (
    ReferralContext,
    referral_close,
    referral_create,
    referral_decline,
    referral_rate,
    referral_route,
    referral_take,
    referral_withdraw,
)
from essaim.referrals.services.partners import team_save
from essaim.referrals.services.reminders import dispatch_remind, referral_abandon, satisfaction_ask
from essaim.territories.models import Commune

CRESS_EMAIL = DEMO_ACCOUNTS[0].email
DECLINES = (
    (DeclineReason.SKILLS, "Ce besoin relève plutôt d'un autre partenaire du réseau."),
    (DeclineReason.CAPACITY, "Notre équipe est complète jusqu'à la fin du trimestre."),
    (DeclineReason.TERRITORY, ""),
)
ABANDON_AFTER = timedelta(days=30)
SATISFACTION_AFTER = timedelta(days=45)
# In the order they are created, which their ids keep.
REQUESTS = (*OPEN, *SETTLED, *LATEST)


@demo_loaders.register("accompagnement", order=60)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    region = demo_region()
    cress = User.objects.filter(email=CRESS_EMAIL).first()
    if cress is None:
        raise RuntimeError("Le compte de démonstration de la CRESS manque : chargez d'abord la démo « annuaire ».")
    with emails_withheld():
        teams = {plan.key: _team(plan, _partner(region, plan.partner), cress) for plan in TEAMS[region]}
        log(f"  Réseau d'accompagnement : {len(teams)} équipes de {len(PARTNERS[region])} structures partenaires")
        _clear()
        now = timezone.now()
        communes = _communes(region)
        for plan in REQUESTS:
            _request(plan, region=region, communes=communes, cress=cress, now=now)
    states = Counter(Referral.objects.filter(pk__in=_demo_requests()).values_list("status", flat=True))
    labels = dict(Referral.Status.choices)
    log(
        f"  Demandes : {sum(states.values())}, "
        + ", ".join(f"{count} « {labels[status]} »" for status, count in sorted(states.items()))
    )


# The network -----------------------------------------------------------------------------


def _partner(region: str, name: str) -> Organisation:
    """The directory's structure of that name, created there when the demo directory lacks it."""
    found = Organisation.objects.filter(search_name=fold(name)).order_by("pk").first()
    if found is not None:
        return found
    plan: DemoPartner = next(partner for partner in PARTNERS[region] if partner.name == name)
    organisation = Organisation.objects.create(
        name=plan.name,
        commune=Commune.objects.filter(code=plan.commune).first(),
        description=plan.description,
        ess_family=plan.ess_family,
    )
    role = OrganisationRole.objects.filter(slug="operateur_accompagnement").first()
    if role is not None:
        organisation.roles.add(role)
    return organisation


def _team(plan: DemoTeam, organisation: Organisation, cress: User) -> Team:
    adviser, created = User.objects.get_or_create(email=plan.adviser_email, defaults={"full_name": plan.adviser})
    if created:
        adviser.set_password(DEMO_PASSWORD)
        adviser.save(update_fields=["password"])
    Membership.objects.get_or_create(user=adviser, organisation=organisation, defaults={"role": "member"})
    data: dict[str, Any] = {
        "organisation": organisation,
        "name": plan.name,
        "email": plan.email,
        "needs": list(plan.needs),
        "audiences": list(plan.audiences),
        "legal_forms": [],
        "min_years": plan.min_years,
        "max_years": None,
        "min_employees": plan.min_employees,
        "max_employees": None,
        "is_active": True,
    }
    team = Team.objects.filter(organisation=organisation, name=plan.name).first()
    return team_save(team=team, data=data, territories=plan.territories, advisers=[adviser], by=cress)


# The requests ----------------------------------------------------------------------------


def _email(plan: DemoRequest) -> str:
    if plan.email is not None:
        return plan.email
    return ".".join(fold(part).replace(" ", "-") for part in plan.name.split(" ", 1)) + "@example.org"


def _demo_requests() -> Any:
    """The demo's requests, found by their requesters' addresses (or phone, for those without one)."""
    emails = {_email(plan) for plan in REQUESTS} - {""}
    phones = {plan.phone for plan in REQUESTS if not _email(plan)}
    return Referral.objects.filter(Q(email__in=emails) | Q(email="", phone__in=phones)).values("pk")


def _clear() -> None:
    """The requests of an earlier load, their dispatches and their history."""
    ids = list(_demo_requests().values_list("pk", flat=True))
    dispatches = list(Dispatch.objects.filter(referral__in=ids).values_list("pk", flat=True))
    entries_of_many(Referral, ids).delete()
    entries_of_many(Dispatch, dispatches).delete()
    Referral.objects.filter(pk__in=ids).delete()


def _communes(region: str) -> dict[str, Commune]:
    codes = set(PLACES[region].values())
    communes = {c.code: c for c in Commune.objects.filter(code__in=codes).select_related("departement__region", "epci")}
    missing = sorted(codes - set(communes))
    if missing:
        raise RuntimeError("Communes absentes du référentiel : " + ", ".join(missing))
    return communes


@contextmanager
def _dated(when: datetime) -> Iterator[None]:
    """The history written inside the block is dated `when` (the day the step "happened")."""
    last = HistoryEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    HistoryEntry.objects.filter(pk__gt=last).update(created_at=when)


def _adviser(team: Team) -> User:
    return team.advisers.order_by("pk").first()


def _request(plan: DemoRequest, *, region: str, communes: dict[str, Commune], cress: User, now: datetime) -> None:
    """Create the request at its date, then replay what happened to it, step by step in order of
    date, with the reminders the daily command sent in between."""
    sent = now - timedelta(days=plan.days)
    context = None
    if plan.offer:
        partner = _partner(region, OFFER_PARTNER[region])
        context = ReferralContext(
            kind="offre",
            label=f"{plan.offer} — {partner.name}",
            url=partner.get_absolute_url(),
            organisation_id=partner.pk,
        )
    fields: dict[str, Any] = {
        "need": plan.need,
        "commune": communes[PLACES[region][plan.place]],
        "consent": True,
        "email": _email(plan),
        "phone": plan.phone,
        "name": plan.name,
        "project_name": plan.project,
        "stage": plan.stage,
        "audience": plan.audience,
        "years": plan.years,
        "employees": plan.employees,
        "source": plan.source,
        "context": context,
    }
    with _dated(sent):
        referral = referral_create(description=plan.description, now=sent, **fields).referral
    Referral.objects.filter(pk=referral.pk).update(created_at=sent)
    steps: list[tuple[datetime, Callable[[datetime], Any]]] = []

    def at(days: float | None) -> datetime:
        return now - timedelta(days=days or 0)

    if plan.again_after_hours is not None:
        steps.append((sent + timedelta(hours=plan.again_after_hours), lambda t: _again(fields, plan, t)))
    if plan.declines:
        steps.append((sent + timedelta(days=1), lambda t: _decline(referral, plan.declines, t)))
    if plan.routed is not None:
        steps.append((at(plan.routed), lambda t: _route(referral, cress, t)))
    if plan.taken is not None:
        steps.append((at(plan.taken), lambda t: _take(referral, cress if plan.by_cress else None, t)))
        asked = at(plan.taken) + SATISFACTION_AFTER
        if asked <= now and (plan.withdrawn is None or at(plan.withdrawn) > asked):
            steps.append((asked, lambda t: satisfaction_ask(_fresh(referral), now=t)))
    if plan.closed is not None:
        steps.append((at(plan.closed), lambda t: _close(referral, plan, cress, t)))
    if plan.withdrawn is not None:
        steps.append((at(plan.withdrawn), lambda t: referral_withdraw(referral=referral, now=t)))
    if plan.abandoned:
        steps.append((sent + ABANDON_AFTER, lambda t: referral_abandon(_fresh(referral), now=t)))
    if plan.useful is not None:
        steps.append((at(plan.rated), lambda t: referral_rate(referral=_fresh(referral), useful=plan.useful, now=t)))
    for when, step in sorted(steps, key=lambda pair: pair[0]):
        _remind(referral, before=when, cap=plan.reminded)
        with _dated(when):
            step(when)
    _remind(referral, before=now, cap=plan.reminded)


def _fresh(referral: Referral) -> Referral:
    return Referral.objects.select_related("commune").get(pk=referral.pk)


def _again(fields: dict[str, Any], plan: DemoRequest, when: datetime) -> None:
    """The requester sends the same request again: it is merged into the first one."""
    receipt = referral_create(description=plan.again, now=when, **fields)
    if not receipt.merged:
        raise RuntimeError(f"La demande de démonstration de {plan.name} aurait dû être fusionnée.")


def _remind(referral: Referral, *, before: datetime, cap: int) -> None:
    """The reminders the daily command sent to the teams still holding the request (at most
    `cap` each), those due before `before`."""
    if _fresh(referral).status not in (Referral.Status.SENT, Referral.Status.TO_ROUTE):
        return
    for dispatch in referral.dispatches.pending().select_related("team", "referral__commune"):
        for day in REMINDER_DAYS[:cap]:
            when = dispatch.sent_at + timedelta(days=day)
            if when >= before:
                break
            dispatch.refresh_from_db()
            dispatch_remind(dispatch, now=when)


def _decline(referral: Referral, count: int, when: datetime) -> None:
    for index, dispatch in enumerate(list(referral.dispatches.pending().select_related("team"))[:count]):
        reason, note = DECLINES[index % len(DECLINES)]
        referral_decline(
            referral=referral, team=dispatch.team, by=_adviser(dispatch.team), reason=reason, note=note, now=when
        )


def _route(referral: Referral, cress: User, when: datetime) -> None:
    """The CRESS sends a request nobody handles to the DLA of its département."""
    team = Team.objects.get(name="Chargés de mission DLA", territories__code=referral.commune.departement.code)
    referral_route(referral=referral, teams=[team], by=cress, now=when)


def _take(referral: Referral, cress: User | None, when: datetime) -> None:
    if cress is not None:
        referral_take(referral=referral, team=None, by=cress, now=when)
        return
    # The DLA answers first where it received the request, so that its demo adviser's inbox holds
    # requests in hand and closed as well as waiting ones.
    pending = list(referral.dispatches.pending().select_related("team").order_by("sent_at", "pk"))
    dispatch = next((d for d in pending if d.team.name == "Chargés de mission DLA"), pending[0] if pending else None)
    if dispatch is None:
        raise RuntimeError(f"La demande de démonstration n° {referral.pk} n'a été transmise à aucune équipe.")
    referral_take(referral=referral, team=dispatch.team, by=_adviser(dispatch.team), now=when)


def _close(referral: Referral, plan: DemoRequest, cress: User, when: datetime) -> None:
    by = _fresh(referral).taken_by or cress
    referral_close(referral=referral, by=by, outcome=plan.outcome, note=plan.note, now=when)


# The summary -----------------------------------------------------------------------------


@demo_summaries.register("accompagnement", order=60)
def accounts_summary() -> str:
    """The advisers' accounts, the région's capital's DLA first."""
    region = str(settings.ESSAIM_REGION)
    plans = sorted(TEAMS.get(region, ()), key=lambda plan: plan.key != KEY_TEAM.get(region))
    existing = set(
        User.objects.filter(email__in=[plan.adviser_email for plan in plans]).values_list("email", flat=True)
    )
    if not existing:
        return ""
    lines = [f"Comptes de démonstration des conseillers d'accompagnement (mot de passe « {DEMO_PASSWORD} ») :"]
    lines += [
        f"  {plan.adviser_email} — {plan.partner}, {plan.name}" for plan in plans if plan.adviser_email in existing
    ]
    lines.append(f"  {CRESS_EMAIL} — la CRESS : tableau de bord des demandes, orientation et référencement")
    return "\n".join(lines)
