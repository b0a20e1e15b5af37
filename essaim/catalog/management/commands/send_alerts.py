from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import ngettext

from essaim.catalog.alerts import digests_send, unconfirmed_alerts_purge
from essaim.catalog.models import Alert


class Command(BaseCommand):
    help = (
        "Envoie aux abonnés les nouvelles offres de leurs alertes (file de tâches). "
        "À lancer chaque jour : chaque alerte part quand sa période (semaine ou mois) est écoulée. "
        "Efface aussi les alertes jamais confirmées au bout d'une semaine."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--frequency", choices=[choice.value for choice in Alert.Frequency], action="append")

    def handle(self, *args: object, frequency: list[str] | None = None, **options: object) -> None:
        for frequency_name in frequency or [choice.value for choice in Alert.Frequency]:
            report = digests_send(frequency=frequency_name, now=timezone.now())
            self.stdout.write(
                f"Alertes « {frequency_name} » : {report.sent} "
                + ngettext("e-mail", "e-mails", report.sent)
                + f" sur {report.alerts} "
                + ngettext("alerte échue.", "alertes échues.", report.alerts)
            )
        purged = unconfirmed_alerts_purge(now=timezone.now())
        self.stdout.write(
            ngettext("%(n)d alerte jamais confirmée effacée.", "%(n)d alertes jamais confirmées effacées.", purged)
            % {"n": purged}
        )
