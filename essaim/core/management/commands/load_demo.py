from django.core.management.base import BaseCommand

from essaim.core.registries import demo_loaders


class Command(BaseCommand):
    help = (
        "Ajoute le contenu de démonstration (structures, comptes de démonstration...) "
        "par-dessus les données de référence. Ne jamais lancer en production."
    )

    def handle(self, *args: object, **options: object) -> None:
        for loader in demo_loaders.ordered():
            self.stdout.write(f"Démo « {loader.name} »…")
            loader.func(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
