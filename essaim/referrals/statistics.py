"""The CRESS's figures on support requests: the board, its export and the platform metrics.

Definitions, so that the board, the export and the strategy's indicators count alike:
- the period: requests received (`created_at`, local dates) between its two dates, both included;
- age of an open request: whole days since it was last transmitted (`sent_at`);
- response time: days (with decimals) from a transmission to the taking in hand; for a team,
  from the day its dispatch left to the day it took the request; overall, from the request's
  transmission (`sent_at`) to its taking in hand; the median is given, not the mean, so that one
  request left a month does not hide how fast most are answered;
- take-up of a team: of the requests it received, those it took in hand, those it declined
  ("pas pour nous"), those another partner took first, and those it left without an answer
  (still waiting, or withdrawn, closed by the CRESS or abandoned before it answered): the four
  add up to what it received;
- satisfaction: the answers to "was it useful?" (yes, no) of the period's requests.
"""

from __future__ import annotations

import statistics as stats
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db.models import QuerySet

from essaim.core.registries import vocabulary
from essaim.referrals import routing
from essaim.referrals.models import ABANDON_DAYS, FLAGGED_DAYS, REMINDER_DAYS, Dispatch, Referral, Team, TeamTerritory
from essaim.referrals.services.common import Labels
from essaim.referrals.services.routing import team_profiles
from essaim.territories.models import Commune, Departement

OPEN_SHOWN = 200  # the board lists at most this many open requests (the oldest and flagged first)

# Pure helpers --------------------------------------------------------------------------------


def days_between(start: datetime, end: datetime) -> float:
    """Days from `start` to `end`, with decimals (36 hours: 1.5)."""
    return (end - start).total_seconds() / 86400


def median_days(values: Iterable[float]) -> float | None:
    """The median, rounded to one decimal, or None when there is nothing to measure."""
    found = list(values)
    return round(stats.median(found), 1) if found else None


def share(part: int, whole: int) -> float | None:
    """`part / whole` as a percentage rounded to one decimal, or None when nothing to divide."""
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class AgeBand:
    label: str
    low: int  # days, included
    high: int | None  # days, excluded; None: no end


def age_bands() -> list[AgeBand]:
    """The ages of an open request cut where something happens to it: reminders, "à traiter" on
    the board, abandoned."""
    cuts = [0, *REMINDER_DAYS, FLAGGED_DAYS, ABANDON_DAYS]
    bands = [
        AgeBand(f"{low} à {high - 1} jour{'s' if high - 1 > 1 else ''}", low, high)
        for low, high in zip(cuts, cuts[1:], strict=False)
    ]
    return [*bands, AgeBand(f"{cuts[-1]} jours et plus", cuts[-1], None)]


def band_of(days: int, bands: Sequence[AgeBand]) -> AgeBand:
    return next(band for band in bands if band.low <= days and (band.high is None or days < band.high))


@dataclass
class TakeUp:
    """What one team (or one partner, its teams together) did with the requests it received."""

    label: str
    received: int = 0
    taken: int = 0
    declined: int = 0
    taken_elsewhere: int = 0
    unanswered: int = 0
    delays: list[float] = field(default_factory=list)

    @property
    def taken_share(self) -> float | None:
        return share(self.taken, self.received)

    @property
    def declined_share(self) -> float | None:
        return share(self.declined, self.received)

    @property
    def taken_elsewhere_share(self) -> float | None:
        return share(self.taken_elsewhere, self.received)

    @property
    def unanswered_share(self) -> float | None:
        return share(self.unanswered, self.received)

    @property
    def median_delay(self) -> float | None:
        return median_days(self.delays)


@dataclass(frozen=True)
class DispatchFact:
    """A dispatch as the take-up counts it."""

    team: int
    team_label: str
    partner: int
    partner_label: str
    status: str
    sent_at: datetime
    taken_team: int | None
    taken_at: datetime | None


