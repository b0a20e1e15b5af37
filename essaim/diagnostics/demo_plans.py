"""What the self-diagnostic's demo tells (`demo.py` loads it): three structures of the demo
directory per région, each with its pilot, its respondents, its chosen themes over two years and
last year's action plan. The texts are written for the demo; people and addresses are fictional.

A structure's plan is shared by both régions (an insertion association, a SCIC, a mutual on the
quick path); only the organisation differs. Their action plans are in `demo_plans_actions.py`, what
their people wrote in `demo_plans_texts.py`."""

from __future__ import annotations

from dataclasses import dataclass, field

from essaim.diagnostics.demo_plans_actions import INSERTION_ACTIONS, MUTUAL_ACTIONS, SCIC_ACTIONS, DemoAction


@dataclass(frozen=True)
class DemoOrganisation:
    """A structure of the demo directory, created with these fields where the directory lacks it."""

    name: str
    commune: str
    legal_category: str
    ess_family: str
    description: str


@dataclass(frozen=True)
class Person:
    """A respondent without an account (their personal link is their key)."""

    name: str
    role: str


@dataclass(frozen=True)
class DemoYear:
    """One campaign: its path, its themes, and who answered how much (the pilot first, then the
    people invited, in order; 0 = invited, has not answered yet)."""

    mode: str
    themes: tuple[str, ...]
    pilot_share: float
    respondents: tuple[tuple[Person, float], ...]


@dataclass(frozen=True)
class DemoStructure:
    key: str
    pilot_email: str
    pilot_name: str
    pilot_role: str  # the pilot's role in the campaign
    membership: str  # the pilot's role in the structure (editor or admin)
    base: dict[str, float]  # theme code -> where its practices stood last year (0-4)
    progress: dict[str, float]  # theme code -> what a year changed
    divergent: dict[str, dict[str, float]]  # item code -> role -> how far that role's view leans
    last: DemoYear
    current: DemoYear
    actions: tuple[DemoAction, ...]
    indicators: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (last, this year)


ORGANISATIONS: dict[str, tuple[DemoOrganisation, DemoOrganisation, DemoOrganisation]] = {
    "52": (
        DemoOrganisation(
            "Les Cuisines du Monde Partagé",
            "44109",
            "9220",
            "association",
            "Traiteur d'insertion qui prépare buffets et repas pour les entreprises et les événements.",
        ),
        DemoOrganisation(
            "Numérique Commun Atlantique",
            "44109",
            "5710",
            "cooperative",
            "SCIC qui développe et héberge des logiciels libres pour les associations et les collectivités.",
        ),
        DemoOrganisation(
            "Mutuelle Entraide Maine-Loire",
            "49007",
            "8210",
            "mutuelle",
            "Mutuelle santé de proximité gérée par des administrateurs bénévoles élus par les adhérents.",
        ),
    ),
    "24": (
        DemoOrganisation(
            "Recyclerie du Berry",
            "18033",
            "9220",
            "association",
            "Recyclerie qui collecte, répare et revend à petits prix, avec des salariés en parcours d'insertion.",
        ),
        DemoOrganisation(
            "Scic Énergies citoyennes de Beauce",
            "28085",
            "5560",
            "cooperative",
            "Coopérative où habitants, communes et entreprises financent ensemble des toitures solaires.",
        ),
        DemoOrganisation(
            "Mutuelle du Boischaut Santé",
            "18197",
            "8210",
            "mutuelle",
            "Mutuelle de santé à but non lucratif qui finance aussi des actions de prévention en milieu rural.",
        ),
    ),
}

ALL_THEMES = (
    "gouvernance",
    "concertation-strategie",
    "territorialite",
    "politique-salariale",
    "lien-usagers",
    "diversite-egalite",
    "environnement",
    "ethique-deontologie",
)

