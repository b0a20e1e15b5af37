from django.utils import timezone

from essaim.core.scheduled import ScheduledCommand
from essaim.referrals.services.reminders import (
    abandons_due,
    dispatch_remind,
    referral_abandon,
    reminders_due,
    satisfaction_ask,
    satisfaction_due,
)


class Command(ScheduledCommand):
    help = (
        "Relance les équipes qui n'ont pas pris en charge une demande (à J+3 et J+7), marque sans réponse "
        "les demandes restées sans prise en charge à J+30 (excuses au porteur, alerte à la CRESS) et "
        "demande aux porteurs si l'accompagnement a été utile. À lancer chaque jour."
    )

    def run(self, **options: object) -> None:
        now = timezone.now()
        reminded = self.each(reminders_due(now), lambda d: dispatch_remind(d, now=now), describe=str)
        abandoned = self.each(abandons_due(now), lambda r: referral_abandon(r, now=now), describe=str)
        asked = self.each(satisfaction_due(now), lambda r: satisfaction_ask(r, now=now), describe=str)
        self.stdout.write(
            self.style.SUCCESS(
                f"Relances : {sum(reminded)} ; demandes sans réponse : {sum(abandoned)} ; "
                f"questions de satisfaction : {sum(asked)}."
            )
        )
