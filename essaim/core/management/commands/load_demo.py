from django.core.management.base import BaseCommand, CommandParser

from essaim.core.models import ReferenceDataset
from essaim.core.registries import demo_loaders, demo_summaries

DEMO_VERSION = "1"


class Command(BaseCommand):
    help = (
        "Ajoute le contenu de démonstration (structures, comptes de démonstration...) par-dessus les "
        "données de référence. Chaque partie n'est chargée qu'une fois, pour ne pas écraser vos "
        "modifications ; --force la recharge. Jamais en production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="recharger même ce qui l'est déjà")

    def handle(self, *args: object, **options: object) -> None:
        for name, load in demo_loaders.items():
            marker = f"démo : {name}"
            if not options["force"] and ReferenceDataset.is_current(marker, DEMO_VERSION):
                self.stdout.write(f"Démo « {name} » déjà chargée.")
                continue
            self.stdout.write(f"Démo « {name} »…")
            load(self.stdout.write)
            ReferenceDataset.mark_loaded(marker, DEMO_VERSION)
        for summary in filter(None, (summarise() for summarise in demo_summaries.ordered())):
            self.stdout.write(summary)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
