"""The guided path's answers, turned into matches: the glue between forms, the in-memory
index of the catalogue and the pure rule of `catalog/matching.py`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db.models import prefetch_related_objects

from essaim.catalog import index, matching
from essaim.catalog.models import Offer, OfferType, RefinementQuestion
from essaim.catalog.profiles import place_of

__all__ = ["ResultGroups", "first_contact_offers", "group", "load_offers", "orient", "place_of", "questions_to_ask"]


def orient(answers: matching.Answers) -> list[matching.Match]:
    """Every offer that fits the answers, best first."""
    return index.current().orient(answers)


def is_outside_region(place: matching.Place | None) -> bool:
    """Whether the project's commune lies outside the région this platform serves: its
    catalogue then holds little for it besides the offers open everywhere in France."""
    return place is not None and place.region != settings.ESSAIM_REGION


def first_contact_offers(answers: matching.Answers) -> list[matching.Match]:
    """Information and orientation offers for the place, whatever the needs: what an idea-stage
    project, or one that found little, can always start with."""
    catalogue = index.current()
    offers = [
        profile
        for profile in catalogue.candidates(answers.place)
        if "information_orientation" in catalogue.cards[profile.id].offer_types
    ]
    relaxed = matching.Answers(today=answers.today, place=answers.place, audience=answers.audience)
    return matching.rank(offers, relaxed)


def questions_to_ask(
    matches: list[matching.Match], answers: matching.Answers, questions: Mapping[str, RefinementQuestion]
) -> list[str]:
    """Slugs of the refinement questions worth asking, in the taxonomy's order: those a matching
    offer requires an answer to, and those already answered (so they can be changed). A question
    tied to some needs is asked only when the leader chose one of them."""
    catalogue = index.current()
    prefetch_related_objects(list(questions.values()), "needs")
    profiles = [catalogue.profiles.get(found.offer_id) for found in matches]
    required = {slug for profile in profiles if profile for slug in profile.required_answers}
    wanted = required | set(answers.answers)
    return [
        slug
        for slug, question in questions.items()
        if slug in wanted and (not question.need_slugs or question.need_slugs & answers.needs)
    ]


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
