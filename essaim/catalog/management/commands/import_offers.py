from pathlib import Path

from essaim.catalog.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, offers_import
from essaim.core.imports import ImportReport, read_table_file
from essaim.core.imports.command import ImportCommand


class Command(ImportCommand):
    help = (
        "Importe des offres depuis un fichier CSV (UTF-8, virgules, en-tête) ou XLSX. Toutes les lignes "
        "sont vérifiées avant d'écrire : une seule ligne fausse et rien n'est écrit. Un external_id déjà "
        "connu met l'offre à jour."
    )
    suffixes = (".csv", ".txt", ".xlsx")
    file_help = "fichier des offres"

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        rows = read_table_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
        return offers_import(rows=rows, dry_run=dry_run)
