"""Last year's action plans of the self-diagnostic's demo structures (`demo_plans.py`): each line
starts from an item, with its objectives at one and three years, who carries it, its due date and
where it stands when the demo loads. Written for the demo; people are fictional."""

from __future__ import annotations

from dataclasses import dataclass


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


INSERTION_ACTIONS = (
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
)

SCIC_ACTIONS = (
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
)

MUTUAL_ACTIONS = (
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
)
