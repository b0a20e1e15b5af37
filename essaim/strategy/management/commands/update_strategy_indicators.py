from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from essaim.strategy.services import platform_indicators_update


class Command(BaseCommand):
    help = (
        "Relève la valeur du jour des indicateurs de stratégie alimentés par la plateforme (offres "
        "publiées, parcours d'orientation...). À lancer chaque nuit ou chaque mois."
    )

    def handle(self, *args: object, **options: object) -> None:
        count = platform_indicators_update(today=timezone.localdate())
        self.stdout.write(
            ngettext("%(n)d indicateur mis à jour.", "%(n)d indicateurs mis à jour.", count) % {"n": count}
        )