INSERTION = DemoStructure(
    key="insertion",
    pilot_email="pilote.autodiag@demo.essaim.example",
    pilot_name="Nadia Ferrand",
    pilot_role="direction",
    membership="editor",
    base={"gouvernance": 1.8, "politique-salariale": 1.6, "environnement": 1.2, "diversite-egalite": 1.5},
    progress={"gouvernance": 0.4, "politique-salariale": 0.6},
    divergent={
        "politique-remuneration-transparente": {"salarie": -1.6, "direction": 0.6},
        "conditions-de-travail": {"salarie": -1.3},
        "information-des-membres": {"benevole": -1.5, "administrateur": 0.8},
        "egalite-remuneration-carriere": {"salarie": -1.2},
    },
    last=DemoYear(
        mode="complet",
        themes=("gouvernance", "politique-salariale", "environnement"),
        pilot_share=1.0,
        respondents=(
            (Person("Moussa Diallo", "salarie"), 1.0),
            (Person("Sophie Lemaire", "salarie"), 1.0),
            (Person("Inès Bouchard", "salarie"), 0.9),
            (Person("Bernard Coste", "administrateur"), 1.0),
            (Person("Annie Roux", "benevole"), 1.0),
        ),
    ),
    current=DemoYear(
        mode="complet",
        themes=("gouvernance", "politique-salariale", "diversite-egalite"),
        pilot_share=0.7,
        respondents=(
            (Person("Moussa Diallo", "salarie"), 0.4),
            (Person("Bernard Coste", "administrateur"), 1.0),
            (Person("Paul Girard", "benevole"), 0.0),
        ),
    ),
    actions=INSERTION_ACTIONS,
    indicators={
        "taux-participation-ag": ("34", "41"),
        "ecart-remunerations": ("1.9", "1.8"),
        "heures-formation": ("14", "21"),
        "consommation-energie": ("52000", ""),
        "part-femmes-direction": ("", "44"),
    },
)

SCIC = DemoStructure(
    key="scic",
    pilot_email="pilote.scic@demo.essaim.example",
    pilot_name="Julien Marchand",
    pilot_role="direction",
    membership="admin",
    base={"gouvernance": 2.6, "concertation-strategie": 1.9, "ethique-deontologie": 1.4, "territorialite": 2.4},
    progress={"concertation-strategie": 0.5, "ethique-deontologie": 0.7},
    divergent={
        "place-dans-les-decisions": {"salarie": -1.4, "administrateur": 0.5},
        "dispositif-alerte": {"salarie": -1.2, "direction": 0.7},
        "diversite-des-instances": {"administrateur": -1.3},
    },
    last=DemoYear(
        mode="complet",
        themes=("gouvernance", "concertation-strategie", "ethique-deontologie"),
        pilot_share=1.0,
        respondents=(
            (Person("Léna Perrot", "salarie"), 1.0),
            (Person("Thomas Nguyen", "salarie"), 1.0),
            (Person("Camille Besnard", "salarie"), 1.0),
            (Person("Marc Aubert", "administrateur"), 1.0),
        ),
    ),
    current=DemoYear(
        mode="complet",
        themes=("concertation-strategie", "territorialite", "ethique-deontologie"),
        pilot_share=0.5,
        respondents=(
            (Person("Léna Perrot", "salarie"), 0.6),
            (Person("Marc Aubert", "administrateur"), 0.0),
        ),
    ),
    actions=SCIC_ACTIONS,
    indicators={
        "taux-participation-ag": ("58", ""),
        "reunions-strategie": ("3", "5"),
        "transparence-financiere": ("2", "3"),
        "part-achats-locaux": ("", "35"),
    },
)

MUTUAL = DemoStructure(
    key="mutuelle",
    pilot_email="pilote.mutuelle@demo.essaim.example",
    pilot_name="Hélène Bouvier",
    pilot_role="administrateur",
    membership="editor",
    base={
        "gouvernance": 2.2,
        "concertation-strategie": 1.8,
        "territorialite": 1.5,
        "politique-salariale": 2.3,
        "lien-usagers": 2.0,
        "diversite-egalite": 1.4,
        "environnement": 1.0,
        "ethique-deontologie": 2.1,
    },
    progress={"gouvernance": 0.5, "lien-usagers": 0.6, "territorialite": 0.4},
    divergent={
        "participation-assemblee": {"benevole": -1.4, "direction": 0.6},
        "parite-instances": {"salarie": -1.3},
    },
    last=DemoYear(
        mode="rapide",
        themes=ALL_THEMES,
        pilot_share=1.0,
        respondents=(
            (Person("Claire Dumas", "direction"), 1.0),
            (Person("Yasmine Haddad", "salarie"), 1.0),
            (Person("Gérard Fontaine", "benevole"), 1.0),
        ),
    ),
    current=DemoYear(
        mode="rapide",
        themes=ALL_THEMES,
        pilot_share=1.0,
        respondents=(
            (Person("Claire Dumas", "direction"), 0.5),
            (Person("Yasmine Haddad", "salarie"), 0.0),
            (Person("Gérard Fontaine", "benevole"), 0.3),
        ),
    ),
    actions=MUTUAL_ACTIONS,
)

STRUCTURES = (INSERTION, SCIC, MUTUAL)
