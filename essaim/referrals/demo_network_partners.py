"""The structures of each demo région's network of partners, whose teams are in `demo_network.py`:
found in the demo directory by name, created there when missing."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoPartner:
    """A structure of the network: the demo directory's when it has it, else created there."""

    name: str
    commune: str  # INSEE code of its seat
    description: str
    ess_family: str = ""


def _chamber(name: str, commune: str, what: str) -> DemoPartner:
    return DemoPartner(name, commune, f"Chambre consulaire régionale : {what}")


PARTNERS = {
    "52": (
        DemoPartner(
            "CRESS Pays de la Loire",
            "44109",
            "Chambre régionale de l'économie sociale et solidaire des Pays de la Loire.",
            "association",
        ),
        _chamber(
            "Chambre de métiers et de l'artisanat Pays de la Loire",
            "44109",
            "création, reprise et développement des entreprises artisanales.",
        ),
        _chamber("CCI Pays de la Loire", "44109", "appui aux entreprises du commerce, de l'industrie et des services."),
        _chamber(
            "Chambre d'agriculture des Pays de la Loire",
            "49007",
            "installation, diversification et transmission des exploitations agricoles.",
        ),
        DemoPartner("DLA de Loire-Atlantique", "44109", "Dispositif local d'accompagnement de Loire-Atlantique."),
        DemoPartner("DLA de Maine-et-Loire", "49007", "Dispositif local d'accompagnement de Maine-et-Loire."),
        DemoPartner("DLA de la Mayenne", "53130", "Dispositif local d'accompagnement de la Mayenne."),
        DemoPartner("DLA de la Sarthe", "72181", "Dispositif local d'accompagnement de la Sarthe."),
        DemoPartner("DLA de la Vendée", "85191", "Dispositif local d'accompagnement de la Vendée."),
        DemoPartner(
            "France Active Pays de la Loire",
            "44109",
            "Association territoriale du réseau France Active, qui finance les entreprises de l'ESS.",
            "association",
        ),
        DemoPartner(
            "Les Ecossolies",
            "44109",
            "Réseau de l'ESS nantaise qui incube des projets d'utilité sociale.",
            "association",
        ),
        DemoPartner(
            "Ligue de l'enseignement - FAL 44",
            "44109",
            "Fédération d'associations d'éducation populaire, point d'appui à la vie associative.",
            "association",
        ),
        DemoPartner(
            "Maison des associations d'Angers",
            "49007",
            "Lieu ressource de la vie associative angevine, labellisé point Guid'Asso (structure fictive).",
            "association",
        ),
        DemoPartner(
            "Le Mouvement associatif Pays de la Loire",
            "44109",
            "Coordination régionale des fédérations et réseaux associatifs.",
            "association",
        ),
    ),
    "24": (
        DemoPartner(
            "CRESS Centre-Val de Loire",
            "45234",
            "Chambre régionale de l'économie sociale et solidaire du Centre-Val de Loire.",
            "association",
        ),
        _chamber(
            "Chambre de métiers et de l'artisanat Centre-Val de Loire",
            "45234",
            "création, reprise et développement des entreprises artisanales.",
        ),
        _chamber(
            "CCI Centre-Val de Loire", "45234", "appui aux entreprises du commerce, de l'industrie et des services."
        ),
        _chamber(
            "Chambre d'agriculture du Centre-Val de Loire",
            "45234",
            "installation, diversification et transmission des exploitations agricoles.",
        ),
        DemoPartner("DLA du Cher", "18033", "Dispositif local d'accompagnement du Cher."),
        DemoPartner("DLA d'Eure-et-Loir", "28085", "Dispositif local d'accompagnement d'Eure-et-Loir."),
        DemoPartner("DLA de l'Indre", "36044", "Dispositif local d'accompagnement de l'Indre."),
        DemoPartner("DLA d'Indre-et-Loire", "37261", "Dispositif local d'accompagnement d'Indre-et-Loire."),
        DemoPartner("DLA de Loir-et-Cher", "41018", "Dispositif local d'accompagnement de Loir-et-Cher."),
        DemoPartner("DLA du Loiret", "45234", "Dispositif local d'accompagnement du Loiret."),
        DemoPartner(
            "France Active Centre-Val de Loire",
            "45234",
            "Association territoriale du réseau France Active, qui finance les entreprises de l'ESS.",
            "association",
        ),
        DemoPartner(
            "Alter'Incub Centre-Val de Loire", "45234", "Incubateur régional d'innovation sociale.", "cooperative"
        ),
        DemoPartner(
            "Maison des associations de Tours",
            "37261",
            "Lieu ressource de la vie associative tourangelle, labellisé point Guid'Asso (structure fictive).",
            "association",
        ),
        DemoPartner(
            "Ligue de l'enseignement du Cher",
            "18033",
            "Fédération d'associations d'éducation populaire, point d'appui à la vie associative (structure fictive).",
            "association",
        ),
    ),
}
