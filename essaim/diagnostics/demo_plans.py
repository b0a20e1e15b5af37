"""What the self-diagnostic's demo tells (`demo.py` loads it): three structures of the demo
directory per région, each with its pilot, its respondents, its chosen themes over two years and
last year's action plan. The texts are written for the demo; people and addresses are fictional.

A structure's plan is shared by both régions (an insertion association, a SCIC, a mutual on the
quick path); only the organisation differs."""

from __future__ import annotations

from dataclasses import dataclass, field


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
class DemoAction:
    item: str  # the item's code: its theme is the action's
    title: str
    objective_1y: str
    objective_3y: str
    responsible: str
    due_days: int  # from the day the demo loads
    status: str
    resources: str = ""


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
    actions=(
        DemoAction(
            "renouvellement-instances",
            "Accueillir de nouveaux administrateur·rices, dont une personne salariée",
            "Deux candidatures présentées à la prochaine assemblée générale.",
            "Un conseil renouvelé d'un tiers, où les salarié·es ont une place.",
            "Bernard Coste, président",
            120,
            "en_cours",
        ),
        DemoAction(
            "politique-remuneration-transparente",
            "Écrire la grille de rémunération et la présenter à toute l'équipe",
            "Grille et critères d'évolution présentés en réunion d'équipe et remis à chacun·e.",
            "Grille revue tous les deux ans avec les représentant·es du personnel.",
            "Nadia Ferrand, coordinatrice",
            -90,
            "realisee",
        ),
        DemoAction(
            "entretiens-professionnels",
            "Un entretien par an pour chaque salarié·e en parcours d'insertion",
            "Toutes les personnes en parcours reçues au moins une fois dans l'année.",
            "Des entretiens reliés au plan de formation et au projet de chaque personne.",
            "Moussa Diallo, encadrant technique",
            60,
            "en_cours",
            "Une demi-journée par mois de l'encadrant technique.",
        ),
        DemoAction(
            "energie-batiments",
            "Relever chaque mois les consommations d'énergie et d'eau des locaux",
            "Un tableau de suivi tenu pendant douze mois.",
            "Une consommation d'énergie réduite de 15 %.",
            "Sophie Lemaire",
            -20,
            "a_lancer",
        ),
        DemoAction(
            "bilan-carbone",
            "Faire un premier bilan carbone simplifié",
            "Les principaux postes d'émissions connus.",
            "Un plan de réduction voté par le conseil d'administration.",
            "Nadia Ferrand, coordinatrice",
            30,
            "abandonnee",
            "Un accompagnement extérieur (environ 3 000 €), reporté faute de financement.",
        ),
    ),
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
    actions=(
        DemoAction(
            "moyens-de-participer",
            "Former les sociétaires nouvellement élu·es au fonctionnement de la coopérative",
            "Une demi-journée d'accueil pour chaque nouvel élu·e.",
            "Chaque collège sait lire les comptes et préparer une décision.",
            "Julien Marchand, directeur",
            150,
            "en_cours",
            "Une formation par l'union régionale des Scop et Scic.",
        ),
        DemoAction(
            "evaluation-du-projet",
            "Évaluer le projet coopératif à mi-parcours avec chaque collège",
            "Un atelier par collège et une synthèse présentée en assemblée générale.",
            "Un projet mis à jour tous les trois ans avec l'ensemble des sociétaires.",
            "Marc Aubert, administrateur",
            240,
            "a_lancer",
        ),
        DemoAction(
            "conflits-interets",
            "Adopter une règle écrite sur les conflits d'intérêts",
            "La règle votée par le conseil et annexée au règlement intérieur.",
            "Une déclaration d'intérêts remplie chaque année par les élu·es.",
            "Julien Marchand, directeur",
            -120,
            "realisee",
        ),
        DemoAction(
            "dispositif-alerte",
            "Mettre en place un moyen simple de signaler un manquement",
            "Une adresse dédiée et deux personnes référentes connues de toute l'équipe.",
            "Un dispositif présenté à chaque nouvelle recrue et évalué chaque année.",
            "Léna Perrot, déléguée du personnel",
            45,
            "en_cours",
        ),
        DemoAction(
            "information-des-membres",
            "Une lettre trimestrielle aux sociétaires sur les décisions du conseil",
            "Quatre lettres envoyées dans l'année.",
            "Des sociétaires qui répondent et proposent des sujets au conseil.",
            "Thomas Nguyen",
            -30,
            "realisee",
        ),
        DemoAction(
            "partage-interne",
            "Présenter la stratégie à chaque nouvelle recrue",
            "Un livret d'accueil qui explique le projet coopératif.",
            "Toutes les personnes de l'équipe capables d'expliquer la stratégie.",
            "Julien Marchand, directeur",
            200,
            "a_lancer",
        ),
    ),
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
    actions=(
        DemoAction(
            "participation-assemblee",
            "Ouvrir le vote à distance pour l'assemblée générale",
            "Le vote en ligne proposé à tous les adhérents.",
            "Un adhérent sur cinq qui vote à l'assemblée générale.",
            "Claire Dumas, directrice",
            100,
            "en_cours",
            "Un outil de vote en ligne (environ 1 500 € par an).",
        ),
        DemoAction(
            "parite-instances",
            "Tendre vers la parité au conseil d'administration",
            "Un appel à candidatures qui invite explicitement les femmes adhérentes.",
            "Un conseil composé à parts égales de femmes et d'hommes.",
            "Hélène Bouvier, administratrice",
            300,
            "a_lancer",
        ),
        DemoAction(
            "qualite-des-services",
            "Une enquête de satisfaction chaque année auprès des adhérents",
            "Une première enquête envoyée et ses résultats présentés au conseil.",
            "Des améliorations décidées chaque année à partir de l'enquête.",
            "Yasmine Haddad, chargée de relation adhérents",
            -60,
            "realisee",
        ),
        DemoAction(
            "achats-responsables-locaux",
            "Ajouter un critère local et ESS aux achats de prestations",
            "Le critère écrit dans la procédure d'achat.",
            "Un tiers des prestations confiées à des structures du territoire ou de l'ESS.",
            "Claire Dumas, directrice",
            180,
            "en_cours",
        ),
    ),
)

