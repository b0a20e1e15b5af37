from typing import Any

from django.core.management.base import CommandParser
from django.utils import timezone
from django.utils.translation import ngettext

from essaim.catalog.alerts import digests_send, unconfirmed_alerts_purge
from essaim.catalog.models import Alert
from essaim.core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = (
        "Envoie aux abonnés les nouvelles offres de leurs alertes (file de tâches). "
        "À lancer chaque jour : chaque alerte part quand sa période (semaine ou mois) est écoulée. "
        "Efface aussi les alertes jamais confirmées au bout d'une semaine."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--frequency", choices=[choice.value for choice in Alert.Frequency], action="append")

    def run(self, *, frequency: list[str] | None = None, **options: Any) -> None:
        # Each frequency, then the purge, in its own error boundary: one failing does not stop the others.
        for frequency_name in frequency or [choice.value for choice in Alert.Frequency]:
            report = self.attempt(
                f"alertes « {frequency_name} »",
                lambda name=frequency_name: digests_send(frequency=name, now=timezone.now()),
            )
            if report is None:
                continue
            self.stdout.write(
                f"Alertes « {frequency_name} » : {report.sent} "
                + ngettext("e-mail", "e-mails", report.sent)
                + f" sur {report.alerts} "
                + ngettext("alerte échue.", "alertes échues.", report.alerts)
            )
        purged = self.attempt(
            "effacement des alertes non confirmées", lambda: unconfirmed_alerts_purge(now=timezone.now())
        )
        if purged is not None:
            self.stdout.write(
                ngettext("%(n)d alerte jamais confirmée effacée.", "%(n)d alertes jamais confirmées effacées.", purged)
                % {"n": purged}
            )
