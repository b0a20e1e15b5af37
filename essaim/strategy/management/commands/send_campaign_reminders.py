from django.core.management.base import BaseCommand
from django.utils import timezone

from essaim.strategy.services import campaign_reminders_send


class Command(BaseCommand):
    help = (
        "Relance les référents dont le point d'avancement manque dans une campagne ouverte : une fois "
        "quelques jours avant la date limite, une fois quelques jours après. À lancer chaque jour ; "
        "une relance n'est jamais envoyée deux fois."
    )

    def handle(self, *args: object, **options: object) -> None:
        sent = campaign_reminders_send(today=timezone.localdate())
        self.stdout.write(f"Relances avant échéance : {sent.before} ; après échéance : {sent.after}.")
