"""The CRESS's regional view: anonymised aggregates of the structures' diagnostics, each group
shown only when it gathers at least MIN_GROUP structures (fewer could point at one of them).
Only consolidated positions and the themes chosen are read, never a respondent's answer."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from essaim.diagnostics.models import Campaign, Position, Theme
from essaim.diagnostics.services.support import CONTEXT
from essaim.diagnostics.vocabulary import MATURITY, MATURITY_RANK
from essaim.organisations.models import EssFamily
from essaim.organisations.sizes import SIZE_GROUPS, size_group
from essaim.referrals.services import needs_requested

MIN_GROUP = 10
UNKNOWN_SIZE = "inconnue"
OTHERS = "autres"


@dataclass(frozen=True)
class ThemeCount:
    title: str
    structures: int


@dataclass(frozen=True)
class GroupMaturity:
    label: str  # an ESS family, or a size group
    structures: int
    levels: tuple[tuple[str, int], ...]  # (level label, positions at that level), the scale's order


def _maturity_by(
    rows: list[tuple[str, int, str]], groups: list[tuple[str, str]], *, others: str
) -> tuple[GroupMaturity, ...]:
    """From (group, structure, level) rows, the retained levels of each group that gathers at
    least MIN_GROUP structures, in the order of `groups`, then the smaller groups pooled under
    `others`. The pool is itself empty or of MIN_GROUP structures at least (the smallest groups
    join it until it is), since it would otherwise be the total minus the rows shown; a table
    with nothing apart from the pool is not shown."""
    sizes = Counter(group for group, _organisation in {(group, organisation) for group, organisation, _l in rows})
    apart = [value for value, _label in groups if sizes[value] >= MIN_GROUP]
    pooled = sum(sizes.values()) - sum(sizes[value] for value in apart)
    # The smallest groups shown apart join the pool until it is empty or large enough.
    for value in sorted(apart, key=lambda group: sizes[group]):
        if not 0 < pooled < MIN_GROUP:
            break
        apart.remove(value)
        pooled += sizes[value]
    if not apart or 0 < pooled < MIN_GROUP:
        return ()
    by_group = {value: value if value in apart else OTHERS for value, _label in groups}
    levels: dict[str, Counter[str]] = defaultdict(Counter)
    structures: dict[str, set[int]] = defaultdict(set)
    for group, organisation, level in rows:
        shown_as = by_group.get(group, OTHERS)
        structures[shown_as].add(organisation)
        if level in MATURITY_RANK:
            levels[shown_as][level] += 1
    labels = [(value, label) for value, label in groups if by_group[value] == value] + [(OTHERS, others)]
    return tuple(
        GroupMaturity(label, len(structures[value]), tuple((name, levels[value][slug]) for slug, name in MATURITY))
        for value, label in labels
        if structures.get(value)
    )


@dataclass(frozen=True)
class RegionalView:
    year: int
    structures: int
    shown: bool
    themes: tuple[ThemeCount, ...]
    families: tuple[GroupMaturity, ...]
    sizes: tuple[GroupMaturity, ...] = ()
    support_needs: tuple[tuple[str, int], ...] = ()  # (need, requests sent from the diagnostics)


def regional_view(region_code: str, year: int) -> RegionalView:
    campaigns = Campaign.objects.filter(year=year, organisation__commune__departement__region__code=region_code)
    structures = campaigns.values("organisation").distinct().count()
    shown = structures >= MIN_GROUP
    themes: tuple[ThemeCount, ...] = ()
    families: tuple[GroupMaturity, ...] = ()
    sizes: tuple[GroupMaturity, ...] = ()
    if shown:
        chosen = Counter(
            Theme.objects.filter(pk__in=campaigns.values("themes")).values_list("title", flat=True).iterator()
        )
        per_theme = Counter(campaigns.values_list("themes__title", flat=True))
        themes = tuple(
            ThemeCount(title, per_theme[title]) for title in sorted(chosen, key=lambda t: (-per_theme[t], t))
        )
        rows = list(
            Position.objects.filter(campaign__in=campaigns).values_list(
                "campaign__organisation__ess_family",
                "campaign__organisation__headcount_band",
                "campaign__organisation",
                "level",
            )
        )
        families = _maturity_by(
            [(family or EssFamily.AUTRE, organisation, level) for family, _band, organisation, level in rows],
            EssFamily.choices,
            others="Autres familles",
        )
        sizes = _maturity_by(
            [(size_group(band) or UNKNOWN_SIZE, organisation, level) for _family, band, organisation, level in rows],
            [*SIZE_GROUPS, (UNKNOWN_SIZE, "Taille non renseignée")],
            others="Autres tailles (regroupées)",
        )
    needs = needs_requested(kind=CONTEXT, ids=campaigns.values_list("pk", flat=True)) if shown else {}
    return RegionalView(
        year=year,
        structures=structures,
        shown=shown,
        themes=themes,
        families=families,
        sizes=sizes,
        support_needs=tuple(needs.items()),
    )


@dataclass(frozen=True)
class PeerTheme:
    title: str
    levels: tuple[tuple[str, int], ...]  # (level label, peers' positions at that level)


@dataclass(frozen=True)
class PeerComparison:
    family: str
    peers: int
    shown: bool
    themes: tuple[PeerTheme, ...]


def peer_comparison(campaign: Campaign) -> PeerComparison:
    """The levels that structures of the same ESS family retained on the campaign's themes, among
    those that turned the comparison on themselves, from their CLOSED campaigns of the same year
    (figures that no longer move, so that two visits cannot be subtracted to isolate one
    structure). Each theme is shown only when at least MIN_GROUP structures retained levels on it."""
    family = campaign.organisation.ess_family or EssFamily.AUTRE
    peers = Campaign.objects.filter(
        year=campaign.year, shares_with_peers=True, organisation__ess_family=family, status=Campaign.Status.CLOSED
    ).exclude(organisation=campaign.organisation)
    count = peers.values("organisation").distinct().count()
    themes: list[PeerTheme] = []
    if count >= MIN_GROUP:
        levels: dict[str, Counter[str]] = defaultdict(Counter)
        structures: dict[str, set[int]] = defaultdict(set)
        rows = Position.objects.filter(campaign__in=peers).values_list(
            "item__domain__theme__code", "campaign__organisation", "level"
        )
        for code, organisation, level in rows:
            if level in MATURITY_RANK:
                levels[code][level] += 1
                structures[code].add(organisation)
        for code, title in campaign.themes.order_by("order").values_list("code", "title"):
            if len(structures[code]) >= MIN_GROUP:
                themes.append(PeerTheme(title, tuple((label, levels[code][slug]) for slug, label in MATURITY)))
    return PeerComparison(dict(EssFamily.choices).get(family, family), count, bool(themes), tuple(themes))
