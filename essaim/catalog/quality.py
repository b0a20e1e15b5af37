"""A completeness-and-freshness score per offer (0 to 100). Pure Python, no Django.

Completeness counts what a project leader needs to act: a real description, a way to make
contact, a link, the constraints that let matching work, and the amounts of a financing offer.
Freshness follows the data·inclusion rule: full marks under six months since the last update,
falling linearly to zero at two years.

Publication needs less than a good score but one thing without exception: a way to act
(`publication_missing`), else the reader reaches a dead end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

FRESH_DAYS = 183
STALE_DAYS = 730
COMPLETENESS_WEIGHT = 60
FRESHNESS_WEIGHT = 40


@dataclass(frozen=True)
class QualityInput:
    description_length: int
    has_contact: bool
    has_link: bool
    has_needs: bool
    has_stages: bool
    has_audiences: bool
    is_financing: bool
    has_amounts: bool
    updated_on: date


@dataclass(frozen=True)
class Quality:
    score: int
    missing: tuple[str, ...]


CHECKS: tuple[tuple[str, Callable[[QualityInput], bool]], ...] = (
    ("une description d'au moins 200 caractères", lambda item: item.description_length >= 200),
    ("un contact (e-mail ou téléphone)", lambda item: item.has_contact),
    ("un lien (information ou candidature)", lambda item: item.has_link),
    ("les besoins servis", lambda item: item.has_needs),
    ("les étapes du projet", lambda item: item.has_stages),
    ("les publics", lambda item: item.has_audiences),
    ("les montants", lambda item: item.has_amounts or not item.is_financing),
)


def freshness(updated_on: date, today: date) -> float:
    """1.0 up to six months after the update, then linearly down to 0.0 at two years."""
    age = (today - updated_on).days
    if age <= FRESH_DAYS:
        return 1.0
    if age >= STALE_DAYS:
        return 0.0
    return 1.0 - (age - FRESH_DAYS) / (STALE_DAYS - FRESH_DAYS)


def quality(item: QualityInput, today: date) -> Quality:
    missing = tuple(label for label, check in CHECKS if not check(item))
    completeness = (len(CHECKS) - len(missing)) / len(CHECKS)
    score = round(COMPLETENESS_WEIGHT * completeness + FRESHNESS_WEIGHT * freshness(item.updated_on, today))
    return Quality(score=score, missing=missing)


# A published offer must let the reader do something: apply, read more, write or call, the
# offer's own channels or, failing those, its operator's.
WAY_TO_ACT = (
    "un moyen d'agir : lien pour candidater, page d'information, e-mail ou téléphone de contact "
    "(de l'offre, ou à défaut site web, e-mail ou téléphone de sa structure)"
)


@dataclass(frozen=True)
class Channels:
    """The ways to act on an offer: its own, then its operator's."""

    application_url: str = ""
    url: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    operator_website: str = ""
    operator_email: str = ""
    operator_phone: str = ""


def has_way_to_act(channels: Channels) -> bool:
    """True when at least one channel, the offer's or its operator's, is filled."""
    return any(value.strip() for value in vars(channels).values())


def publication_missing(channels: Channels) -> tuple[str, ...]:
    """What an offer lacks before it may be published (empty when nothing)."""
    return () if has_way_to_act(channels) else (WAY_TO_ACT,)
