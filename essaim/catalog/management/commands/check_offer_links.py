from django.utils.translation import ngettext

from essaim.catalog.freshness import links_check
from essaim.catalog.models import Offer
from essaim.core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = "Vérifie les liens des offres publiées et signale celles dont un lien est cassé. À lancer chaque nuit."

    def run(self, **options: object) -> None:
        broken = self.attempt("vérification des liens", lambda: links_check(offers=Offer.objects.published()))
        if broken is None:
            return
        for offer in broken:
            self.stdout.write(f"Lien cassé : {offer.title} — {offer.url or ''} {offer.application_url or ''}".rstrip())
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(n)d offre avec un lien cassé.", "%(n)d offres avec un lien cassé.", len(broken))
                % {"n": len(broken)}
            )
        )
