from django.core.management.base import BaseCommand

from essaim.catalog.freshness import links_check
from essaim.catalog.models import Offer


class Command(BaseCommand):
    help = "Vérifie les liens des offres publiées et signale celles dont un lien est cassé. À lancer chaque nuit."

    def handle(self, *args: object, **options: object) -> None:
        broken = links_check(offers=Offer.objects.published())
        for offer in broken:
            self.stdout.write(f"Lien cassé : {offer.title} — {offer.url or ''} {offer.application_url or ''}".rstrip())
        self.stdout.write(self.style.SUCCESS(f"{len(broken)} offre(s) avec un lien cassé."))
