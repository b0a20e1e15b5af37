"""The demo network of each demo région: its partners' teams and their referencing (needs,
territories, audiences), with one adviser account per team. The structures they belong to are in
`demo_network_partners.py`.

Each network leaves a need uncovered in some départements (training volunteers: only the
Guid'Asso points handle it, and not everywhere), so that the CRESS's gap table shows something.
"""

from __future__ import annotations

from dataclasses import dataclass

ADVISER_DOMAIN = "@demo.essaim.example"

# The needs each kind of partner handles (slugs of the catalogue's needs).
DLA_NEEDS = (
    "choisir_statut_gouvernance",
    "recruter_rh_benevolat",
    "tresorerie",
    "cooperer_mutualiser",
    "difficulte_rebond",
    "changer_echelle_essaimer",
    "mesurer_impact",
    "numerique",
)
FRANCE_ACTIVE_NEEDS = (
    "financer_demarrage",
    "financer_investissement",
    "fonds_propres",
    "tresorerie",
    "difficulte_rebond",
)
GUIDASSO_NEEDS = (
    "structurer_projet",
    "choisir_statut_gouvernance",
    "recruter_rh_benevolat",
    "former_benevoles",
    "financer_demarrage",
)
GUIDASSO_AUDIENCES = ("association", "collectif_informel")
CRESS_NEEDS = ("cooperer_mutualiser", "mesurer_impact", "changer_echelle_essaimer", "choisir_statut_gouvernance")
CMA_NEEDS = ("structurer_projet", "financer_demarrage", "transmettre_reprendre", "numerique")
CCI_NEEDS = (
    "commercialiser_marches_publics",
    "transmettre_reprendre",
    "numerique",
    "transition_ecologique",
    "financer_investissement",
)
AGRICULTURE_NEEDS = ("structurer_projet", "transmettre_reprendre", "transition_ecologique", "cooperer_mutualiser")
INCUBATOR_NEEDS = ("structurer_projet", "choisir_statut_gouvernance", "changer_echelle_essaimer")


@dataclass(frozen=True)
class DemoTeam:
    key: str  # its adviser is conseil.<key>@demo.essaim.example
    partner: str
    name: str
    needs: tuple[str, ...]
    territories: tuple[tuple[str, str], ...]
    adviser: str  # the adviser's full name
    audiences: tuple[str, ...] = ()
    min_years: int | None = None
    min_employees: int | None = None

    @property
    def adviser_email(self) -> str:
        return f"conseil.{self.key}{ADVISER_DOMAIN}"

    @property
    def email(self) -> str:
        return f"equipe.{self.key}{ADVISER_DOMAIN}"


def _dla(departement: str, partner: str, adviser: str, needs: tuple[str, ...] = DLA_NEEDS) -> DemoTeam:
    """A département's DLA: employer structures of the ESS, one year old at least."""
    return DemoTeam(
        f"dla{departement}",
        partner,
        "Chargés de mission DLA",
        needs,
        (("departement", departement),),
        adviser,
        min_years=1,
        min_employees=1,
    )


