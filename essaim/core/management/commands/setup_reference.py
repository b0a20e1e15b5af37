from django.core.management.base import BaseCommand

from essaim.core.registries import reference_loaders


class Command(BaseCommand):
    help = (
        "Charge les données de référence dont une CRESS a besoin avant de saisir les siennes "
        "(territoires, taxonomies...). Peut être relancée sans risque."
    )

    def handle(self, *args: object, **options: object) -> None:
        for name, load in reference_loaders.items():
            self.stdout.write(f"Référentiel « {name} »…")
            load(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Données de référence à jour."))
