from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.core.backups import BackupError, backup_create, backups_prune


class Command(BaseCommand):
    help = (
        "Sauvegarde la base de données et les fichiers (MEDIA_ROOT) dans une archive essaim-<date>.tar, "
        "cohérente même pendant que la plateforme tourne. À lancer chaque nuit (voir docs/deployment.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir",
            type=Path,
            default=Path(settings.BASE_DIR) / "backups",
            help="dossier où écrire l'archive (par défaut : backups/ à la racine du projet)",
        )
        parser.add_argument(
            "--keep", type=int, default=0, help="ne garder que les N archives les plus récentes du dossier"
        )

    def handle(self, *args: object, **options: object) -> None:
        directory = Path(str(options["dir"]))
        keep = int(str(options["keep"]))
        try:
            result = backup_create(directory=directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde écrite : {result.path} ({result.size / 1_000_000:.1f} Mo, "
                f"{result.media_files} fichier(s) de MEDIA_ROOT)."
            )
        )
        for path in backups_prune(directory=directory, keep=keep):
            self.stdout.write(f"Ancienne sauvegarde supprimée : {path.name}")
