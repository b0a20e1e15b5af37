"""A campaign's results as maturity, never as grades. Pure: no Django import; the views read the
answers as plain tuples and hand them here.

The rules, per item (a question of the guide):
- counts: how many respondents gave each answer, overall and by role; "je ne sais pas" and "non
  applicable" are counted but stand outside the scale, so they weigh on no median and no spread;
- the median level is the highest level of the scale that more than half of the answers on the
  scale reach (the lower median: with two answers, "pas encore abordé" and "formalisé", the team
  has not yet reached "formalisé" together);
- the spread says whether the answers on the scale agree: all on one level ("consensus"), at most
  one step apart ("proches"), or further apart ("avis partagés");
- answers are shown by role only where a role gathers at least three answers to the item;
  smaller roles are pooled as "autres rôles" when together they reach three; when they do not,
  no answer to the item is shown by role (the rest would point at them by elimination): a lone
  usager's answer is never singled out to the pilot;
- roles diverge when the medians of two roles (as shown) are more than one step apart;
- the share answered is the share of the respondents who gave an answer, on the scale or not.

Per theme: the counts summed over its items, the level most given (the lower one on a tie), how
many items divide the team, and a sentence that says it. There is no global score unless the CRESS
turns it on (`DiagnosticSettings`); it is then a mean level from 1 to 5 (`mean_level`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from essaim.diagnostics.vocabulary import ANSWERS, MATURITY, MATURITY_RANK, OUTSIDE_SCALE, ROLES

LABELS = dict(ANSWERS)
T = TypeVar("T")
SCALE = [value for value, _label in MATURITY]
OUTSIDE = [value for value, _label in OUTSIDE_SCALE]

CONSENSUS, CLOSE, DIVIDED = "consensus", "proches", "partages"
SPREAD_LABELS = {CONSENSUS: "Consensus", CLOSE: "Avis proches", DIVIDED: "Avis partagés"}


def median_level(levels: Iterable[str]) -> str | None:
    """The highest level of the scale that more than half of the answers on the scale reach;
    None when no answer is on the scale."""
    ranks = sorted(MATURITY_RANK[level] for level in levels if level in MATURITY_RANK)
    if not ranks:
        return None
    return SCALE[ranks[(len(ranks) - 1) // 2]]


def spread(levels: Iterable[str]) -> str | None:
    """Consensus, close (one step apart at most) or divided; None with fewer than two answers on
    the scale (one voice neither agrees nor disagrees)."""
    ranks = [MATURITY_RANK[level] for level in levels if level in MATURITY_RANK]
    if len(ranks) < 2:
        return None
    gap = max(ranks) - min(ranks)
    return CONSENSUS if gap == 0 else CLOSE if gap == 1 else DIVIDED


MIN_ROLE = 3
OTHER_ROLES = "autres"


def role_groups(roles: Iterable[str]) -> dict[str, str] | None:
    """Under which role each role's answers to an item (one role per answer) may be shown:
    itself when it has at least MIN_ROLE answers, else OTHER_ROLES when the small roles together
    reach MIN_ROLE. None when some answers could not be shown under any group: then no answer to
    the item is shown by role at all, since the ones left out would stand out by elimination."""
    sizes = Counter(roles)
    small = [role for role, size in sizes.items() if size < MIN_ROLE]
    if small and sum(sizes[role] for role in small) < MIN_ROLE:
        return None
    return {role: (role if size >= MIN_ROLE else OTHER_ROLES) for role, size in sizes.items()}


ROLE_LABELS = dict(ROLES) | {OTHER_ROLES: "Autres rôles"}
ROLE_ORDER = {role: rank for rank, role in enumerate(ROLE_LABELS)}  # the vocabulary's, pooled last


def shown_role_labels(roles: Sequence[str]) -> list[str]:
    """The label under which each of an item's answers (given by its respondent's role) may be
    shown: the role, "Autres rôles", or no label for any of them (see role_groups)."""
    groups = role_groups(roles)
    return [ROLE_LABELS[groups[role]] if groups else "" for role in roles]


def labelled_answers(answers: Sequence[tuple[str, T]], *, content: Callable[[T], str] = str) -> list[tuple[str, T]]:
    """An item's answers as (role, what was given) → (the label it may be shown under, what was
    given), in an order that names nobody: by role as shown, then by `content` (what was said,
    never who said it)."""
    labels = shown_role_labels([role for role, _given in answers])
    order = {label: ROLE_ORDER.get(role, 0) for role, label in ROLE_LABELS.items()}
    pairs = [(label, given) for label, (_role, given) in zip(labels, answers, strict=True)]
    return sorted(pairs, key=lambda pair: (order.get(pair[0], -1), content(pair[1])))


def mean_level(levels: Iterable[str | None]) -> float | None:
    """The mean of the levels on the scale, "pas encore abordé" counting 1 and "évalué et
    amélioré" 5, rounded to one decimal; None when no level is on the scale."""
    ranks = [MATURITY_RANK[level] + 1 for level in levels if level in MATURITY_RANK]
    return round(sum(ranks) / len(ranks), 1) if ranks else None


@dataclass(frozen=True)
class ItemResult:
    item: int
    respondents: int  # everyone invited, each of whom is asked the item
    counts: dict[str, int]  # every answer value, zero included, in the scale's order
    by_role: dict[str, dict[str, int]]  # role as shown (see role_groups) -> answer value -> count
    median: str | None
    spread: str | None
    role_medians: dict[str, str]  # role -> its median level (roles with an answer on the scale)
    roles_diverge: bool

    @property
    def answered(self) -> int:
        return sum(self.counts.values())

    @property
    def share_answered(self) -> float:
        """Between 0 and 1."""
        return self.answered / self.respondents if self.respondents else 0.0

    @property
    def divided(self) -> bool:
        return self.spread == DIVIDED

    @property
    def median_label(self) -> str:
        return LABELS[self.median] if self.median else ""

    @property
    def spread_label(self) -> str:
        return SPREAD_LABELS[self.spread] if self.spread else ""


