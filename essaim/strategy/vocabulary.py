"""Every set of states and kinds of the strategy, defined once. Pure: no Django import.

Each `Vocabulary` lists its terms in the order the platform shows them: the value stored in the
database and written in strategy files, the French label, and the name the code uses
(`Action.Status.DONE`). The models build their choices from here (`Vocabulary.choices()` feeds
`models.TextChoices`), the strategy-file reader accepts `Vocabulary.values`, and the bilan counts
iterate over the same values; `tests/strategy/test_vocabulary.py` fails if they drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    name: str  # the constant in the code: Action.Status.DONE
    value: str  # stored in the database, written in strategy files and frozen bilans
    label: str  # French, as shown to users


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[Term, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(term.value for term in self.terms)

    @property
    def labels(self) -> dict[str, str]:
        return {term.value: term.label for term in self.terms}

    def value_of(self, name: str) -> str:
        """The value of the term the code calls `name`: `ACTION_STATUS.value_of("TO_START")`."""
        return next(term.value for term in self.terms if term.name == name)

    def choices(self) -> list[tuple[str, tuple[str, str]]]:
        """The members of a Django `TextChoices` built with the functional API."""
        return [(term.name, (term.value, term.label)) for term in self.terms]


def _vocabulary(*terms: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(tuple(Term(*term) for term in terms))


STRATEGY_STATUS = _vocabulary(
    ("DRAFT", "draft", "En préparation"),
    ("ADOPTED", "adopted", "Adoptée"),
    ("RUNNING", "running", "En cours de mise en œuvre"),
    ("CLOSED", "closed", "Achevée"),
)
MEMBER_ROLE = _vocabulary(
    ("COPILOT", "copilot", "Copilote"),
    ("READER", "reader", "Lecture (élus, direction, COTECH)"),
)
BODY_KIND = _vocabulary(
    ("PROJECT_GROUP", "groupe", "Groupe-projet"),
    ("COTECH", "cotech", "Comité technique"),
    ("COPIL", "copil", "Comité de pilotage"),
    ("CONFERENCE", "conference", "Conférence régionale"),
)
ACTION_STATUS = _vocabulary(
    ("TO_START", "a_lancer", "À lancer"),
    ("RUNNING", "en_cours", "En cours"),
    ("DONE", "realisee", "Réalisée"),
    ("SUSPENDED", "suspendue", "Suspendue"),
    ("ABANDONED", "abandonnee", "Abandonnée"),
)
# The météo is a judgement kept apart from the factual status (the State's PILOTE does the
# same); "" means nobody has judged yet.
WEATHER = _vocabulary(
    ("UNKNOWN", "", "Non renseignée"),
    ("SECURED", "securisee", "Sécurisée"),
    ("REACHABLE", "atteignable", "Atteignable"),
    ("SUPPORT", "appuis", "Appuis nécessaires"),
    ("COMPROMISED", "compromise", "Compromise"),
)
JUDGED_WEATHERS = tuple(value for value in WEATHER.values if value)  # what a file or report may say
# Bilans count the judged météos first and the actions nobody judged last.
WEATHER_COUNT_ORDER = (*JUDGED_WEATHERS, "")
BUDGET_KIND = _vocabulary(
    ("OPERATING", "fonctionnement", "Fonctionnement"),
    ("INVESTMENT", "investissement", "Investissement"),
    ("STAFF", "etp", "Temps de travail (ETP)"),
)
DOCUMENT_KIND = _vocabulary(
    ("MINUTES", "compte_rendu", "Compte rendu"),
    ("DELIVERABLE", "livrable", "Livrable"),
    ("AGREEMENT", "convention", "Convention ou délibération"),
    ("PRESS", "presse", "Article de presse"),
    ("PHOTO", "photo", "Photo ou vidéo"),
    ("OTHER", "autre", "Autre"),
)
INDICATOR_KIND = _vocabulary(
    ("CONTEXT", "contexte", "Contexte"),
    ("ACTIVITY", "activite", "Activité"),
    ("OUTCOME", "resultat", "Résultat"),
)
VALUE_STATE = _vocabulary(
    ("PROPOSED", "proposed", "Proposée"),
    ("VALIDATED", "validated", "Validée"),
    ("REJECTED", "rejected", "Écartée"),
)
CAMPAIGN_STATUS = _vocabulary(
    ("PLANNED", "planned", "Prévue"),
    ("OPEN", "open", "Ouverte"),
    ("CLOSED", "closed", "Close"),
)
REPORT_STATE = _vocabulary(
    ("DRAFT", "draft", "À rédiger"),
    ("SUBMITTED", "submitted", "Transmis, à valider"),
    ("RETURNED", "returned", "Renvoyé pour complément"),
    ("VALIDATED", "validated", "Validé"),
)
DECISION_STATUS = _vocabulary(
    ("OPEN", "open", "À mettre en œuvre"),
    ("DONE", "done", "Mise en œuvre"),
    ("DROPPED", "dropped", "Abandonnée"),
)


# A strategy's stage is shown, not only stored: once its end date has passed, an adopted or running
# strategy reads "Achevée" even if nobody changed its state (the dates are the commitment).
ENDED_STATUS = STRATEGY_STATUS.value_of("CLOSED")
_UNDER_WAY = (STRATEGY_STATUS.value_of("ADOPTED"), STRATEGY_STATUS.value_of("RUNNING"))


def strategy_status_shown(*, status: str, ended: bool) -> str:
    """The state to show: "closed" for an adopted or running strategy past its end date."""
    return ENDED_STATUS if ended and status in _UNDER_WAY else status


@dataclass(frozen=True)
class Overdue:
    """How an action still open after its planned end is called: "en retard" while the strategy
    runs (it may still be done), "non réalisée" once the strategy has ended (it will not be)."""

    badge: str  # on the action: "En retard"
    one: str  # after a count of 1: "1 en retard"
    many: str  # after a larger count: "3 non réalisées"
    heading: str  # a column or a section: "En retard"

    def counted(self, count: int) -> str:
        return self.one if count <= 1 else self.many


LATE = Overdue(badge="En retard", one="en retard", many="en retard", heading="En retard")
UNFINISHED = Overdue(badge="Non réalisée", one="non réalisée", many="non réalisées", heading="Non réalisées")


def overdue(*, ended: bool) -> Overdue:
    """The words for actions left open past their planned end, at a date before or after the
    strategy's end."""
    return UNFINISHED if ended else LATE