def take_up(facts: Iterable[DispatchFact]) -> tuple[list[TakeUp], list[TakeUp]]:
    """(by partner, by team), each sorted by label."""
    partners: dict[int, TakeUp] = {}
    teams: dict[int, TakeUp] = {}
    for fact in facts:
        for key, label, table in (
            (fact.partner, fact.partner_label, partners),
            (fact.team, fact.team_label, teams),
        ):
            line = table.setdefault(key, TakeUp(label))
            line.received += 1
            if fact.taken_team == fact.team and fact.taken_at is not None:
                line.taken += 1
                line.delays.append(days_between(fact.sent_at, fact.taken_at))
            elif fact.status == Dispatch.Status.DECLINED:
                line.declined += 1
            elif fact.taken_team is not None:
                line.taken_elsewhere += 1
            else:
                line.unanswered += 1
    by_label = lambda line: line.label.casefold()  # noqa: E731
    return sorted(partners.values(), key=by_label), sorted(teams.values(), key=by_label)


# Reads -------------------------------------------------------------------------------------


def received_between(start: date, end: date) -> QuerySet[Referral]:
    """Requests received between the two dates (both included)."""
    return Referral.objects.filter(created_at__date__gte=start, created_at__date__lte=end)


@dataclass
class OpenLine:
    referral: Referral
    age: int  # whole days since it was transmitted
    flagged: bool  # "à traiter": waiting for FLAGGED_DAYS or more
    to_route: bool  # "à orienter": nobody handles it, the CRESS routes it
    need: str  # its label

    @property
    def first(self) -> bool:
        return self.flagged or self.to_route


@dataclass
class OpenRequests:
    lines: list[OpenLine]
    total: int
    bands: list[AgeBand]
    counts: list[tuple[str, list[int], int]]  # (state label, count per band, total)
    flagged: int
    to_route: int


def open_requests(now: datetime) -> OpenRequests:
    """The requests still open, "à orienter" and "à traiter" first, then the oldest; and their
    counts by state and age."""
    flagged_ids = set(Referral.objects.flagged(now).values_list("pk", flat=True))
    referrals = (
        Referral.objects.open()
        .select_related("commune__departement", "taken_team__organisation")
        .order_by("sent_at", "pk")
    )
    labels = Labels()
    lines = [
        OpenLine(
            referral=referral,
            age=max(0, int(days_between(referral.sent_at, now))),
            flagged=referral.pk in flagged_ids,
            to_route=referral.status == Referral.Status.TO_ROUTE,
            need=labels.need(referral.need),
        )
        for referral in referrals
    ]
    lines.sort(key=lambda line: (not line.first, -line.age, line.referral.pk))
    bands = age_bands()
    counts = []
    for status in Referral.OPEN_STATES:
        per_band = [0] * len(bands)
        for line in lines:
            if line.referral.status == status:
                per_band[bands.index(band_of(line.age, bands))] += 1
        counts.append((Referral.Status(status).label, per_band, sum(per_band)))
    return OpenRequests(
        lines=lines[:OPEN_SHOWN],
        total=len(lines),
        bands=bands,
        counts=counts,
        flagged=sum(line.flagged for line in lines),
        to_route=sum(line.to_route for line in lines),
    )


def dispatch_facts(start: date, end: date) -> list[DispatchFact]:
    """The dispatches of the period's requests."""
    rows = Dispatch.objects.filter(referral__in=received_between(start, end)).values_list(
        "team_id",
        "team__name",
        "team__organisation_id",
        "team__organisation__name",
        "status",
        "sent_at",
        "referral__taken_team_id",
        "referral__taken_at",
    )
    return [
        DispatchFact(
            team=team,
            team_label=f"{partner_name} — {team_name}",
            partner=partner,
            partner_label=partner_name,
            status=status,
            sent_at=sent_at,
            taken_team=taken_team,
            taken_at=taken_at,
        )
        for team, team_name, partner, partner_name, status, sent_at, taken_team, taken_at in rows
    ]


@dataclass
class Summary:
    received: int
    taken: int
    abandoned: int
    to_route: int
    median_delay: float | None

    @property
    def taken_share(self) -> float | None:
        return share(self.taken, self.received)


