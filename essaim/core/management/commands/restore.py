from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.core.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restaure une archive écrite par `backup` : la base de données et les fichiers (MEDIA_ROOT). "
        "Refuse de remplacer une base qui contient des données, sauf avec --force. "
        "Arrêtez le serveur web et le worker pendant la restauration."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="l'archive essaim-<date>.tar à restaurer")
        parser.add_argument(
            "--force",
            action="store_true",
            help="remplacer la base et les fichiers actuels, même s'ils contiennent des données",
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            result = backup_restore(path=Path(str(options["archive"])), force=bool(options["force"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde du {result.created_at} restaurée ({result.engine}, "
                f"{result.media_files} fichier(s) dans MEDIA_ROOT)."
            )
        )
        if result.replaced_saved_in is not None:
            self.stdout.write(f"La base remplacée est sauvegardée dans {result.replaced_saved_in}.")