STRUCTURES = (INSERTION, SCIC, MUTUAL)

# What people say they do today, by item and by role (used where that role answers that item).
PRACTICES: dict[str, dict[str, str]] = {
    "statuts-a-jour": {
        "direction": "Statuts révisés il y a trois ans ; le règlement intérieur date de la création.",
        "administrateur": "Les statuts sont sur le drive du conseil, mais peu de membres savent où les trouver.",
    },
    "separation-des-pouvoirs": {
        "direction": "Une délégation écrite précise ce que la direction décide seule ; le bureau se réunit chaque mois.",
    },
    "participation-assemblee": {
        "administrateur": "Convocation un mois avant et pouvoirs possibles, mais l'assemblée a lieu un soir de semaine.",
        "benevole": "Je n'ai reçu la convocation que par courriel, une semaine avant.",
    },
    "renouvellement-instances": {
        "administrateur": "Trois mandats au plus ; deux personnes sont entrées au conseil l'an dernier.",
    },
    "information-des-membres": {
        "direction": "Le compte rendu du conseil est envoyé à tous les membres après chaque réunion.",
        "benevole": "On apprend souvent les décisions par hasard, en discutant avec l'équipe.",
    },
    "politique-remuneration-transparente": {
        "direction": "Nous appliquons la grille de la convention collective, avec une prime d'ancienneté.",
        "salarie": "La grille existe mais personne ne sait comment on passe d'un échelon à l'autre.",
    },
    "qualite-des-contrats": {
        "direction": "CDI pour l'équipe permanente, contrats de 4 à 24 mois pour les parcours d'insertion.",
    },
    "entretiens-professionnels": {
        "salarie": "Les entretiens ont lieu, mais pas chaque année pour tout le monde.",
    },
    "acces-formation": {
        "direction": "Un plan de formation voté chaque année, surtout des formations techniques et de sécurité.",
    },
    "conditions-de-travail": {
        "direction": "Le document unique est mis à jour chaque année avec la médecine du travail.",
        "salarie": "Pendant les périodes chargées, les journées s'allongent et ce n'est écrit nulle part.",
    },
    "dialogue-social": {
        "salarie": "Un CSE élu depuis que nous avons dépassé onze salariés ; il se réunit tous les deux mois.",
    },
    "energie-batiments": {
        "salarie": "Le chauffage et les appareils restent souvent allumés le soir et le week-end.",
    },
    "dechets-et-gaspillage": {
        "salarie": "Tri en cinq flux ; les restes partent au compost d'une ferme voisine.",
        "benevole": "Les invendus sont donnés à une épicerie solidaire le soir même.",
    },
    "deplacements": {
        "direction": "Le forfait mobilités durables est proposé, deux personnes l'utilisent.",
    },
    "achats-ecoresponsables": {
        "direction": "Produits d'entretien écolabellisés ; pas encore de critères écrits pour le reste.",
    },
    "bilan-carbone": {
        "direction": "Pas encore fait ; nous avons regardé un outil simplifié en ligne.",
    },
    "projet-ecrit": {
        "direction": "Un projet à cinq ans adopté en assemblée générale, qui arrive à échéance.",
        "salarie": "Je l'ai lu à mon arrivée, on n'en a plus reparlé depuis.",
    },
    "evaluation-du-projet": {
        "administrateur": "Un séminaire du conseil chaque automne, sans les autres collèges pour l'instant.",
    },
    "partage-interne": {
        "salarie": "La stratégie est présentée au séminaire annuel, les nouveaux arrivés ne la connaissent pas.",
    },
    "cartographie-parties-prenantes": {
        "direction": "Une carte des parties prenantes faite lors d'un séminaire, à remettre à jour.",
    },
    "place-dans-les-decisions": {
        "administrateur": "Chaque collège désigne ses représentants au conseil et vote les grandes orientations.",
        "salarie": "Le collège des salariés est consulté, mais souvent une fois la décision déjà prise.",
    },
    "moyens-de-participer": {
        "direction": "Les documents sont envoyés huit jours avant le conseil ; rien n'est prévu pour former les élus.",
    },
    "charte-ethique": {
        "direction": "Une charte des valeurs annexée au règlement intérieur et remise aux nouveaux arrivants.",
    },
    "conflits-interets": {
        "administrateur": "Les élus signalent oralement leurs liens avec un fournisseur ; rien d'écrit.",
    },
    "dispositif-alerte": {
        "salarie": "Je ne saurais pas à qui m'adresser si le problème venait de la direction.",
        "direction": "Tout le monde peut venir me voir, la porte est ouverte.",
    },
    "transparence-financiere": {
        "direction": "Le rapport annuel et les comptes sont en ligne sur notre site.",
    },
    "egalite-remuneration-carriere": {
        "direction": "Nous comparons chaque année les salaires moyens des femmes et des hommes.",
        "salarie": "Les postes d'encadrement sont presque tous tenus par des hommes.",
    },
    "recrutement-non-discriminant": {
        "direction": "Fiches de poste écrites ; les entretiens se font toujours à deux.",
    },
    "prevention-harcelement": {
        "salarie": "Un référent harcèlement a été désigné au CSE, son nom est affiché dans les locaux.",
    },
    "emplois-non-delocalisables": {
        "direction": "Tous nos emplois sont sur le territoire ; nous recrutons avec les acteurs de l'emploi du quartier.",
    },
    "achats-responsables-locaux": {
        "direction": "Nos prestations informatiques et d'impression sont confiées à des structures de l'ESS.",
    },
    "partenariats-locaux": {
        "administrateur": "Nous participons au pôle ESS local et à deux groupements de commandes.",
    },
    "connaissance-des-besoins": {
        "direction": "Les demandes d'adhérents sont classées chaque trimestre pour repérer les besoins nouveaux.",
    },
    "participation-des-usagers": {
        "benevole": "Les délégués d'adhérents se réunissent deux fois par an dans chaque secteur.",
    },
    "qualite-des-services": {
        "salarie": "Nous suivons le délai de remboursement et les réclamations chaque mois.",
    },
}

