from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.strategy.loading import load_strategy_file

MAX_BYTES = 2_000_000


class Command(BaseCommand):
    help = (
        "Charge une stratégie (arborescence, actions, indicateurs...) depuis un fichier YAML décrit dans "
        "docs/strategy-file.md. Le fichier est entièrement vérifié avant d'écrire : une seule erreur et rien "
        "n'est enregistré. Recharger un fichier met à jour la stratégie de même code."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="fichier .yaml")
        parser.add_argument("--dry-run", action="store_true", help="vérifier et compter sans rien écrire")

    def handle(self, *args: object, **options: object) -> None:
        path = options["file"]
        assert isinstance(path, Path)
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(f"{path.name} dépasse {MAX_BYTES // 1_000_000} Mo : est-ce bien une stratégie ?")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path.name} n'est pas en UTF-8 : enregistrez-le en UTF-8 puis relancez.") from exc
        dry_run = bool(options["dry_run"])
        report = load_strategy_file(text, dry_run=dry_run)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"{path.name}, {error}")
            raise CommandError(f"{len(report.errors)} erreur(s) dans {path.name} : rien n'a été enregistré.")
        for kept in report.kept:
            self.stdout.write(f"Conservé, absent du fichier : {kept}")
        prefix = "Simulation, rien n'est enregistré : " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report.summary()}."))
