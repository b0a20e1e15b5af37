from django.core.management.base import BaseCommand
from django.utils import timezone

from essaim.strategy.services import campaign_reminders_send, campaigns_of_ended_strategies_close


class Command(BaseCommand):
    help = (
        "Relance les référents dont le point d'avancement manque dans une campagne ouverte : une fois "
        "quelques jours avant la date limite, une fois quelques jours après. À lancer chaque jour ; "
        "une relance n'est jamais envoyée deux fois. Clôt d'abord les campagnes des stratégies "
        "arrivées à leur terme."
    )

    def handle(self, *args: object, **options: object) -> None:
        today = timezone.localdate()
        closed = campaigns_of_ended_strategies_close(today=today)
        if closed:
            self.stdout.write(f"Campagnes closes, leur stratégie ayant pris fin : {closed}.")
        sent = campaign_reminders_send(today=today)
        self.stdout.write(f"Relances avant échéance : {sent.before} ; après échéance : {sent.after}.")
