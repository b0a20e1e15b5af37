"""How well the catalogue covers each stage × need in a territory. Pure Python, no Django.

An offer covers a (stage, need) pair when it accepts that stage and that need (an empty list
accepts all) and is open. Cells with no offer are the "zones blanches" the CRESS looks for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from essaim.catalog.matching import OfferProfile, is_open
from essaim.territories.places import Places


def covers(offer: OfferProfile, place: Places) -> bool:
    """True when one of the offer's territories contains the whole département of the place:
    France, the région or the département itself (EPCI and commune offers are local only)."""
    territories = offer.territories or ()
    if not territories:
        return True
    return any(
        territory.kind in {"france", "region", "departement"} and place.closeness(territory) is not None
        for territory in territories
    )


def coverage_matrix(
    offers: Iterable[OfferProfile], *, stages: Sequence[str], needs: Sequence[str], place: Places, today: date
) -> dict[tuple[str, str], int]:
    """{(stage, need): number of open offers covering the place's département for that pair}."""
    matrix = {(stage, need): 0 for stage in stages for need in needs}
    for offer in offers:
        if not is_open(offer, today) or not covers(offer, place):
            continue
        offer_stages = offer.stages or frozenset(stages)
        offer_needs = offer.needs or frozenset(needs)
        for stage in offer_stages:
            for need in offer_needs:
                if (stage, need) in matrix:
                    matrix[(stage, need)] += 1
    return matrix
