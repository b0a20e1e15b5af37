from pathlib import Path

from essaim.core.imports import ImportReport, read_csv_file
from essaim.core.imports.command import ImportCommand
from essaim.organisations.services import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, organisations_import


class Command(ImportCommand):
    help = (
        "Importe des structures depuis un fichier CSV (UTF-8, en-tête). Toutes les lignes sont "
        "vérifiées avant d'écrire : une seule ligne fausse et rien n'est écrit."
    )
    suffixes = (".csv", ".txt")
    file_help = "fichier des structures"

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        rows = read_csv_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
        return organisations_import(rows=rows, dry_run=dry_run)
