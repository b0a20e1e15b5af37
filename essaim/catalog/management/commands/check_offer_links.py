from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from essaim.catalog.freshness import links_check
from essaim.catalog.models import Offer


class Command(BaseCommand):
    help = "Vérifie les liens des offres publiées et signale celles dont un lien est cassé. À lancer chaque nuit."

    def handle(self, *args: object, **options: object) -> None:
        broken = links_check(offers=Offer.objects.published())
        for offer in broken:
            self.stdout.write(f"Lien cassé : {offer.title} — {offer.url or ''} {offer.application_url or ''}".rstrip())
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(n)d offre avec un lien cassé.", "%(n)d offres avec un lien cassé.", len(broken))
                % {"n": len(broken)}
            )
        )