def summary(start: date, end: date) -> Summary:
    referrals = received_between(start, end)
    taken = referrals.filter(taken_at__isnull=False)
    return Summary(
        received=referrals.count(),
        taken=taken.count(),
        abandoned=referrals.filter(status=Referral.Status.ABANDONED).count(),
        to_route=referrals.filter(status=Referral.Status.TO_ROUTE).count(),
        median_delay=median_days(days_between(sent, took) for sent, took in taken.values_list("sent_at", "taken_at")),
    )


@dataclass
class Satisfaction:
    asked: int
    useful: int
    not_useful: int

    @property
    def answers(self) -> int:
        return self.useful + self.not_useful

    @property
    def useful_share(self) -> float | None:
        return share(self.useful, self.answers)


def satisfaction(start: date, end: date) -> Satisfaction:
    referrals = received_between(start, end)
    return Satisfaction(
        asked=referrals.filter(satisfaction_sent_at__isnull=False).count(),
        useful=referrals.filter(useful=True).count(),
        not_useful=referrals.filter(useful=False).count(),
    )


@dataclass(frozen=True)
class GapCell:
    coverage: routing.Coverage
    requests: int  # requests for this need in this département during the period

    @property
    def label(self) -> str:
        return COVERAGE_LABELS[self.coverage]


COVERAGE_LABELS = {
    routing.Coverage.FULL: "Couvert",
    routing.Coverage.PARTIAL: "En partie",
    routing.Coverage.NONE: "Personne",
}


@dataclass
class GapTable:
    departements: list[Departement]
    rows: list[tuple[str, list[GapCell]]]  # (need label, one cell per département)

    @property
    def gaps(self) -> int:
        return sum(cell.coverage == routing.Coverage.NONE for _label, cells in self.rows for cell in cells)


def gap_table(start: date, end: date, *, region_code: str | None = None) -> GapTable:
    """For each need of the catalogue and each département of the région: how much of it the
    active teams cover (routing.coverage) and how many requests came for it in the period."""
    region_code = region_code or settings.ESSAIM_REGION
    departements = list(Departement.objects.filter(region__code=region_code).order_by("code"))
    needs = vocabulary("needs")
    local = TeamTerritory.objects.filter(team__in=Team.objects.active())
    commune_codes = local.filter(kind="commune").values_list("code", flat=True)
    epci_codes = local.filter(kind="epci").values_list("code", flat=True)
    departement_of = dict(Commune.objects.filter(code__in=commune_codes).values_list("code", "departement__code"))
    epci_departements: dict[str, set[str]] = {}
    for epci, departement in (
        Commune.objects.filter(epci__code__in=epci_codes).values_list("epci__code", "departement__code").distinct()
    ):
        epci_departements.setdefault(epci, set()).add(departement)
    found = routing.coverage(
        team_profiles(),
        needs=[slug for slug, _label in needs],
        departements={departement.code: region_code for departement in departements},
        departement_of=departement_of,
        epci_departements={code: frozenset(codes) for code, codes in epci_departements.items()},
    )
    counts: dict[tuple[str, str], int] = {}
    for need, departement in (
        received_between(start, end)
        .filter(commune__departement__region__code=region_code)
        .values_list("need", "commune__departement__code")
    ):
        counts[(need, departement)] = counts.get((need, departement), 0) + 1
    rows = [
        (
            label,
            [
                GapCell(found[(slug, departement.code)], counts.get((slug, departement.code), 0))
                for departement in departements
            ],
        )
        for slug, label in needs
    ]
    return GapTable(departements=departements, rows=rows)


# Platform metrics ---------------------------------------------------------------------------


def taken_in_hand(region_code: str, start: date, end: date) -> QuerySet[Referral]:
    """Requests of the région taken in hand between the two dates (both included)."""
    return Referral.objects.in_region(region_code).filter(taken_at__date__gte=start, taken_at__date__lte=end)


def median_delay_taken(region_code: str, start: date, end: date) -> float | None:
    """The median response time of the requests of the région taken in hand in the period."""
    pairs = taken_in_hand(region_code, start, end).values_list("sent_at", "taken_at")
    return median_days(days_between(sent, taken) for sent, taken in pairs)
