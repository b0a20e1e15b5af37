"""Daily: the day-before reminder of each ESSpresso whose agendas are published."""

from typing import Any

from django.utils import timezone

from essaim.core.scheduled import ScheduledCommand
from essaim.esspresso.services.reminders import event_remind, events_to_remind


class Command(ScheduledCommand):
    help = "Envoie la veille de chaque rendez-vous ESSpresso l'agenda de chaque participant (une seule fois)."

    def run(self, **options: Any) -> None:
        sent = self.each(events_to_remind(timezone.localdate()), lambda event: event_remind(event=event), describe=str)
        self.stdout.write(f"{sum(sent)} rappel(s) envoyé(s) pour {len(sent)} événement(s).")
