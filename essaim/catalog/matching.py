"""Which offers fit a project leader's answers, and in what order. Pure Python, no Django.

The rule is a transparent filter: an offer matches when every constraint it declares accepts
the answers. A constraint the offer leaves empty accepts everything, and so does an answer the
leader did not give (we never exclude an offer for a question nobody asked). Matches are ranked
by how many of the leader's needs they serve, then by territorial closeness (an offer for the
commune before one for its EPCI, département, région, then France: `Places.closeness`, the rule
shared with every module that orders by territory), then by freshness.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from essaim.territories.places import Level, Places, Territory


@dataclass(frozen=True)
class OfferProfile:
    """What matching needs to know about an offer. Empty sets and None bounds mean "no
    constraint"; an offer with no territory is treated as covering France."""

    id: int
    stages: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    territories: tuple[Territory, ...] = ()
    min_years: int | None = None
    max_years: int | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    opens_on: date | None = None
    deadline: date | None = None
    permanent: bool = False
    required_answers: Mapping[str, bool] = field(default_factory=dict)
    updated_on: date = date.min


@dataclass(frozen=True)
class Answers:
    """The leader's answers; None or empty means "not answered"."""

    today: date
    stage: str | None = None
    needs: frozenset[str] = frozenset()
    audience: str | None = None
    sector: str | None = None
    place: Places | None = None
    years: int | None = None
    employees: int | None = None
    answers: Mapping[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Reason:
    """One answer the offer matched, for "pourquoi cette offre": kind is stage, need,
    audience, sector, territory, years, employees or question; value the slug or code (for a
    question, its slug and the answer given: `agrement_esus:oui`)."""

    kind: str
    value: str


@dataclass(frozen=True)
class Match:
    offer_id: int
    needs_served: int
    closeness: Level
    updated_on: date
    offer: OfferProfile = field(repr=False, compare=False)
    answers: Answers = field(repr=False, compare=False)

    @property
    def score(self) -> int:
        """Higher is better: ten points per need served, one per territorial level closer than
        France. Ties are broken by freshness, as in `rank`."""
        return self.needs_served * 10 + (Level.FRANCE - self.closeness)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The answers the offer matched, worked out only for the matches someone reads."""
        return _reasons(self.offer, self.answers)


def is_open(offer: OfferProfile, today: date) -> bool:
    """Open on that day: opened already, and not past its deadline unless permanent."""
    if offer.opens_on and offer.opens_on > today:
        return False
    return offer.permanent or offer.deadline is None or offer.deadline >= today


def _within(value: int | None, low: int | None, high: int | None) -> bool:
    if value is None:
        return True
    return (low is None or value >= low) and (high is None or value <= high)


def _nearest(offer: OfferProfile, place: Places) -> tuple[Level, Territory] | None:
    """The offer's territory closest to the place among those that contain it."""
    nearest = None
    for territory in offer.territories or (Territory("france"),):
        level = place.closeness(territory)
        if level is not None and (nearest is None or level < nearest[0]):
            nearest = (level, territory)
    return nearest


def match(offer: OfferProfile, answers: Answers) -> Match | None:
    """The match of one offer with the answers, or None when a declared constraint refuses them."""
    if not is_open(offer, answers.today):
        return None
    for accepted, answer in (
        (offer.stages, answers.stage),
        (offer.audiences, answers.audience),
        (offer.sectors, answers.sector),
    ):
        if accepted and answer is not None and answer not in accepted:
            return None
    served = len(offer.needs & answers.needs)
    if offer.needs and answers.needs and not served:
        return None
    if answers.place is not None:
        nearest = _nearest(offer, answers.place)
        if nearest is None:
            return None
        closeness = nearest[0]
    else:
        closeness = min(territory.level for territory in offer.territories or (Territory("france"),))
    if not _within(answers.years, offer.min_years, offer.max_years):
        return None
    if not _within(answers.employees, offer.min_employees, offer.max_employees):
        return None
    for question, expected in offer.required_answers.items():
        given = answers.answers.get(question)
        if given is not None and given != expected:
            return None
    return Match(
        offer_id=offer.id,
        needs_served=served,
        closeness=closeness,
        updated_on=offer.updated_on,
        offer=offer,
        answers=answers,
    )


def _reasons(offer: OfferProfile, answers: Answers) -> tuple[Reason, ...]:
    """What a matching offer matched, in the order "pourquoi cette offre" gives it."""
    reasons = [
        Reason(kind, answer)
        for kind, accepted, answer in (
            ("stage", offer.stages, answers.stage),
            ("audience", offer.audiences, answers.audience),
            ("sector", offer.sectors, answers.sector),
        )
        if accepted and answer is not None
    ]
    reasons.extend(Reason("need", need) for need in sorted(offer.needs & answers.needs))
    if answers.place is not None and (nearest := _nearest(offer, answers.place)) is not None:
        territory = nearest[1]
        reasons.append(Reason("territory", f"{territory.kind}:{territory.code}" if territory.code else "france"))
    if answers.years is not None and (offer.min_years is not None or offer.max_years is not None):
        reasons.append(Reason("years", str(answers.years)))
    if answers.employees is not None and (offer.min_employees is not None or offer.max_employees is not None):
        reasons.append(Reason("employees", str(answers.employees)))
    for question, expected in offer.required_answers.items():
        if answers.answers.get(question) is not None:
            reasons.append(Reason("question", f"{question}:{'oui' if expected else 'non'}"))
    return tuple(reasons)


def rank(offers: Iterable[OfferProfile], answers: Answers) -> list[Match]:
    """Every matching offer, best first: most needs served, closest territory, freshest."""
    matches = [found for offer in offers if (found := match(offer, answers)) is not None]
    return sorted(
        matches, key=lambda found: (-found.needs_served, found.closeness, -found.updated_on.toordinal(), found.offer_id)
    )


class OfferIndex:
    """Many offer profiles, with inverted indexes that narrow the offers worth checking before
    `match` runs on each: by territory, and by the stage, needs, audience and sector each offer
    accepts. The narrowing mirrors the rule (an offer without a constraint on an axis is kept),
    so `orient` returns exactly what `rank` over every profile returns, only faster."""

    FACETS = (("stages", "stage"), ("audiences", "audience"), ("sectors", "sector"), ("needs", "needs"))

    def __init__(self, profiles: Iterable[OfferProfile] = ()) -> None:
        self.profiles: dict[int, OfferProfile] = {}
        self._territories: dict[tuple[str, str], set[int]] = {}
        self._unconstrained: dict[str, set[int]] = {facet: set() for facet, _answer in self.FACETS}
        self._accepting: dict[str, dict[str, set[int]]] = {facet: {} for facet, _answer in self.FACETS}
        for profile in profiles:
            self.add(profile)

    def add(self, profile: OfferProfile) -> None:
        self.profiles[profile.id] = profile
        for territory in profile.territories or (Territory("france"),):
            self._territories.setdefault((territory.kind, territory.code), set()).add(profile.id)
        for facet, _answer in self.FACETS:
            values: frozenset[str] = getattr(profile, facet)
            if not values:
                self._unconstrained[facet].add(profile.id)
            for value in values:
                self._accepting[facet].setdefault(value, set()).add(profile.id)

    def near(self, place: Places | None) -> set[int]:
        """Ids of the offers whose territory may contain the place (all of them without one)."""
        if place is None:
            return set(self.profiles)
        keys = [
            ("france", ""),
            ("region", place.region),
            ("departement", place.departement),
            ("commune", place.commune),
        ]
        if place.epci:
            keys.append(("epci", place.epci))
        return set().union(*(self._territories.get(key, set()) for key in keys))

    def _accepting_any(self, facet: str, values: Iterable[str]) -> set[int]:
        accepting = self._accepting[facet]
        return self._unconstrained[facet].union(*(accepting.get(value, set()) for value in values))

    def candidates(self, answers: Answers) -> list[OfferProfile]:
        """Profiles that may match: near the place and accepting each answered axis."""
        ids = self.near(answers.place)
        for facet, answer in self.FACETS:
            given: str | frozenset[str] | None = getattr(answers, answer)
            if given:
                ids &= self._accepting_any(facet, [given] if isinstance(given, str) else given)
        return [self.profiles[offer_id] for offer_id in ids]

    def orient(self, answers: Answers) -> list[Match]:
        """Every matching offer, best first (the same as `rank` over every profile)."""
        return rank(self.candidates(answers), answers)
