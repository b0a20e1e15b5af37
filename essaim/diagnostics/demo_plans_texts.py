"""What the people of the self-diagnostic's demo structures (`demo_plans.py`) wrote: the practices
each role describes in its answers, and the findings each pilot shared on a few items. Written for
the demo; people are fictional."""

from __future__ import annotations

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
