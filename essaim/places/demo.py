"""Demo places: a few real tiers-lieux and PTCE of the instance's région (`ESSAIM_REGION`).

Every place exists; each description is ours, written from the source it cites, and says only
what that source supports (where a source gives no street address, the commune alone is said).
None carries coordinates, so the map shows it at its commune's centre, marked approximate, rather
than at a made-up point. None names an operator or members: the demo directory's structures are
fictional, and a real place must not appear run by an invented one. The date each was checked is
a date of the demonstration, relative to the day it loads, like every date of the demo.

No PTCE of Centre-Val de Loire is listed: we found no source we could cite for one. The CRESS
adds its own through the admin or `import_places`.

The places go through the import (`places_import`), as a CRESS file would; loading again updates
them instead of adding them twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from essaim.core.imports import Row
from essaim.core.registries import demo_loaders
from essaim.organisations.demo import demo_region
from essaim.places.importing import places_import


@dataclass(frozen=True)
class DemoPlace:
    kind: str
    name: str
    commune_code: str
    description: str
    source: str
    checked_days_ago: int
    subtype: str = ""
    address: str = ""
    website: str = ""


PLACES: dict[str, tuple[DemoPlace, ...]] = {
    "52": (
        DemoPlace(
            "tiers_lieu",
            "Le Solilab",
            "44109",
            "Lieu de l'économie sociale et solidaire à la pointe ouest de l'île de Nantes, installé en 2014 dans "
            "d'anciennes halles industrielles réhabilitées. Imaginé par Les Écossolies avec Nantes Métropole, il "
            "réunit des bureaux et des espaces de travail partagés pour des structures de l'ESS, des salles de "
            "réunion, une grande halle d'événements et des activités de réemploi ouvertes au public. La "
            "coopérative Lieux Communs le fait vivre au quotidien.",
            "https://lieuxcommuns.coop/Decouvrir_le_Solilab.GB.htm",
            40,
            subtype="hybride",
            address="8 rue Saint-Domingue, 44200 Nantes",
            website="https://lieuxcommuns.coop",
        ),
        DemoPlace(
            "tiers_lieu",
            "Le 122",
            "49007",
            "Tiers-lieu culturel de l'association Paï Paï, ouvert en janvier 2020 dans un ancien magasin d'environ "
            "700 m², entre les quartiers Saint-Serge, Ney et Monplaisir. Il accompagne des artistes locaux, propose "
            "des ateliers aux adultes comme aux enfants et accueille des rendez-vous sur la consommation "
            "responsable et la transition.",
            "https://angers.villactu.fr/le-tiers-lieu-culturel-le-122-veut-passer-a-la-vitesse-superieure",
            75,
            subtype="culturel",
            address="Rue de la Chalouère, Angers",
        ),
        DemoPlace(
            "tiers_lieu",
            "Le Faire Ailleurs",
            "49215",
            "Tiers-lieu du Montreuillais porté par le centre socio-culturel intercommunal Roland Charrier : un "
            "plateau partagé d'environ 500 m² pour transmettre des savoir-faire, bricoler, réparer et réemployer, "
            "et quelques bureaux ouverts au coworking avec une salle de réunion. Longtemps nommé simplement « le "
            "Tiers-Lieu », il a choisi ce nom à la fin de 2025.",
            "https://www.le-kiosque.org/montreuil-bellay-le-tiers-lieu-du-montreuillais-sappelle-desormais-le-faire-ailleurs",
            20,
            subtype="hybride",
        ),
        DemoPlace(
            "tiers_lieu",
            "L'Incubacteur",
            "44158",
            "Espace de coworking de Saint-Étienne-de-Montluc, l'un des tiers-lieux de Loire-Atlantique qui se sont "
            "ouverts hors de la métropole nantaise.",
            "https://www.lejournaldesentreprises.com/loire-atlantique-vendee/article/"
            "dans-les-pays-de-la-loire-lessor-du-coworking-donne-un-nouvel-elan-aux-zones-rurales-1624223",
            160,
            subtype="coworking",
        ),
        DemoPlace(
            "ptce",
            "Les Écossolies",
            "44109",
            "Pôle territorial de coopération économique de l'agglomération nantaise, porté par l'association Les "
            "Écossolies : il relie porteurs de projets, entreprises de l'ESS, collectivités et financeurs, "
            "accompagne des projets d'innovation sociale et a fait naître le Solilab, où il est installé.",
            "https://www.nantesmetropole.fr/actualite/l-actualite-thematique/"
            "une-ruche-pour-les-projets-solidaires-economie-developpement-durable-emploi-83967.kjsp",
            40,
            address="Le Solilab, 8 rue Saint-Domingue, 44200 Nantes",
        ),
        DemoPlace(
            "ptce",
            "Le Moulin créatif",
            "85146",
            "Pôle territorial de coopération économique tourné vers la culture et la création, porté par le "
            "collectif Icroacoa, qui coordonne depuis 2002 une vingtaine d'associations culturelles et sociales "
            "de la zone industrielle nord de Montaigu. Le projet a démarré en 2015 avec le soutien de la Région "
            "des Pays de la Loire.",
            "https://www.cress-pdl.org/grains-de-creation/",
            110,
            address="Zone industrielle nord, Montaigu",
        ),
    ),
    "24": (
        DemoPlace(
            "tiers_lieu",
            "Le 108",
            "45234",
            "Tiers-lieu artistique et culturel installé depuis 2003 dans une ancienne chocolaterie et confiserie "
            "de près de 5 000 m² du centre d'Orléans, mise à disposition par la Ville. Plusieurs dizaines "
            "d'associations et de compagnies y partagent salles de répétition, ateliers, studios et un fablab ; "
            "le bâtiment accueille aussi un centre social.",
            "https://le108.org/le-108/",
            30,
            subtype="culturel",
            address="108 rue de Bourgogne, 45000 Orléans",
            website="https://le108.org",
        ),
        DemoPlace(
            "tiers_lieu",
            "Les Beaumonts",
            "37261",
            "Tiers-lieu ouvert aux habitants en avril 2022 dans la friche des anciennes casernes "
            "Beaumont-Chauveau, aménagée par la Ville de Tours et la Société d'équipement de la Touraine ; son "
            "projet se construit avec ceux qui le fréquentent (réparation de vélos, ateliers, concerts).",
            "https://cresol.fr/ouverture-des-beaumonts-le-premier-tiers-lieu-de-tours-invente-par-et-pour-les-habitants/",
            95,
            subtype="hybride",
            address="Anciennes casernes Beaumont-Chauveau, Tours",
        ),
        DemoPlace(
            "tiers_lieu",
            "Moulin du Pont",
            "37111",
            "Site privé du sud de la Touraine qui réunit des artistes et des artisans autour d'ateliers partagés.",
            "https://sudtouraineactive.com/le-webzine/breves/tiers-lieu-le-sud-touraine-s-organise",
            140,
            subtype="atelier_partage",
            address="Moulin du Pont, Genillé",
        ),
        DemoPlace(
            "tiers_lieu",
            "Qastia",
            "37189",
            "Espace de coworking de Preuilly-sur-Claise, dans le sud de la Touraine.",
            "https://sudtouraineactive.com/le-webzine/breves/tiers-lieu-le-sud-touraine-s-organise",
            140,
            subtype="coworking",
        ),
        DemoPlace(
            "tiers_lieu",
            "Fablab de Loches",
            "37132",
            "Atelier de fabrication numérique du Lochois, qui prend part aux échanges des tiers-lieux du sud de "
            "la Touraine.",
            "https://sudtouraineactive.com/le-webzine/breves/tiers-lieu-le-sud-touraine-s-organise",
            140,
            subtype="fablab",
        ),
    ),
}


def demo_rows(region: str, *, today: date) -> list[Row]:
    """The région's demo places as the rows of an import file (the header is line 1)."""
    return [
        Row(
            line=line,
            values={
                "kind": place.kind,
                "subtype": place.subtype,
                "name": place.name,
                "description": place.description,
                "address": place.address,
                "commune_code": place.commune_code,
                "website": place.website,
                "source": place.source,
                "updated_on": (today - timedelta(days=place.checked_days_ago)).isoformat(),
            },
        )
        for line, place in enumerate(PLACES[region], start=2)
    ]


@demo_loaders.register("lieux", order=80)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    report = places_import(rows=demo_rows(demo_region(), today=timezone.localdate()))
    if not report.ok:
        raise RuntimeError("Lieux de démonstration invalides : " + "; ".join(map(str, report.errors)))
    log(f"  Lieux de l'ESS : {report.summary()}")
