"""What the general meeting and the employees are told of a campaign, read from the team's work.

The documents show what the team consolidated (the retained levels, the shared findings, the
plan), never anyone's answers nor who answered: only how many people took part, by role. There
is no global score: the guide measures where practices stand, theme by theme, not a grade. The
progress compares, item by item (by the item's code, which survives a new version of the guide),
the level retained in the structure's previous campaign with this year's."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F
from django.utils.text import slugify

from essaim.diagnostics.models import Action, Campaign, Item, Position
from essaim.diagnostics.vocabulary import ACTION_STATUS, ANSWERS, MATURITY_RANK, ROLES

NO_POSITION = "pas encore de position retenue"

APPROACH = (
    "Le Guide des bonnes pratiques de l'économie sociale et solidaire, adopté par le Conseil "
    "supérieur de l'ESS, propose aux structures de faire régulièrement le point sur leurs pratiques "
    "et de se fixer des objectifs de progrès, thème par thème. Il ne s'agit ni d'une note ni d'un "
    "label : chaque pratique est située sur une échelle de maturité, de « pas encore abordé » à "
    "« évalué et amélioré »."
)
LAW = (
    "La loi du 31 juillet 2014 relative à l'économie sociale et solidaire (article 3) prévoit que "
    "les entreprises de l'ESS présentent chaque année, lors de leur assemblée générale, la manière "
    "dont elles mettent en œuvre ces bonnes pratiques, et en débattent. Les salariés en sont "
    "également informés."
)
DEBATE_QUESTIONS = (
    "Ces constats correspondent-ils à ce que vous vivez dans la structure ?",
    "Les objectifs à un an et à trois ans vous semblent-ils réalistes ? Lesquels ajouter ou retirer ?",
    "Qui peut s'impliquer dans les actions du plan, et avec quels moyens ?",
    "Quels thèmes travailler lors du prochain autodiagnostic ?",
)
PATHS = {"rapide": "le parcours rapide (une sélection de questions)", "complet": "le parcours complet"}
# Lines left blank under each question, for notes taken during the meeting.
DEBATE_LINES = 4


@dataclass
class ItemResult:
    code: str
    text: str
    is_indicator: bool
    unit: str
    level: str  # the retained level's label, or NO_POSITION
    comment: str


@dataclass
class DomainResult:
    title: str
    items: list[ItemResult] = field(default_factory=list)


@dataclass
class ActionLine:
    title: str
    theme: str
    item: str
    objective_1y: str
    objective_3y: str
    responsible: str
    due_on: date | None
    status: str
    resources: str


@dataclass
class ThemeResult:
    title: str
    summary: str
    domains: list[DomainResult] = field(default_factory=list)
    actions: list[ActionLine] = field(default_factory=list)

    @property
    def findings(self) -> list[ItemResult]:
        """The items on which the team retained a level or wrote a shared finding."""
        return [item for domain in self.domains for item in domain.items if item.level != NO_POSITION]


@dataclass
class Progress:
    code: str
    text: str
    before: str
    now: str
    trend: str  # "en progrès", "stable", "en recul" or "" when a level stands outside the scale


@dataclass
class Participation:
    role: str
    invited: int
    answered: int


@dataclass
class Report:
    organisation: str
    year: int
    framework: str
    mode: str
    general_meeting_on: date | None
    participation: list[Participation]
    themes: list[ThemeResult]
    previous_year: int | None
    progress: list[Progress]
    approach: str = APPROACH
    law: str = LAW
    debate: tuple[str, ...] = DEBATE_QUESTIONS

    @property
    def answered(self) -> int:
        return sum(line.answered for line in self.participation)

    @property
    def invited(self) -> int:
        return sum(line.invited for line in self.participation)

    @property
    def actions(self) -> list[ActionLine]:
        return [action for theme in self.themes for action in theme.actions]

    @property
    def has_objectives(self) -> bool:
        return any(action.objective_1y or action.objective_3y for action in self.actions)

    @property
    def debate_lines(self) -> range:
        return range(DEBATE_LINES)


def file_stem(campaign: Campaign) -> str:
    """autodiagnostic-2026-la-ressourcerie: the documents' file names start with it."""
    return f"autodiagnostic-{campaign.year}-{slugify(campaign.organisation.name)[:60] or 'structure'}"


