"""The base of every file import command (`import_offers`, `import_organisations`, `load_strategy`)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from essaim.core.imports.files import FileRejected
from essaim.core.imports.report import ImportReport, Noun

ERROR = Noun("erreur", "erreurs", feminine=True)


class ImportCommand(BaseCommand):
    """Reads one file, lets the app's service check and write it, and says what happened.

    A subclass sets `help`, the file kinds it accepts (`suffixes`) and `run`, which reads the file
    with a reader of `essaim.core.imports` and hands the content to the app's import service. The
    base checks the file kind, turns an unreadable file (or, should a check be missing, a write
    the database refuses) into a French error, prints each error
    with its file and line, fails when there is any (nothing was written), and otherwise prints
    the notes and the summary, saying when it was only a dry run.
    """

    suffixes: tuple[str, ...] = (".csv",)
    file_help = "fichier à importer"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=f"{self.file_help} ({', '.join(self.suffixes)})")
        parser.add_argument("--dry-run", action="store_true", help="tout vérifier et compter sans rien enregistrer")

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        """Read the file at `path` and import it through the app's service."""
        raise NotImplementedError

    def handle(self, *args: object, **options: object) -> None:
        path = Path(str(options["file"]))
        dry_run = bool(options["dry_run"])
        if path.suffix.lower() not in self.suffixes:
            raise CommandError(
                f"Format non pris en charge : « {path.suffix or 'sans extension'} ». "
                f"Fournissez un fichier {' ou '.join(self.suffixes)}."
            )
        try:
            report = self.run(path, dry_run=dry_run)
        except FileRejected as exc:
            raise CommandError(str(exc)) from exc
        except (DatabaseError, OverflowError) as exc:
            # The last line of defence: the service checks every value against its column before
            # writing, so this means a check is missing. The transaction rolled everything back.
            raise CommandError(
                f"L'enregistrement de {path.name} a échoué sur une valeur que la vérification des lignes "
                "n'a pas refusée : rien n'a été importé. Signalez-le à l'équipe technique avec le fichier."
            ) from exc
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"{path.name}, {error}")
            raise CommandError(
                f"{ERROR.counted(len(report.errors))} dans {path.name} : rien n'a été importé. Corrigez puis relancez."
            )
        for note in report.notes:
            self.stdout.write(note)
        prefix = "Simulation, rien n'est enregistré : " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report.heading()}{report.summary()}"))