def item_result(item: int, answers: Sequence[tuple[str, str]], respondents: int) -> ItemResult:
    """One item's result from its answers as (role, level) pairs (an empty level: not answered)."""
    given = [(role, level) for role, level in answers if level in LABELS]
    counts = {value: 0 for value in LABELS}
    counts.update(Counter(level for _role, level in given))
    groups = role_groups(role for role, _level in given)
    shown = [(groups[role], level) for role, level in given] if groups else []
    by_role: dict[str, dict[str, int]] = {}
    for group, level in sorted(shown, key=lambda pair: ROLE_ORDER.get(pair[0], len(ROLE_ORDER))):
        by_role.setdefault(group, {value: 0 for value in LABELS})[level] += 1
    role_medians = {}
    for role in by_role:
        median = median_level(level for group, level in shown if group == role)
        if median is not None:
            role_medians[role] = median
    ranks = [MATURITY_RANK[level] for level in role_medians.values()]
    return ItemResult(
        item=item,
        respondents=respondents,
        counts=counts,
        by_role=by_role,
        median=median_level(level for _role, level in given),
        spread=spread(level for _role, level in given),
        role_medians=role_medians,
        roles_diverge=bool(ranks) and max(ranks) - min(ranks) > 1,
    )


@dataclass(frozen=True)
class ThemeResult:
    title: str
    items: list[ItemResult]

    @property
    def counts(self) -> dict[str, int]:
        return {value: sum(result.counts[value] for result in self.items) for value in LABELS}

    @property
    def main_level(self) -> str | None:
        """The level of the scale given most often (the lower one on a tie); None without any."""
        counts = self.counts
        best = max((counts[level] for level in SCALE), default=0)
        return next((level for level in SCALE if counts[level] == best), None) if best else None

    @property
    def divided(self) -> int:
        """How many items divide the respondents."""
        return sum(result.divided for result in self.items)

    @property
    def roles_diverge(self) -> int:
        return sum(result.roles_diverge for result in self.items)

    @property
    def share_answered(self) -> float:
        asked = sum(result.respondents for result in self.items)
        return sum(result.answered for result in self.items) / asked if asked else 0.0

    @property
    def summary(self) -> str:
        """One sentence in French: where the answers stand, and where they divide."""
        main = self.main_level
        if main is None:
            return f"{self.title} : pas encore de réponse sur l'échelle de maturité."
        text = f"{self.title} : les réponses se situent surtout à « {LABELS[main]} »"
        divided = self.divided
        if divided:
            text += f" ; avis partagés sur {divided} question{'s' if divided > 1 else ''}"
        elif len(self.items) and all(result.spread == CONSENSUS for result in self.items):
            text += " ; les répondant·es sont d'accord sur chaque question"
        return text + "."


def theme_result(
    title: str, items: Sequence[int], answers: Iterable[tuple[int, str, str]], respondents: int
) -> ThemeResult:
    """A theme's result from the ids of its items (in order) and the campaign's answers as
    (item id, role, level) triples (answers to other items are left aside)."""
    by_item: dict[int, list[tuple[str, str]]] = {item: [] for item in items}
    for item, role, level in answers:
        if item in by_item:
            by_item[item].append((role, level))
    return ThemeResult(title=title, items=[item_result(item, by_item[item], respondents) for item in items])


# Maturity from light to dark (the scale is ordered), outside the scale in greys; what was not
# answered is the bar's pale background. The data table beside the chart carries every figure.
FILLS = {
    "pas_encore": "#cfe8e4",
    "reflexion": "#94cbc2",
    "engage": "#5aa89d",
    "formalise": "#1f7a70",
    "evalue": "#0b4640",
    "ne_sait_pas": "#8a939c",
    "non_applicable": "#c3c9cf",
}
WIDTH, LEFT, RIGHT, ROW, BAR, TOP = 560, 40, 8, 30, 20, 6


@dataclass(frozen=True)
class Segment:
    level: str
    label: str
    count: int
    x: float
    width: float

    @property
    def fill(self) -> str:
        return FILLS[self.level]


def segments(counts: dict[str, int], total: int, *, width: float = 100, start: float = 0) -> list[Segment]:
    """A stacked bar `width` long from `start`: the answers in the scale's order, then outside
    it; what was not answered is the rest of the bar. Levels nobody gave are left out."""
    if total <= 0:
        return []
    bar, x = [], float(start)
    for level in SCALE + OUTSIDE:
        count = counts.get(level, 0)
        if count:
            length = round(count / total * width, 2)
            bar.append(Segment(level, LABELS[level], count, round(x, 2), length))
            x += length
    return bar


@dataclass(frozen=True)
class Bar:
    label: str  # "Q1": the table beside the chart numbers its rows the same way
    y: float
    segments: list[Segment]


@dataclass(frozen=True)
class StackedChart:
    width: int
    height: int
    left: int
    plot_width: int
    bar_height: int
    bars: list[Bar]


def stacked_chart(results: Sequence[ItemResult]) -> StackedChart | None:
    """One stacked bar per item, each the length of the respondents invited; None without any."""
    if not results:
        return None
    plot = WIDTH - LEFT - RIGHT
    bars = [
        Bar(f"Q{number}", TOP + index * ROW, segments(result.counts, result.respondents, width=plot, start=LEFT))
        for index, (number, result) in enumerate(enumerate(results, start=1))
    ]
    return StackedChart(WIDTH, TOP * 2 + ROW * len(bars), LEFT, plot, BAR, bars)
