import json

from django.core.management.base import BaseCommand, CommandParser

from essaim.core.personal_data import personal_data_export


class Command(BaseCommand):
    help = (
        "Écrit en JSON tout ce que la plateforme détient sur la personne de cette adresse e-mail, module par "
        "module (droit d'accès et de portabilité). Voir docs/registre-des-traitements.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="l'adresse e-mail de la personne")

    def handle(self, *args: object, **options: object) -> None:
        data = personal_data_export(email=str(options["email"]))
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        if not data["données"]:
            self.stderr.write("La plateforme ne détient rien sur cette adresse.")
