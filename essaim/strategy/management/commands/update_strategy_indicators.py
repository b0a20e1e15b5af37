from typing import Any

from django.utils import timezone
from django.utils.translation import ngettext

from essaim.core.scheduled import ScheduledCommand
from essaim.strategy.services import platform_fed_indicators, platform_indicator_update


class Command(ScheduledCommand):
    help = (
        "Relève la valeur du jour des indicateurs de stratégie alimentés par la plateforme (offres "
        "publiées, parcours d'orientation...). À lancer chaque nuit ou chaque mois. Un indicateur en "
        "échec n'empêche pas les autres d'être relevés."
    )

    def run(self, **options: Any) -> None:
        today = timezone.localdate()
        updated = self.each(
            platform_fed_indicators(today=today),
            lambda indicator: platform_indicator_update(indicator=indicator, today=today),
            describe=lambda indicator: f"indicateur « {indicator.name} » (stratégie {indicator.strategy.code})",
        )
        count = sum(updated)
        self.stdout.write(
            ngettext("%(n)d indicateur mis à jour.", "%(n)d indicateurs mis à jour.", count) % {"n": count}
        )
