from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.catalog.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, offers_import
from essaim.core.imports import FileRejected, read_table_file


class Command(BaseCommand):
    help = (
        "Importe des offres depuis un fichier CSV (UTF-8, virgules, en-tête) ou XLSX. Toutes les lignes "
        "sont vérifiées avant d'écrire : une seule ligne fausse et rien n'est écrit. Un external_id déjà "
        "connu met l'offre à jour."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="fichier .csv ou .xlsx")
        parser.add_argument("--dry-run", action="store_true", help="vérifier et compter sans rien écrire")

    def handle(self, *args: object, **options: object) -> None:
        path = options["file"]
        assert isinstance(path, Path)
        try:
            rows = read_table_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
        except FileRejected as exc:
            raise CommandError(str(exc)) from exc
        report = offers_import(rows=rows, dry_run=bool(options["dry_run"]))
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(report.errors)} erreur(s) dans {path.name} : rien n'a été importé. Corrigez puis relancez."
            )
        prefix = "Simulation : " if report.dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{len(rows)} offres lues. {report.summary()}"))
