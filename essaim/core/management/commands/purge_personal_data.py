from django.utils import timezone

from essaim.core.registries import retention_policies
from essaim.core.scheduled import ScheduledCommand


class Command(ScheduledCommand):
    help = (
        "Applique les durées de conservation de la politique de confidentialité, module par module "
        "(traces de connexion, comptes inutilisés, demandes d'accompagnement closes…). À lancer chaque jour."
    )

    def run(self, **options: object) -> None:
        now = timezone.now()
        for name, purge in retention_policies.items():
            lines = self.attempt(f"conservation : {name}", lambda purge=purge: purge(now))
            for line in lines or []:
                self.stdout.write(self.style.SUCCESS(line))
