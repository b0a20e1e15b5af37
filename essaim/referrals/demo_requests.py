"""The demo's requests for support: fictional project leaders, dated in days before the day the
demo loads, each with what happened to it since (the same plan in both régions, on places named
by `demo_network.PLACES`).

`days` is when it was sent; `taken`, `closed`, `withdrawn`, `rated` and `routed` are days before
today too. `reminded` caps the reminders already sent (the daily command sends the others: some
are due when the demo loads); `declines` is how many receiving teams said "pas pour nous".
"""

from __future__ import annotations

from dataclasses import dataclass

from essaim.referrals.models import Outcome, Source


@dataclass(frozen=True)
class DemoRequest:
    days: float
    need: str
    place: str
    name: str
    project: str
    description: str
    email: str | None = None  # None: first.last@example.org from the name; "": reached by phone
    phone: str = ""
    audience: str = ""
    stage: str = ""
    years: int | None = None
    employees: int | None = None
    source: str = Source.FORM
    offer: str = ""  # the title of the offer it starts from (the région's France Active)
    reminded: int = 2
    declines: int = 0
    routed: float | None = None  # the CRESS sent it by hand to the teams that might help
    taken: float | None = None
    by_cress: bool = False  # taken in hand by the CRESS itself
    closed: float | None = None
    outcome: str = ""
    note: str = ""
    withdrawn: float | None = None
    abandoned: bool = False
    useful: bool | None = None
    rated: float | None = None
    again_after_hours: float | None = None  # the same person sends it again: merged
    again: str = ""


ORIENTATION = Source.ORIENTATION
OFFER = Source.OFFER
CRESS = Source.CRESS

