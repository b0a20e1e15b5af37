from pathlib import Path

from essaim.core.imports import ImportReport, read_csv_file
from essaim.core.imports.command import ImportCommand
from essaim.places.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, places_import


class Command(ImportCommand):
    help = (
        "Importe des tiers-lieux et des PTCE depuis un fichier CSV (UTF-8, virgule ou point-virgule, "
        "ligne d'en-tête). Colonnes obligatoires : kind (tiers_lieu ou ptce), name, commune_code (code "
        "INSEE de la commune actuelle). Facultatives : subtype (pour un tiers-lieu : coworking, fablab, "
        "atelier_partage, cuisine_partagee, culturel, nourricier, hybride), description, address, "
        "latitude et longitude (degrés décimaux WGS 84, les deux ou aucune ; sans elles, la carte "
        "montre le lieu au centre de sa commune), operator_siret (SIRET d'une structure de "
        "l'annuaire), member_sirets (pour un PTCE : SIRET de structures de l'annuaire, séparés par |), "
        "website, source (d'où vient l'information), updated_on (date de l'information, AAAA-MM-JJ ou "
        "JJ/MM/AAAA). Un lieu déjà connu (même nature, même nom, même commune) est mis à jour. Toutes "
        "les lignes sont vérifiées avant d'écrire : une seule ligne fausse et rien n'est écrit."
    )
    suffixes = (".csv", ".txt")
    file_help = "fichier des lieux"

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        rows = read_csv_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
        return places_import(rows=rows, dry_run=dry_run)
