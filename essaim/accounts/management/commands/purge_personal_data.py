from django.core.management.base import BaseCommand
from django.utils import timezone

from essaim.accounts.services import personal_data_purge


class Command(BaseCommand):
    help = (
        "Applique les durées de conservation de la politique de confidentialité : efface les traces "
        "d'échecs de connexion de plus d'un jour et les comptes inutilisés depuis trois ans. À lancer chaque jour."
    )

    def handle(self, *args: object, **options: object) -> None:
        report = personal_data_purge(now=timezone.now())
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.failed_logins} trace(s) de connexion et {report.accounts} compte(s) inactif(s) effacés."
            )
        )