REQUESTS = (
    # Sent, waiting for a team: fresh, then old enough for reminders, then "à traiter".
    DemoRequest(
        0.1,
        "financer_demarrage",
        "metropole",
        "Amandine Roussel",
        "Épicerie solidaire du quartier",
        "Nous sommes cinq habitantes à porter un projet d'épicerie solidaire dans notre quartier : "
        "des produits locaux à prix différenciés selon les revenus. Nous cherchons un premier "
        "financement pour l'aménagement du local (environ 25 000 €).",
        audience="collectif_informel",
        stage="creation",
    ),
    DemoRequest(
        1,
        "structurer_projet",
        "rural49",
        "Gaëtan Morin",
        "Tiers-lieu de la gare",
        "La commune nous propose l'ancienne gare pour un tiers-lieu : café associatif, atelier de "
        "réparation et espace de travail partagé. Nous avons besoin d'aide pour bâtir le modèle "
        "économique et l'étude de faisabilité.",
        audience="collectif_informel",
        stage="ideation",
        source=ORIENTATION,
    ),
    DemoRequest(
        2,
        "financer_investissement",
        "ville72",
        "Sébastien Caradec",
        "Scop Les Ateliers du Vélo",
        "Notre Scop répare et reconditionne des vélos. Nous voulons acheter un second local et un "
        "véhicule utilitaire électrique pour des ateliers mobiles.",
        audience="scop",
        stage="developpement",
        years=4,
        employees=6,
        source=OFFER,
        offer="Prêt et garantie pour investir",
    ),
    DemoRequest(
        3.2,
        "numerique",
        "banlieue",
        "Fatou Diallo",
        "Association Les Petits Débrouillards du quartier",
        "Nos bénévoles gèrent les adhésions sur des tableurs partagés. Nous voudrions un outil "
        "simple d'adhésion en ligne et un accompagnement pour le choisir.",
        audience="association",
        stage="developpement",
        years=6,
        employees=2,
        source=ORIENTATION,
        reminded=0,
    ),
    DemoRequest(
        4,
        "tresorerie",
        "ville85",
        "Jérôme Bodin",
        "Association Vent d'Ouest Insertion",
        "Un financeur public a décalé de six mois le versement d'une subvention. Nous avons besoin "
        "d'une solution de trésorerie pour payer les salaires de nos huit salariés en insertion.",
        audience="siae",
        stage="consolidation",
        years=9,
        employees=8,
        reminded=0,
    ),
    DemoRequest(
        5,
        "transition_ecologique",
        "rural44",
        "Nathalie Perrin",
        "SCIC Énergies citoyennes du pays",
        "Notre SCIC d'énergie renouvelable citoyenne veut installer des centrales photovoltaïques "
        "sur les toits des écoles. Nous cherchons un appui technique et juridique.",
        audience="scic",
        stage="creation",
        years=1,
        employees=0,
        reminded=1,
    ),
    DemoRequest(
        8,
        "recruter_rh_benevolat",
        "ville49",
        "Hugo Lefèvre",
        "Association Jardins partagés",
        "Notre association emploie trois personnes et veut recruter un coordinateur. Nous ne savons "
        "pas comment construire la fiche de poste ni quelles aides à l'emploi mobiliser.",
        audience="association",
        stage="developpement",
        years=5,
        employees=3,
        reminded=1,
    ),
    DemoRequest(
        12,
        "commercialiser_marches_publics",
        "ville72",
        "Laurence Aubry",
        "Atelier d'insertion Bois et Compagnie",
        "Nous fabriquons du mobilier en bois de réemploi et voulons répondre aux marchés publics "
        "des collectivités (clauses sociales). Comment nous y prendre ?",
        audience="siae",
        stage="developpement",
        years=7,
        employees=14,
    ),
    DemoRequest(
        15,
        "cooperer_mutualiser",
        "rural53",
        "Pierre-Yves Hamel",
        "Ressourcerie du bocage",
        "Notre ressourcerie voudrait mutualiser un camion et un entrepôt avec deux autres "
        "structures de réemploi du territoire. Nous cherchons un appui pour monter la coopération.",
        audience="association",
        stage="developpement",
        years=6,
        employees=5,
        declines=1,
    ),
    DemoRequest(
        21,
        "mesurer_impact",
        "metropole",
        "Inès Benali",
        "Régie de quartier Centre-Ouest",
        "Nos financeurs nous demandent de mesurer notre impact social. Nous voudrions une méthode "
        "simple et adaptée à une équipe de douze salariés.",
        audience="association",
        stage="consolidation",
        years=15,
        employees=12,
    ),
    DemoRequest(
        0.3,
        "choisir_statut_gouvernance",
        "banlieue",
        "Maëlle Girard",
        "Café des enfants",
        "Nous ouvrons un café des enfants et hésitons entre l'association et la SCIC.",
        audience="collectif_informel",
        stage="ideation",
        again_after_hours=2,
        again="Nous serons six fondatrices et la mairie voudrait entrer au capital si c'est une SCIC.",
    ),
    # Nobody handles it: the CRESS routes it by hand.
    DemoRequest(
        2,
        "former_benevoles",
        "ville53",
        "Claire Fournier",
        "Comité des fêtes",
        "Nos nouveaux bénévoles aimeraient être formés à la gestion d'une buvette et aux règles "
        "d'hygiène pour nos manifestations.",
        audience="association",
        stage="developpement",
        years=20,
        employees=0,
    ),
    DemoRequest(
        11,
        "former_benevoles",
        "rural72",
        "Bernard Chauvin",
        "Association de l'aide aux devoirs",
        "Nous accueillons des enfants après l'école avec vingt bénévoles, et voudrions les former "
        "à l'accompagnement scolaire.",
        phone="06 39 98 00 11",
        email="",
        audience="association",
        stage="developpement",
        years=12,
    ),
    DemoRequest(
        6,
        "transmettre_reprendre",
        "rural85",
        "Vincent Guérin",
        "Reprise de la boulangerie du bourg",
        "Le boulanger du bourg part à la retraite. Un collectif d'habitants voudrait reprendre la "
        "boulangerie en SCIC avec un boulanger salarié.",
        audience="collectif_informel",
        stage="transmission",
        declines=3,
    ),
    # Taken in hand.
    DemoRequest(
        6,
        "financer_demarrage",
        "rural72",
        "Mathieu Le Gall",
        "Brasserie paysanne",
        "Nous créons une microbrasserie à la ferme, avec de l'orge cultivée sur place. Il nous "
        "manque 40 000 € pour le brassin et la chambre froide.",
        audience="porteur_individuel",
        stage="creation",
        source=ORIENTATION,
        taken=4,
    ),
    DemoRequest(
        9,
        "structurer_projet",
        "metropole",
        "Samuel Nguyen",
        "Tiers-lieu nourricier",
        "Nous voulons ouvrir un tiers-lieu autour de l'alimentation : cuisine partagée, "
        "conserverie et marché de producteurs.",
        audience="collectif_informel",
        stage="faisabilite",
        taken=8,
    ),
    DemoRequest(
        20,
        "choisir_statut_gouvernance",
        "ville49",
        "Aurélie Masson",
        "Association Mobilités solidaires",
        "Notre association de garage solidaire veut se transformer en SCIC pour associer les "
        "collectivités et les usagers à sa gouvernance.",
        audience="association",
        stage="changement_echelle",
        years=3,
        employees=4,
        taken=17,
    ),
    DemoRequest(
        25,
        "former_benevoles",
        "rural53",
        "Odile Cordier",
        "Foyer rural",
        "Notre foyer rural voudrait former ses animateurs bénévoles à l'accueil de publics en situation de handicap.",
        audience="association",
        years=30,
        employees=1,
        routed=24,
        taken=22,
    ),
    DemoRequest(
        60,
        "fonds_propres",
        "ville85",
        "Stéphane Lebreton",
        "Scic Cantine bio du territoire",
        "Notre SCIC de restauration collective veut renforcer ses fonds propres avant d'ouvrir une "
        "seconde cuisine centrale.",
        audience="scic",
        stage="developpement",
        years=5,
        employees=11,
        taken=55,
    ),
    DemoRequest(
        50,
        "difficulte_rebond",
        "ville72",
        "Julie Ferreira",
        "Association Culture en partage",
        "La fin d'un contrat aidé et une baisse de fréquentation fragilisent notre association. "
        "Nous cherchons un regard extérieur pour rebondir.",
        audience="association",
        stage="consolidation",
        years=10,
        employees=3,
        taken=48,
        useful=True,
        rated=1,
    ),
    DemoRequest(
        3,
        "fonds_propres",
        "metropole",
        "Karima Haddad",
        "Scop Imprimerie coopérative",
        "Les salariés reprennent l'imprimerie en Scop et doivent apporter des fonds propres.",
        audience="scop",
        stage="transmission",
        years=0,
        employees=9,
        source=OFFER,
        offer="Apport en fonds propres pour les entreprises de l'ESS",
        taken=1,
    ),
    DemoRequest(
        14,
        "tresorerie",
        "ville53",
        "Gérard Lemoine",
        "Chantier d'insertion Le Relais vert",
        "Saisie par la CRESS après un appel téléphonique : décalage de trésorerie lié au paiement "
        "tardif d'une convention.",
        phone="06 39 98 00 14",
        audience="siae",
        stage="consolidation",
        years=11,
        employees=18,
        source=CRESS,
        taken=13,
    ),
    # Closed, with each outcome.
    DemoRequest(
        90,
        "financer_demarrage",
        "rural44",
        "Élise Carré",
        "Épicerie vrac et locale",
        "Création d'une épicerie vrac et locale en milieu rural, en SARL de l'ESS.",
        audience="societe_commerciale_ess",
        stage="creation",
        taken=86,
        closed=30,
        outcome=Outcome.SUPPORTED,
        note="Prêt d'honneur et garantie bancaire obtenus, ouverture prévue le mois prochain.",
        useful=True,
        rated=40,
    ),
    DemoRequest(
        70,
        "recruter_rh_benevolat",
        "ville85",
        "Thomas Renard",
        "Association sportive des Sables",
        "Nous voulons créer un premier emploi d'éducateur sportif partagé avec deux clubs.",
        audience="association",
        stage="developpement",
        years=25,
        employees=1,
        taken=69,
        closed=20,
        outcome=Outcome.SUPPORTED,
        note="Accompagnement DLA collectif sur l'emploi partagé.",
        useful=False,
        rated=15,
    ),
    DemoRequest(
        40,
        "structurer_projet",
        "banlieue",
        "Lina Moreau",
        "Ressourcerie créative",
        "Projet de ressourcerie spécialisée dans les matériaux pour les artistes et les écoles.",
        audience="porteur_individuel",
        stage="ideation",
        source=ORIENTATION,
        taken=38,
        closed=5,
        outcome=Outcome.SUPPORTED,
        note="Entrée dans le parcours d'incubation.",
    ),
    DemoRequest(
        35,
        "cooperer_mutualiser",
        "ville49",
        "Patrice Dubois",
        "Groupement d'employeurs culturel",
        "Trois compagnies de théâtre veulent créer un groupement d'employeurs pour partager une administratrice.",
        audience="association",
        years=8,
        employees=2,
        taken=34,
        closed=33,
        outcome=Outcome.REDIRECTED,
        note="Orienté vers le réseau des groupements d'employeurs, plus compétent sur ce montage.",
    ),
    DemoRequest(
        45,
        "financer_investissement",
        "rural49",
        "Yannick Bertin",
        "Ferme équestre solidaire",
        "Achat d'un manège couvert pour une ferme équestre qui accueille des publics handicapés.",
        audience="porteur_individuel",
        stage="developpement",
        taken=43,
        closed=40,
        outcome=Outcome.NO_HELP,
        note="Projet hors des critères des financements solidaires à ce stade.",
    ),
    DemoRequest(
        28,
        "numerique",
        "ville72",
        "Kevin Marchetti",
        "Collectif des réparateurs",
        "Un site pour prendre rendez-vous dans nos repair cafés.",
        audience="collectif_informel",
        taken=26,
        closed=12,
        outcome=Outcome.UNREACHABLE,
        note="Trois appels et deux e-mails restés sans réponse.",
    ),
    DemoRequest(
        120,
        "financer_demarrage",
        "metropole",
        "Sandrine Leroux",
        "SCIC Cycles et logistique urbaine",
        "Création d'une SCIC de livraison en vélo-cargo pour les commerces du centre-ville.",
        audience="scic",
        stage="creation",
        years=0,
        employees=0,
        source=OFFER,
        offer="Garantie et prêt pour démarrer",
        taken=118,
        closed=60,
        outcome=Outcome.SUPPORTED,
        note="Garantie France Active et prêt participatif accordés.",
        useful=True,
        rated=70,
    ),
    DemoRequest(
        18,
        "transition_ecologique",
        "rural85",
        "Mélanie Rousseau",
        "Association Zéro déchet du canton",
        "Nous voulons lancer un service de gobelets et vaisselle réutilisables pour les fêtes locales.",
        audience="association",
        stage="creation",
        years=2,
        employees=0,
        source=ORIENTATION,
        taken=17,
        closed=16,
        outcome=Outcome.REDIRECTED,
        note="Orientée vers l'Ademe et le syndicat de collecte des déchets.",
    ),
    DemoRequest(
        24,
        "former_benevoles",
        "ville53",
        "Roger Lambert",
        "Club des aînés",
        "Former nos bénévoles à l'utilisation d'une tablette pour animer des ateliers.",
        audience="association",
        years=40,
        by_cress=True,
        taken=21,
        closed=20,
        outcome=Outcome.NO_HELP,
        note="Aucun partenaire du réseau sur ce besoin dans le département : la CRESS a transmis "
        "les coordonnées de l'espace France services le plus proche.",
    ),
    # Withdrawn by the requester.
    DemoRequest(
        9,
        "financer_demarrage",
        "ville49",
        "Chloé Vasseur",
        "Friperie solidaire",
        "Ouverture d'une friperie solidaire avec un chantier d'insertion.",
        audience="porteur_individuel",
        stage="creation",
        withdrawn=7,
    ),
    DemoRequest(
        30,
        "structurer_projet",
        "rural49",
        "Arnaud Picard",
        "Habitat partagé",
        "Projet d'habitat participatif intergénérationnel dans un ancien presbytère.",
        audience="collectif_informel",
        stage="ideation",
        taken=27,
        withdrawn=20,
    ),
    DemoRequest(
        2,
        "commercialiser_marches_publics",
        "metropole",
        "Julien Barbier",
        "Entreprise adaptée Les Ateliers du Lac",
        "Répondre à un appel d'offres de la métropole pour l'entretien des espaces verts.",
        audience="entreprise_adaptee_esat",
        years=12,
        employees=35,
        withdrawn=1,
    ),
    # Nobody took them in hand within 30 days.
    DemoRequest(
        40,
        "cooperer_mutualiser",
        "rural72",
        "Martine Gaudin",
        "Collectif des épiceries de village",
        "Six épiceries de village voudraient grouper leurs achats auprès des producteurs locaux.",
        audience="collectif_informel",
        abandoned=True,
    ),
    DemoRequest(
        33,
        "mesurer_impact",
        "ville85",
        "François Hervé",
        "Association d'aide à domicile",
        "Évaluer l'utilité sociale de nos services d'aide à domicile en milieu rural.",
        audience="association",
        years=22,
        employees=40,
        abandoned=True,
    ),
    DemoRequest(
        36,
        "former_benevoles",
        "rural53",
        "Jacqueline Marie",
        "Bibliothèque associative",
        "Former nos bénévoles à l'animation de lectures pour les tout-petits.",
        audience="association",
        years=15,
        abandoned=True,
    ),
    # Two more fresh ones, from the guided path and from an offer.
    DemoRequest(
        0.05,
        "difficulte_rebond",
        "ville53",
        "Malik Ferhat",
        "Association Solidarité emploi",
        "Notre association intermédiaire perd un marché important. Nous cherchons de l'aide pour "
        "revoir notre modèle économique.",
        audience="siae",
        stage="consolidation",
        years=14,
        employees=12,
        source=ORIENTATION,
    ),
    DemoRequest(
        1,
        "tresorerie",
        "banlieue",
        "Camille Lucas",
        "Crèche parentale Les Lutins",
        "Besoin d'une avance de trésorerie en attendant le versement des prestations de la CAF.",
        audience="association",
        stage="developpement",
        years=7,
        employees=6,
        source=OFFER,
        offer="Prêt et garantie pour investir",
    ),
)
