from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.core.personal_data import personal_data_erase


class Command(BaseCommand):
    help = (
        "Efface ou anonymise tout ce que la plateforme détient sur la personne de cette adresse e-mail "
        "(droit à l'effacement) : le compte, les alertes, les rôles ; ce qu'elle a écrit reste, sans son nom. "
        "Exportez d'abord (personal_data_export) si la personne veut une copie."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="l'adresse e-mail de la personne")
        parser.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")

    def handle(self, *args: object, **options: object) -> None:
        email = str(options["email"])
        if not options["yes"]:
            answer = input(f"Effacer tout ce qui concerne {email} ? Tapez « oui » pour confirmer : ")
            if answer.strip().lower() != "oui":
                raise CommandError("Rien n'a été effacé.")
        done = personal_data_erase(email=email)
        if not done:
            self.stdout.write("La plateforme ne détenait rien sur cette adresse : rien à effacer.")
            return
        for label, lines in done:
            self.stdout.write(f"{label} :")
            for line in lines:
                self.stdout.write(f"  - {line}")
        self.stdout.write(self.style.SUCCESS(f"Données de {email} effacées."))
