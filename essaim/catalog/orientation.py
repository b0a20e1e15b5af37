"""The guided path's answers, turned into matches: the glue between forms, the database and the
pure rule of `catalog/matching.py`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from essaim.catalog import matching
from essaim.catalog.models import Offer, OfferTerritory, OfferType
from essaim.territories.models import Commune

RELATED = {"stages": "stage", "needs": "need", "audiences": "audience", "sectors": "sector"}


def place_of(commune: Commune) -> matching.Place:
    return matching.Place(
        commune=commune.code,
        epci=commune.epci.code if commune.epci else None,
        departement=commune.departement.code,
        region=commune.departement.region.code,
    )


def candidates(today: date, place: matching.Place | None) -> QuerySet[Offer]:
    """Published offers open that day, narrowed in the database to those covering the place."""
    offers = Offer.objects.published().open_on(today)
    if place is not None:
        offers = offers.covering(
            commune=place.commune, epci=place.epci, departement=place.departement, region=place.region
        )
    return offers


def profiles(offers: QuerySet[Offer]) -> list[matching.OfferProfile]:
    """Matching profiles of the offers, read in a fixed number of queries whatever their count."""
    ids = offers.values("pk")
    terms: dict[str, dict[int, set[str]]] = {}
    for name, term in RELATED.items():
        through = getattr(Offer, name).through
        by_offer: dict[int, set[str]] = defaultdict(set)
        for offer_id, slug in through.objects.filter(offer_id__in=ids).values_list("offer_id", f"{term}__slug"):
            by_offer[offer_id].add(slug)
        terms[name] = by_offer
    territories: dict[int, list[matching.Territory]] = defaultdict(list)
    for offer_id, kind, code in OfferTerritory.objects.filter(offer_id__in=ids).values_list("offer_id", "kind", "code"):
        territories[offer_id].append(matching.Territory(kind, code))
    rows = offers.values_list(
        "pk",
        "min_years",
        "max_years",
        "min_employees",
        "max_employees",
        "opens_on",
        "deadline",
        "recurrence",
        "required_answers",
        "reviewed_on",
    )
    return [
        matching.OfferProfile(
            id=pk,
            stages=frozenset(terms["stages"].get(pk, ())),
            needs=frozenset(terms["needs"].get(pk, ())),
            audiences=frozenset(terms["audiences"].get(pk, ())),
            sectors=frozenset(terms["sectors"].get(pk, ())),
            territories=tuple(territories.get(pk, ())),
            min_years=min_years,
            max_years=max_years,
            min_employees=min_employees,
            max_employees=max_employees,
            opens_on=opens_on,
            deadline=deadline,
            permanent=recurrence == Offer.Recurrence.PERMANENTE,
            required_answers=required_answers or {},
            updated_on=reviewed_on,
        )
        for pk, min_years, max_years, min_employees, max_employees, opens_on, deadline, recurrence, required_answers, reviewed_on in rows
    ]


def orient(answers: matching.Answers) -> list[matching.Match]:
    """Every offer that fits the answers, best first."""
    return matching.rank(profiles(candidates(answers.today, answers.place)), answers)


def first_contact_offers(answers: matching.Answers) -> list[matching.Match]:
    """Information and orientation offers for the place, whatever the needs: what an idea-stage
    project, or one that found little, can always start with."""
    offers = candidates(answers.today, answers.place).filter(offer_types__slug="information_orientation")
    relaxed = matching.Answers(today=answers.today, place=answers.place, audience=answers.audience)
    return matching.rank(profiles(offers.distinct()), relaxed)


@dataclass
class ResultGroups:
    financement: list[tuple[Offer, matching.Match]]
    accompagnement: list[tuple[Offer, matching.Match]]
    first_contact: list[tuple[Offer, matching.Match]]
    count: int  # offers that match every answer


def load_offers(matches: list[matching.Match]) -> list[tuple[Offer, matching.Match]]:
    """The offers of the matches with what their cards display, in the matches' order."""
    offers = Offer.objects.with_relations().in_bulk([found.offer_id for found in matches])
    return [(offers[found.offer_id], found) for found in matches if found.offer_id in offers]


def group(matches: list[matching.Match], first_contact: list[matching.Match]) -> ResultGroups:
    """Financing offers (any financing type) apart from support offers, rank order kept; the
    first-contact offers get their own group and are not repeated in the others."""
    financing, support = [], []
    first_ids = {found.offer_id for found in first_contact}
    for offer, found in load_offers([found for found in matches if found.offer_id not in first_ids]):
        kinds = {offer_type.kind for offer_type in offer.offer_types.all()}
        (financing if OfferType.Kind.FINANCEMENT in kinds else support).append((offer, found))
    return ResultGroups(
        financement=financing, accompagnement=support, first_contact=load_offers(first_contact), count=len(matches)
    )
