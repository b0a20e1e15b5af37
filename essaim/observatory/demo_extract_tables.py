"""The tables the demo SIRENE extract is drawn from (`demo_extract.py`): INSEE's file names and
columns, the kinds of legal units with their weights, bands, activities, streets. Pure data."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

UNITE_LEGALE = "StockUniteLegale_utf8"
ETABLISSEMENT = "StockEtablissement_utf8"
GEOLOCALISATION = "GeolocalisationEtablissement_Sirene_pour_etudes_statistiques_utf8"
UNITE_LEGALE_COLUMNS = tuple(
    "siren statutDiffusionUniteLegale unitePurgeeUniteLegale dateCreationUniteLegale sigleUniteLegale "
    "sexeUniteLegale prenom1UniteLegale prenom2UniteLegale prenom3UniteLegale prenom4UniteLegale "
    "prenomUsuelUniteLegale pseudonymeUniteLegale identifiantAssociationUniteLegale trancheEffectifsUniteLegale "
    "anneeEffectifsUniteLegale dateDernierTraitementUniteLegale nombrePeriodesUniteLegale categorieEntreprise "
    "anneeCategorieEntreprise dateDebut etatAdministratifUniteLegale nomUniteLegale nomUsageUniteLegale "
    "denominationUniteLegale denominationUsuelle1UniteLegale denominationUsuelle2UniteLegale "
    "denominationUsuelle3UniteLegale categorieJuridiqueUniteLegale activitePrincipaleUniteLegale "
    "nomenclatureActivitePrincipaleUniteLegale nicSiegeUniteLegale economieSocialeSolidaireUniteLegale "
    "societeMissionUniteLegale caractereEmployeurUniteLegale activitePrincipaleNAF25UniteLegale".split()
)
ETABLISSEMENT_COLUMNS = tuple(
    "siren nic siret statutDiffusionEtablissement dateCreationEtablissement trancheEffectifsEtablissement "
    "anneeEffectifsEtablissement activitePrincipaleRegistreMetiersEtablissement dateDernierTraitementEtablissement "
    "etablissementSiege nombrePeriodesEtablissement complementAdresseEtablissement numeroVoieEtablissement "
    "indiceRepetitionEtablissement dernierNumeroVoieEtablissement indiceRepetitionDernierNumeroVoieEtablissement "
    "typeVoieEtablissement libelleVoieEtablissement codePostalEtablissement libelleCommuneEtablissement "
    "libelleCommuneEtrangerEtablissement distributionSpecialeEtablissement codeCommuneEtablissement "
    "codeCedexEtablissement libelleCedexEtablissement codePaysEtrangerEtablissement libellePaysEtrangerEtablissement "
    "identifiantAdresseEtablissement coordonneeLambertAbscisseEtablissement coordonneeLambertOrdonneeEtablissement "
    "complementAdresse2Etablissement numeroVoie2Etablissement indiceRepetition2Etablissement typeVoie2Etablissement "
    "libelleVoie2Etablissement codePostal2Etablissement libelleCommune2Etablissement "
    "libelleCommuneEtranger2Etablissement distributionSpeciale2Etablissement codeCommune2Etablissement "
    "codeCedex2Etablissement libelleCedex2Etablissement codePaysEtranger2Etablissement "
    "libellePaysEtranger2Etablissement dateDebut etatAdministratifEtablissement enseigne1Etablissement "
    "enseigne2Etablissement enseigne3Etablissement denominationUsuelleEtablissement activitePrincipaleEtablissement "
    "nomenclatureActivitePrincipaleEtablissement caractereEmployeurEtablissement "
    "activitePrincipaleNAF25Etablissement".split()
)
# The 2026 schema: plg_qp24 and the 2015 QPV columns side by side, plg_zus kept but empty.
GEOLOCATION_COLUMNS = tuple(
    "siret x y qualite_xy epsg plg_qp24 plg_iris plg_zus plg_qp15 plg_qva plg_code_commune distance_precision "
    "qualite_qp24 qualite_iris qualite_zus qualite_qp15 qualite_qva y_latitude x_longitude".split()
)
# The stock files are comma-separated; INSEE's geolocation CSV has always used semicolons.
DELIMITERS = {UNITE_LEGALE: ",", ETABLISSEMENT: ",", GEOLOCALISATION: ";"}
MASKED = "[ND]"
FAKE_PERSON_MARKER = "FICTIF"  # in every personal column of a sole trader: a test can prove none is loaded
INSEE_BANDS = frozenset("NN 00 01 02 03 11 12 21 22 31 32 41 42 51 52 53".split())
EMPLOYER_BANDS = INSEE_BANDS - {"NN"}
EXCLUDED_ACTIVITIES = ("84.", "94.11Z", "94.20Z", "94.91Z", "94.92Z")  # research §1.3; 94.12Z counted apart
FIFTH_FAMILY = frozenset({"8310"})  # "autres organismes privés à but non lucratif", off by default
MASKED_ETABLISSEMENT_COLUMNS = (
    "complementAdresseEtablissement numeroVoieEtablissement indiceRepetitionEtablissement "
    "dernierNumeroVoieEtablissement indiceRepetitionDernierNumeroVoieEtablissement typeVoieEtablissement "
    "libelleVoieEtablissement identifiantAdresseEtablissement coordonneeLambertAbscisseEtablissement "
    "coordonneeLambertOrdonneeEtablissement enseigne1Etablissement enseigne2Etablissement enseigne3Etablissement "
    "denominationUsuelleEtablissement".split()
)
PERSON_COLUMNS = (
    "sexeUniteLegale prenom1UniteLegale prenom2UniteLegale prenom3UniteLegale prenom4UniteLegale "
    "prenomUsuelUniteLegale pseudonymeUniteLegale nomUniteLegale nomUsageUniteLegale".split()
)

# fmt: off
# Sectors: (factor on the kind's share of employers, NAF rév. 2 codes with weights, names).
SECTORS: dict[str, tuple[float, dict[str, float], tuple[str, ...]]] = {
    "membership": (0.4, {"94.99Z": 20, "94.12Z": 1}, ("AMICALE LAIQUE", "COMITE DE JUMELAGE", "CLUB DES AINES")),
    "sport": (0.65, {"93.12Z": 6, "93.11Z": 1, "93.19Z": 1, "85.51Z": 2}, ("UNION SPORTIVE", "TENNIS CLUB")),
    "culture": (0.8, {"90.01Z": 4, "90.02Z": 2, "90.04Z": 1, "93.29Z": 3, "85.52Z": 2, "91.02Z": 0.5, "59.14Z": 0.5},
                ("COMITE DES FETES", "ECOLE DE MUSIQUE", "COMPAGNIE THEATRALE")),
    "social": (2.0, {"88.10A": 3, "88.10B": 1, "88.10C": 1.5, "88.91A": 2, "88.99A": 1, "88.99B": 3, "87.10A": 1.5,
                     "87.30A": 0.5, "87.20A": 0.7, "87.90B": 0.8}, ("AIDE A DOMICILE", "MAISON DE L ENFANCE", "FOYER")),
    "care": (2.0, {"86.10Z": 1, "86.90D": 2, "86.90F": 1, "86.23Z": 0.5}, ("CENTRE DE SANTE", "CENTRE DE SOINS")),
    "education": (1.6, {"85.59A": 4, "85.59B": 2, "85.10Z": 1, "85.20Z": 1.5, "85.31Z": 1, "85.32Z": 0.5},
                  ("INSTITUT DE FORMATION", "ECOLE PRIVEE", "LYCEE")),
    "insertion": (1.8, {"81.21Z": 1, "81.30Z": 2, "38.32Z": 1, "47.79Z": 1.5}, ("RESSOURCERIE", "JARDINS SOLIDAIRES")),
    "employment": (1.8, {"78.20Z": 1, "78.30Z": 2}, ("SERVICES EMPLOI", "GROUPEMENT D EMPLOYEURS")),
    "excluded": (1.0, {"94.91Z": 3, "94.92Z": 2, "94.11Z": 1, "94.20Z": 1, "84.11Z": 0.5}, ("COMITE DE SOUTIEN",)),
    "religion": (1.0, {"94.91Z": 1}, ("CONGREGATION",)),
    "unions": (1.0, {"94.20Z": 1}, ("UNION LOCALE DES SYNDICATS",)),
    "employers_org": (1.0, {"94.11Z": 1}, ("UNION PATRONALE",)),
    "agriculture": (1.0, {"01.11Z": 3, "01.21Z": 1.5, "01.41Z": 2, "01.50Z": 2, "01.13Z": 1}, ("FERME",)),
    "agri_coop": (1.2, {"46.21Z": 4, "10.51A": 1, "10.11Z": 1, "46.11Z": 1}, ("COOPERATIVE AGRICOLE",)),
    "agri_services": (0.3, {"01.61Z": 1}, ("CUMA",)),
    "finance": (1.0, {"64.19Z": 1}, ("CAISSE LOCALE DE CREDIT", "BANQUE COOPERATIVE")),
    "guarantee": (1.0, {"64.92Z": 1}, ("SOCIETE DE CAUTION MUTUELLE",)),
    "insurance": (1.0, {"65.12Z": 6, "65.11Z": 1}, ("MUTUELLE", "SOCIETE D ASSURANCE MUTUELLE")),
    "mutual_care": (1.0, {"86.23Z": 1, "47.78A": 1, "86.90F": 1}, ("CENTRE MUTUALISTE", "OPTIQUE MUTUALISTE")),
    "construction": (1.0, {"43.21A": 2, "43.22A": 2, "43.32A": 2, "43.34Z": 1, "41.20A": 1.5, "43.99C": 1},
                     ("BATIMENT", "MENUISERIE", "ELECTRICITE GENERALE")),
    "retail": (1.0, {"47.11B": 1, "47.71Z": 2, "47.73Z": 1, "47.59B": 1, "47.91B": 1, "47.19B": 0.5},
               ("EPICERIE", "BOUTIQUE", "MAGASIN")),
    "food_service": (1.2, {"56.10A": 3, "56.10C": 2, "56.30Z": 2}, ("RESTAURANT", "CAFE", "TRAITEUR")),
    "business": (1.0, {"62.01Z": 2, "62.02A": 2, "70.22Z": 4, "71.12B": 2, "73.11Z": 1, "74.10Z": 1.5, "69.20Z": 1},
                 ("CONSEIL", "INFORMATIQUE", "INGENIERIE")),
    "personal": (1.0, {"96.02A": 4, "96.02B": 1, "96.04Z": 1, "96.09Z": 1, "49.32Z": 1.5, "85.59B": 1},
                 ("COIFFURE", "INSTITUT", "SERVICES A LA PERSONNE")),
    "industry": (1.0, {"10.71C": 3, "25.62B": 1, "18.12Z": 1, "16.23Z": 0.5, "33.12Z": 1}, ("BOULANGERIE", "ATELIER")),
    "health_professions": (1.0, {"86.21Z": 3, "86.90D": 3, "86.90E": 2, "86.23Z": 1}, ("CABINET MEDICAL",)),
    "real_estate": (1.0, {"68.20A": 3, "68.20B": 3, "68.10Z": 1}, ("SCI", "FONCIERE")),
    "town_hall": (1.0, {"84.11Z": 1}, ("COMMUNE DE",)),
    "intercommunality": (1.0, {"84.11Z": 1}, ("COMMUNAUTE DE COMMUNES DE",)),
}
ASSOCIATION = {"membership": 30, "sport": 18, "culture": 16, "social": 16, "education": 8, "care": 3, "insertion": 4,
               "excluded": 3}
COMPANY = {"construction": 16, "retail": 16, "food_service": 10, "business": 22, "personal": 10, "industry": 8,
           "real_estate": 3}
SOLE_TRADER = {"construction": 12, "retail": 9, "personal": 14, "business": 18, "health_professions": 12,
               "food_service": 4, "agriculture": 8, "real_estate": 12, "industry": 3, "culture": 3}


class Kind(NamedTuple):
    """A kind of legal unit: its ESS family, its share of all establishments (%), the share of its
    establishments that employ (times the sector's factor), its legal categories as (CJ, weight,
    sectors), how many establishments a unit has, its ESS flag, its share in partial diffusion."""

    family: str  # ESS family; "commerciale" is admitted by the ESS flag alone; "" is outside
    weight: float
    employer: float
    variants: tuple[tuple[str, float, Mapping[str, float]], ...]
    sites: Mapping[int, float] = MappingProxyType({1: 1})
    ess_flag: Mapping[str, float] = MappingProxyType({"N": 70, "": 30})
    partial: float = 0.0
    by_place: bool = False  # named after its commune rather than a brand
    public: bool = False


ESS_FLAG = MappingProxyType({"O": 80, "": 17, "N": 3})  # the CJ decides; the flag is a complement
KINDS = (
    Kind("association", 8.6, 0.45, (("9220", 90, ASSOCIATION), ("9230", 2.5, {"social": 3, "care": 1}),
         ("9210", 1, {"membership": 1, "culture": 1}), ("9221", 2.5, {"insertion": 1}), ("9222", 1.5, {"employment": 1}),
         ("9223", 1.5, {"employment": 1}), ("9240", 0.5, {"religion": 3, "social": 1})),
         sites={1: 92, 2: 5, 4: 3}, ess_flag=ESS_FLAG, partial=0.01, by_place=True),
    Kind("fondation", 0.2, 0.7, (("9300", 1, {"social": 4, "care": 2, "education": 1, "culture": 1}),),
         sites={1: 75, 3: 15, 6: 10}, ess_flag=ESS_FLAG, by_place=True),
    Kind("mutuelle", 0.65, 0.9, (("8210", 60, {"insurance": 5, "mutual_care": 3}), ("6411", 20, {"insurance": 1}),
         ("8250", 10, {"insurance": 1}), ("8290", 10, {"insurance": 1, "mutual_care": 1})),
         sites={1: 40, 3: 30, 6: 20, 12: 10}, ess_flag=ESS_FLAG, by_place=True),
    Kind("cooperative", 0.35, 0.9, (("5458", 75, COMPANY), ("5558", 25, COMPANY)), sites={1: 85, 2: 10, 4: 5},
         ess_flag=ESS_FLAG),  # SCOP
    Kind("cooperative", 0.35, 0.75, (("6317", 55, {"agri_coop": 1}), ("6316", 40, {"agri_services": 1}),
         ("6318", 5, {"agri_coop": 1})), sites={1: 80, 3: 15, 6: 5}, ess_flag=ESS_FLAG, by_place=True),
    Kind("cooperative", 0.55, 0.9, (("6596", 35, {"finance": 1}), ("6595", 25, {"finance": 1}),
         ("5192", 15, {"finance": 1}), ("5194", 10, {"finance": 1}), ("5196", 10, {"finance": 1}),
         ("5191", 5, {"guarantee": 1})), sites={1: 45, 3: 20, 8: 20, 20: 15}, ess_flag=ESS_FLAG, by_place=True),
    Kind("cooperative", 0.2, 0.7, (("5460", 30, COMPANY), ("5560", 20, {"business": 1, "social": 1, "food_service": 1}),
         ("5551", 10, {"retail": 1}), ("5552", 15, {"retail": 1}), ("5547", 10, {"real_estate": 1, "construction": 1}),
         ("5459", 5, {"business": 1})), sites={1: 80, 3: 15, 8: 5}, ess_flag=ESS_FLAG),
    Kind("commerciale", 0.3, 0.7, (("5710", 70, {**COMPANY, "insertion": 4}), ("5499", 30, COMPANY)),
         sites={1: 85, 2: 10, 4: 5}, ess_flag={"O": 1}),
    Kind("", 50, 0.06, (("1000", 1, SOLE_TRADER),), sites={1: 97, 2: 3}, partial=0.15),
    Kind("", 12, 0.55, (("5499", 80, COMPANY), ("5498", 20, COMPANY)), sites={1: 88, 2: 8, 4: 4}),
    Kind("", 14, 0.45, (("5710", 70, COMPANY), ("5720", 30, COMPANY)), sites={1: 85, 2: 8, 5: 5, 12: 2}),
    Kind("", 1, 0.8, (("5599", 1, COMPANY),), sites={1: 60, 4: 25, 10: 15}),
    Kind("", 6, 0.02, (("6540", 1, {"real_estate": 1}),)),
    Kind("", 4.5, 0.85, (("7210", 50, {"town_hall": 1}), ("7361", 20, {"social": 1}),
         ("7346", 10, {"intercommunality": 1}), ("7331", 20, {"education": 1})),
         sites={1: 40, 2: 25, 4: 20, 8: 15}, by_place=True, public=True),
    Kind("", 0.3, 0.5, (("8410", 60, {"unions": 1}), ("8420", 40, {"employers_org": 1})), by_place=True),
    Kind("", 0.3, 0.3, (("8310", 1, {"membership": 1}),)),
)
SMALL_BANDS = {"00": 6, "01": 32, "02": 24, "03": 15, "11": 12, "12": 8, "21": 2, "22": 1}
LARGE_BANDS = {"01": 8, "02": 12, "03": 15, "11": 20, "12": 22, "21": 11, "22": 7, "31": 2, "32": 2, "41": 0.7, "42": 0.3}
LARGE_SECTORS = frozenset({"social", "care", "education", "insurance", "town_hall", "intercommunality"})
BAD_BANDS = ("99", "04", "13")
OLD_NAF = ("91.3E", "85.3K", "92.6C", "80.4C")  # NAF rév. 1, still on some closed establishments
QUALITE_XY = {"11": 62, "12": 16, "21": 3, "22": 2, "33": 17}  # 33: a random point in the commune
OVERSEAS_EPSG = {"971": "5490", "972": "5490", "973": "2972", "974": "2975", "976": "4471"}
COUNTRIES = (("99131", "BELGIQUE", "BRUXELLES"), ("99134", "ESPAGNE", "MADRID"), ("99109", "ALLEMAGNE", "BERLIN"),
             ("99140", "SUISSE", "GENEVE"), ("99132", "ROYAUME-UNI", "LONDRES"), ("99127", "ITALIE", "TURIN"))
STREET_TYPES = {"RUE": 50, "AV": 12, "BD": 5, "PL": 6, "CHE": 8, "RTE": 10, "IMP": 4, "ALL": 5}
STREETS = ("DE LA GARE", "DES TILLEULS", "DE LA MAIRIE", "JEAN JAURES", "VICTOR HUGO", "DES ECOLES", "DU STADE",
           "DE LA REPUBLIQUE", "DES ACACIAS", "DU MOULIN", "PASTEUR", "DE L EGLISE", "DES VIGNES", "DU PORT")
BRANDS = ("ALDERA", "BELCOR", "CALVIA", "DORANE", "ESTRAL", "FENOUIL", "GALANE", "HELIXA", "IRIDE", "JOVENA",
          "KERLAN", "LUMEA", "MORVAL", "NOVALE", "ORPHEA", "PRALINE", "QUERCIA", "ROSALIE", "SOLAGE", "TIVALIA")
# fmt: on
NO_OLD_CODES: Mapping[str, str] = MappingProxyType({})