# The shared finding the pilot wrote on a few items besides those where roles diverge, by structure.
FINDINGS: dict[str, dict[str, str]] = {
    "insertion": {
        "statuts-a-jour": "Statuts à jour ; le règlement intérieur sera relu avant la prochaine assemblée.",
        "politique-remuneration-transparente": (
            "L'équipe ne connaît pas les règles d'évolution : nous les écrirons et les présenterons."
        ),
        "bilan-carbone": "Personne n'a encore mesuré nos émissions ; c'est un chantier pour les deux ans à venir.",
        "renouvellement-instances": "Le conseil vieillit et se renouvelle peu : il faut aller chercher des candidatures.",
    },
    "scic": {
        "conflits-interets": "Une règle écrite manque : le conseil en adoptera une cette année.",
        "evaluation-du-projet": "Le projet n'a pas été relu depuis son adoption ; chaque collège veut y prendre part.",
        "une-personne-une-voix": "Les collèges et leurs droits de vote sont fixés par les statuts et respectés.",
    },
    "mutuelle": {
        "participation-assemblee": "Peu d'adhérents votent : le vote à distance est la piste retenue.",
        "qualite-des-services": "Nous suivons les délais mais pas encore la satisfaction des adhérents.",
        "energie-batiments": "Aucun suivi des consommations de l'agence pour l'instant.",
    },
}
