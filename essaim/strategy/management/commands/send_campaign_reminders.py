from typing import Any

from django.utils import timezone

from essaim.core.scheduled import ScheduledCommand
from essaim.strategy.models import Campaign
from essaim.strategy.services import campaign_close_as_ended, campaign_reminders_send


class Command(ScheduledCommand):
    help = (
        "Relance les référents dont le point d'avancement manque dans une campagne ouverte : une fois "
        "quelques jours avant la date limite, une fois quelques jours après. À lancer chaque jour ; "
        "une relance n'est jamais envoyée deux fois. Clôt d'abord les campagnes des stratégies "
        "arrivées à leur terme. Une campagne en échec n'empêche pas les autres d'être traitées."
    )

    def run(self, **options: Any) -> None:
        today = timezone.localdate()
        campaigns = Campaign.objects.select_related("strategy").order_by("pk")
        closed = self.each(
            campaigns.open().of_strategies_ended_before(today),
            lambda campaign: campaign_close_as_ended(campaign=campaign),
            describe=Campaign.describe,
        )
        if any(closed):
            self.stdout.write(f"Campagnes closes, leur stratégie ayant pris fin : {sum(closed)}.")
        sent = self.each(
            campaigns.open(),
            lambda campaign: campaign_reminders_send(campaign=campaign, today=today),
            describe=Campaign.describe,
        )
        before, after = sum(item.before for item in sent), sum(item.after for item in sent)
        self.stdout.write(f"Relances avant échéance : {before} ; après échéance : {after}.")
