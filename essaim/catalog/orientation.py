"""The guided path's answers, turned into matches: the glue between forms, the in-memory
index of the catalogue and the pure rule of `catalog/matching.py`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import prefetch_related_objects

from essaim.catalog import index, matching
from essaim.catalog.models import Offer, RefinementQuestion
from essaim.territories.places import Places

__all__ = ["ResultGroups", "first_contact_offers", "group", "load_offers", "orient", "questions_to_ask"]


def orient(answers: matching.Answers) -> list[matching.Match]:
    """Every offer that fits the answers, best first."""
    return index.current().orient(answers)


def is_outside_region(place: Places | None) -> bool:
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


# The results page shows the best offers of each group; a group's link opens all of it, by pages.
GROUP_PREVIEW = 10
GROUP_PAGE = 20
GROUPS = ("financement", "accompagnement")


@dataclass
class ResultGroups:
    financement: list[tuple[Offer, matching.Match]]
    accompagnement: list[tuple[Offer, matching.Match]]
    first_contact: list[tuple[Offer, matching.Match]]
    count: int  # offers that match every answer
    totals: dict[str, int]  # offers in each group, shown or not
    expanded: str = ""  # the group shown whole, by pages ("" for the overview)
    page: Page[matching.Match] | None = None  # the page of the expanded group

    @property
    def sections(self) -> list[tuple[str, str, list[tuple[Offer, matching.Match]], int]]:
        """(anchor, title, offers shown, offers in all) of each group, in the page's order."""
        return [
            ("financement", "Financement", self.financement, self.totals["financement"]),
            ("accompagnement", "Accompagnement", self.accompagnement, self.totals["accompagnement"]),
        ]


def load_offers(matches: list[matching.Match]) -> list[tuple[Offer, matching.Match]]:
    """The offers of the matches with what their cards display, in the matches' order."""
    offers = Offer.objects.with_relations().in_bulk([found.offer_id for found in matches])
    return [(offers[found.offer_id], found) for found in matches if found.offer_id in offers]


def group(
    matches: list[matching.Match], first_contact: list[matching.Match], *, expanded: str = "", page: str | None = None
) -> ResultGroups:
    """Financing offers (any financing type) apart from support offers, rank order kept; the
    first-contact offers get their own group and are not repeated in the others. Each group
    shows its GROUP_PREVIEW best offers; the `expanded` group shows all of its offers, a page
    of GROUP_PAGE at a time, and the others none. Only the offers shown are read."""
    cards = index.current().cards
    first_ids = {found.offer_id for found in first_contact}
    split: dict[str, list[matching.Match]] = {name: [] for name in GROUPS}
    for found in matches:
        if found.offer_id not in first_ids and found.offer_id in cards:
            split["financement" if cards[found.offer_id].financing else "accompagnement"].append(found)
    shown = {name: found[:GROUP_PREVIEW] for name, found in split.items()}
    paged = None
    if expanded in GROUPS:
        paged = Paginator(split[expanded], GROUP_PAGE).get_page(page)
        shown = {name: list(paged.object_list) if name == expanded else [] for name in GROUPS}
        first_contact = []
    loaded = load_offers([*shown["financement"], *shown["accompagnement"], *first_contact])
    by_id = {offer.pk: offer for offer, _found in loaded}

    def with_offers(found: list[matching.Match]) -> list[tuple[Offer, matching.Match]]:
        return [(by_id[item.offer_id], item) for item in found if item.offer_id in by_id]

    return ResultGroups(
        financement=with_offers(shown["financement"]),
        accompagnement=with_offers(shown["accompagnement"]),
        first_contact=with_offers(first_contact),
        count=len(matches),
        totals={name: len(found) for name, found in split.items()},
        expanded=expanded if paged is not None else "",
        page=paged,
    )
