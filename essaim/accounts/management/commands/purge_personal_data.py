from django.utils import timezone
from django.utils.translation import ngettext

from essaim.accounts.services import personal_data_purge
from essaim.core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = (
        "Applique les durées de conservation de la politique de confidentialité : efface les traces "
        "d'échecs de connexion de plus d'un jour et les comptes inutilisés depuis trois ans. À lancer chaque jour."
    )

    def run(self, **options: object) -> None:
        report = self.attempt("effacement des données personnelles", lambda: personal_data_purge(now=timezone.now()))
        if report is None:
            return
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(n)d trace de connexion", "%(n)d traces de connexion", report.failed_logins)
                % {"n": report.failed_logins}
                + " et "
                + ngettext("%(n)d compte inactif effacés.", "%(n)d comptes inactifs effacés.", report.accounts)
                % {"n": report.accounts}
            )
        )
