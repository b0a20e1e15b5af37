from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.core.imports import FileRejected, read_csv_file
from essaim.organisations.services import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, organisations_import


class Command(BaseCommand):
    help = (
        "Importe des structures depuis un fichier CSV (UTF-8, en-tête). Toutes les lignes sont "
        "vérifiées avant d'écrire : une seule ligne fausse et rien n'est écrit."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="fichier CSV")
        parser.add_argument("--dry-run", action="store_true", help="vérifier et compter sans rien écrire")

    def handle(self, *args: object, **options: object) -> None:
        path = options["file"]
        assert isinstance(path, Path)
        try:
            rows = read_csv_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
        except FileRejected as exc:
            raise CommandError(str(exc)) from exc
        report = organisations_import(rows=rows, dry_run=bool(options["dry_run"]))
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(report.errors)} erreur(s) dans {path.name} : rien n'a été importé. Corrigez puis relancez."
            )
        prefix = "Simulation : " if report.dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{len(rows)} lignes lues. {report.summary()}"))