def previous_campaign(campaign: Campaign) -> Campaign | None:
    """The structure's latest campaign before this one, if any."""
    return (
        Campaign.objects.filter(organisation_id=campaign.organisation_id, year__lt=campaign.year)
        .order_by("-year")
        .first()
    )


def _participation(campaign: Campaign) -> list[Participation]:
    """How many people were invited and answered, by role (the pilot counts as one of them)."""
    invited = dict(campaign.respondents.values_list("role").annotate(count=Count("pk")).values_list("role", "count"))
    answered = dict(
        campaign.respondents.filter(answers__isnull=False)
        .values_list("role")
        .annotate(count=Count("pk", distinct=True))
        .values_list("role", "count")
    )
    return [
        Participation(role=label, invited=invited[role], answered=answered.get(role, 0))
        for role, label in ROLES
        if role in invited
    ]


def _action_line(action: Action) -> ActionLine:
    return ActionLine(
        title=action.title,
        theme=action.theme.title,
        item=action.item.text if action.item else "",
        objective_1y=action.objective_1y,
        objective_3y=action.objective_3y,
        responsible=action.responsible,
        due_on=action.due_on,
        status=dict(ACTION_STATUS).get(action.status, ""),
        resources=action.resources,
    )


def _trend(before: str, now: str) -> str:
    if before not in MATURITY_RANK or now not in MATURITY_RANK:
        return ""
    difference = MATURITY_RANK[now] - MATURITY_RANK[before]
    return "en progrès" if difference > 0 else "en recul" if difference < 0 else "stable"


def _progress(
    campaign: Campaign, items: list[Item], positions: dict[int, Position]
) -> tuple[int | None, list[Progress]]:
    previous = previous_campaign(campaign)
    if previous is None:
        return None, []
    before = {
        position.item.code: position.level for position in previous.positions.exclude(level="").select_related("item")
    }
    labels = dict(ANSWERS)
    lines = []
    for item in items:
        position = positions.get(item.pk)
        if item.code not in before or position is None or not position.level:
            continue
        lines.append(
            Progress(
                code=item.code,
                text=item.text,
                before=labels[before[item.code]],
                now=labels[position.level],
                trend=_trend(before[item.code], position.level),
            )
        )
    return previous.year, lines


def campaign_report(campaign: Campaign) -> Report:
    """The documents' content: the approach, who took part, the consolidated results by theme and
    domain, the plan, and the progress since the previous campaign."""
    items = list(campaign.items())
    positions = {position.item_id: position for position in campaign.positions.all()}
    labels = dict(ANSWERS)
    themes: dict[int, ThemeResult] = {
        theme.pk: ThemeResult(title=theme.title, summary=theme.summary)
        for theme in campaign.themes.order_by("order", "pk")
    }
    domains: dict[int, DomainResult] = {}
    for item in items:
        theme = themes.get(item.domain.theme_id)
        if theme is None:
            continue
        if item.domain_id not in domains:
            domains[item.domain_id] = DomainResult(title=item.domain.title)
            theme.domains.append(domains[item.domain_id])
        position = positions.get(item.pk)
        domains[item.domain_id].items.append(
            ItemResult(
                code=item.code,
                text=item.text,
                is_indicator=item.kind == Item.Kind.INDICATOR,
                unit=item.unit,
                level=labels[position.level] if position and position.level else NO_POSITION,
                comment=position.comment if position else "",
            )
        )
    for action in campaign.actions.select_related("theme", "item").order_by(
        "theme__order", F("due_on").asc(nulls_last=True), "pk"
    ):
        if action.theme_id in themes:
            themes[action.theme_id].actions.append(_action_line(action))
    previous_year, progress = _progress(campaign, items, positions)
    return Report(
        organisation=campaign.organisation.name,
        year=campaign.year,
        framework=campaign.framework.title,
        mode=PATHS.get(campaign.mode, ""),
        general_meeting_on=campaign.general_meeting_on,
        participation=_participation(campaign),
        themes=list(themes.values()),
        previous_year=previous_year,
        progress=progress,
    )
