"""Which partner teams a support request goes to ("Être accompagné"). Pure Python, no Django.

A team handles a request when it declares the need, one of its territories contains the
project's commune, and none of its filters (audience, INSEE legal category, age and headcount
of the structure) refuses the requester's answers. As in `catalog/matching.py`, an empty filter
accepts everyone and an answer the requester did not give is never refused; a team with no need
or no territory handles nothing.

The request goes to the closest teams, one per partner: among the teams that handle it (and
were not excluded, e.g. teams that already declined it), each partner keeps its closest team
(ties: the lowest id); partners are ordered by that team's closeness (commune, EPCI,
département, région, then France: `Places.closeness`), then by team id, and the first
`max_partners` receive the request. When no team handles it the routing is empty and the CRESS
routes the request by hand.

`coverage` tells the CRESS, for each need and département, whether some team covers the whole
département (France, its région or itself), only some of its communes or EPCI, or none of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from essaim.territories.places import Level, Places, Territory


@dataclass(frozen=True)
class TeamProfile:
    """What routing needs to know about a partner team. Empty needs or territories: the team
    handles nothing; empty audiences or legal forms, None bounds: no filter. Bounds are
    inclusive; years are the structure's age in whole years, employees its headcount."""

    id: int
    partner: int  # the organisation (partner) the team belongs to
    needs: frozenset[str]  # need slugs it handles
    territories: tuple[Territory, ...]
    audiences: frozenset[str] = frozenset()
    legal_forms: frozenset[str] = frozenset()  # INSEE legal category codes
    min_years: int | None = None
    max_years: int | None = None
    min_employees: int | None = None
    max_employees: int | None = None


@dataclass(frozen=True)
class RequestProfile:
    """A support request: one need, where the project is, and the requester's answers (None:
    not answered)."""

    need: str
    place: Places
    audience: str | None = None
    legal_form: str | None = None
    years: int | None = None
    employees: int | None = None


@dataclass(frozen=True)
class Routing:
    """The teams a request goes to, closest first, at most one per partner."""

    teams: tuple[int, ...]

    @property
    def to_cress(self) -> bool:
        """Nobody handles the request: the CRESS routes it by hand."""
        return not self.teams


def _plural(count: int, word: str) -> str:
    # French: 0 and 1 are singular.
    return f"{count} {word}{'s' if count > 1 else ''}"


def filter_problem(team: TeamProfile, request: RequestProfile) -> str | None:
    """Why one of the team's declared filters refuses the request, in French (the first that
    does, in the order public, legal form, age, headcount), or None when they all accept it."""
    if team.audiences and request.audience is not None and request.audience not in team.audiences:
        return "Public non accepté"
    if team.legal_forms and request.legal_form is not None and request.legal_form not in team.legal_forms:
        return "Forme juridique non acceptée"
    if request.years is not None:
        if team.min_years is not None and request.years < team.min_years:
            return f"Structure trop récente (moins de {_plural(team.min_years, 'an')})"
        if team.max_years is not None and request.years > team.max_years:
            return f"Structure trop ancienne (plus de {_plural(team.max_years, 'an')})"
    if request.employees is not None:
        if team.min_employees is not None and request.employees < team.min_employees:
            return f"Effectif trop faible (moins de {_plural(team.min_employees, 'salarié')})"
        if team.max_employees is not None and request.employees > team.max_employees:
            return f"Effectif trop important (plus de {_plural(team.max_employees, 'salarié')})"
    return None


def handles(team: TeamProfile, request: RequestProfile) -> Level | None:
    """The level at which the team's closest territory contains the project, when the team
    declares the need and no filter refuses the request; None when it does not handle it."""
    if request.need not in team.needs or filter_problem(team, request) is not None:
        return None
    levels = [level for territory in team.territories if (level := request.place.closeness(territory)) is not None]
    return min(levels, default=None)


def route(
    request: RequestProfile, teams: Iterable[TeamProfile], *, max_partners: int, exclude: frozenset[int] = frozenset()
) -> Routing:
    """The teams the request goes to: the closest team of each partner that handles it, the
    closest partners first, at most `max_partners` (at least 1). Team ids are unique."""
    if max_partners < 1:
        raise ValueError(f"max_partners must be at least 1, not {max_partners}")
    closest: dict[int, tuple[Level, int]] = {}
    for team in teams:
        if team.id in exclude or (level := handles(team, request)) is None:
            continue
        candidate = (level, team.id)
        if team.partner not in closest or candidate < closest[team.partner]:
            closest[team.partner] = candidate
    chosen = sorted(closest.values())[:max_partners]
    return Routing(teams=tuple(team_id for _level, team_id in chosen))


class Coverage(StrEnum):
    """How much of a département the teams handling a need cover."""

    FULL = "complete"  # the whole département (France, its région or itself)
    PARTIAL = "partielle"  # only some of its communes or EPCI
    NONE = "aucune"


def coverage(
    teams: Iterable[TeamProfile],
    *,
    needs: Iterable[str],
    departements: Mapping[str, str],
    departement_of: Mapping[str, str],
    epci_departements: Mapping[str, frozenset[str]],
) -> dict[tuple[str, str], Coverage]:
    """{(need, département): coverage} for every need and every département of `departements`
    (département code: its région code). A commune counts in the département `departement_of`
    gives; an EPCI in each of the départements `epci_departements` gives (an EPCI may straddle
    two); codes missing from these maps count nowhere. Filters do not matter here."""
    wanted = list(dict.fromkeys(needs))
    full: dict[str, set[str]] = {need: set() for need in wanted}
    partial: dict[str, set[str]] = {need: set() for need in wanted}
    for team in teams:
        whole, some = _departements_covered(team.territories, departements, departement_of, epci_departements)
        for need in team.needs & full.keys():
            full[need] |= whole
            partial[need] |= some
    return {
        (need, departement): (
            Coverage.FULL
            if departement in full[need]
            else Coverage.PARTIAL
            if departement in partial[need]
            else Coverage.NONE
        )
        for need in wanted
        for departement in departements
    }


def _departements_covered(
    territories: Iterable[Territory],
    departements: Mapping[str, str],
    departement_of: Mapping[str, str],
    epci_departements: Mapping[str, frozenset[str]],
) -> tuple[set[str], set[str]]:
    """The départements the territories cover whole, and those they cover in part."""
    whole: set[str] = set()
    some: set[str] = set()
    for territory in territories:
        if territory.kind == "france":
            whole.update(departements)
        elif territory.kind == "region":
            whole.update(code for code, region in departements.items() if region == territory.code)
        elif territory.kind == "departement":
            whole.add(territory.code)
        elif territory.kind == "epci":
            some.update(epci_departements.get(territory.code, ()))
        elif territory.kind == "commune" and territory.code in departement_of:
            some.add(departement_of[territory.code])
    return whole, some