TEAMS = {
    "52": (
        DemoTeam(
            "cress-pdl",
            "CRESS Pays de la Loire",
            "Pôle accompagnement et coopérations",
            CRESS_NEEDS,
            (("region", "52"),),
            "Élodie Marchand",
        ),
        DemoTeam(
            "cma-pdl",
            "Chambre de métiers et de l'artisanat Pays de la Loire",
            "Service création et transmission",
            CMA_NEEDS,
            (("region", "52"),),
            "Thierry Gauthier",
        ),
        DemoTeam(
            "cci-pdl",
            "CCI Pays de la Loire",
            "Appui aux entreprises",
            CCI_NEEDS,
            (("region", "52"),),
            "Nadia Bouchard",
        ),
        DemoTeam(
            "agri-pdl",
            "Chambre d'agriculture des Pays de la Loire",
            "Installation et diversification",
            AGRICULTURE_NEEDS,
            (("region", "52"),),
            "Hervé Lemaire",
        ),
        _dla("44", "DLA de Loire-Atlantique", "Sophie Rivière"),
        _dla("49", "DLA de Maine-et-Loire", "Julien Poirier"),
        # The Mayenne's DLA leaves digital questions to the CCI.
        _dla("53", "DLA de la Mayenne", "Anne Chevalier", tuple(n for n in DLA_NEEDS if n != "numerique")),
        _dla("72", "DLA de la Sarthe", "Mehdi Haddad"),
        _dla("85", "DLA de la Vendée", "Claire Boutin"),
        DemoTeam(
            "france-active-ouest",
            "France Active Pays de la Loire",
            "Antenne Loire-Atlantique et Vendée",
            FRANCE_ACTIVE_NEEDS,
            (("departement", "44"), ("departement", "85")),
            "Lucas Ferrand",
        ),
        DemoTeam(
            "france-active-est",
            "France Active Pays de la Loire",
            "Antenne Anjou, Mayenne et Sarthe",
            FRANCE_ACTIVE_NEEDS,
            (("departement", "49"), ("departement", "53"), ("departement", "72")),
            "Inès Mercier",
        ),
        DemoTeam(
            "incubateur-nantes",
            "Les Ecossolies",
            "Incubateur des Ecossolies",
            INCUBATOR_NEEDS,
            (("departement", "44"),),
            "Paul Jourdain",
        ),
        DemoTeam(
            "guidasso-nantes",
            "Ligue de l'enseignement - FAL 44",
            "Point Guid'Asso de Nantes Métropole",
            GUIDASSO_NEEDS,
            (("epci", "244400404"),),
            "Marion Le Bihan",
            audiences=GUIDASSO_AUDIENCES,
        ),
        DemoTeam(
            "guidasso-angers",
            "Maison des associations d'Angers",
            "Point Guid'Asso d'Angers Loire Métropole",
            GUIDASSO_NEEDS,
            (("epci", "244900015"),),
            "Romain Guillet",
            audiences=GUIDASSO_AUDIENCES,
        ),
        DemoTeam(
            "guidasso-vendee",
            "Le Mouvement associatif Pays de la Loire",
            "Point Guid'Asso de Vendée",
            GUIDASSO_NEEDS,
            (("departement", "85"),),
            "Aurélie Texier",
            audiences=GUIDASSO_AUDIENCES,
        ),
    ),
    "24": (
        DemoTeam(
            "cress-cvl",
            "CRESS Centre-Val de Loire",
            "Pôle accompagnement et coopérations",
            CRESS_NEEDS,
            (("region", "24"),),
            "Hélène Dumas",
        ),
        DemoTeam(
            "cma-cvl",
            "Chambre de métiers et de l'artisanat Centre-Val de Loire",
            "Service création et transmission",
            CMA_NEEDS,
            (("region", "24"),),
            "Olivier Renaud",
        ),
        DemoTeam(
            "cci-cvl",
            "CCI Centre-Val de Loire",
            "Appui aux entreprises",
            CCI_NEEDS,
            (("region", "24"),),
            "Samia Belkacem",
        ),
        DemoTeam(
            "agri-cvl",
            "Chambre d'agriculture du Centre-Val de Loire",
            "Installation et diversification",
            AGRICULTURE_NEEDS,
            (("region", "24"),),
            "Bertrand Collin",
        ),
        _dla("18", "DLA du Cher", "Agnès Perrot"),
        _dla("28", "DLA d'Eure-et-Loir", "Damien Roussel"),
        _dla("36", "DLA de l'Indre", "Cécile Marchal", tuple(n for n in DLA_NEEDS if n != "numerique")),
        _dla("37", "DLA d'Indre-et-Loire", "Karim Saidi"),
        _dla("41", "DLA de Loir-et-Cher", "Laure Besson"),
        _dla("45", "DLA du Loiret", "Nicolas Hamon"),
        DemoTeam(
            "france-active-nord",
            "France Active Centre-Val de Loire",
            "Antenne Loiret, Eure-et-Loir et Loir-et-Cher",
            FRANCE_ACTIVE_NEEDS,
            (("departement", "28"), ("departement", "41"), ("departement", "45")),
            "Émilie Garnier",
        ),
        DemoTeam(
            "france-active-sud",
            "France Active Centre-Val de Loire",
            "Antenne Berry et Touraine",
            FRANCE_ACTIVE_NEEDS,
            (("departement", "18"), ("departement", "36"), ("departement", "37")),
            "Thomas Vidal",
        ),
        DemoTeam(
            "incubateur-cvl",
            "Alter'Incub Centre-Val de Loire",
            "Incubateur régional",
            INCUBATOR_NEEDS,
            (("region", "24"),),
            "Justine Perrin",
        ),
        DemoTeam(
            "guidasso-tours",
            "Maison des associations de Tours",
            "Point Guid'Asso de Tours Métropole",
            GUIDASSO_NEEDS,
            (("epci", "243700754"),),
            "Fanny Lebrun",
            audiences=GUIDASSO_AUDIENCES,
        ),
        DemoTeam(
            "guidasso-cher",
            "Ligue de l'enseignement du Cher",
            "Point Guid'Asso du Cher",
            GUIDASSO_NEEDS,
            (("departement", "18"),),
            "Yannick Morel",
            audiences=GUIDASSO_AUDIENCES,
        ),
    ),
}

# The adviser shown first in the demo summary: the département of the région's capital.
KEY_TEAM = {"52": "dla44", "24": "dla45"}
