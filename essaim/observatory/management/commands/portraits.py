"""python manage.py portraits --dossier DIR [--region CODE] [--niveau epci|departement]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.observatory import queries
from essaim.observatory.portrait import portrait_pdf, territory_context


class Command(BaseCommand):
    help = (
        "Écrit le portrait (PDF accessible) de chaque intercommunalité, ou de chaque département, d'une région : "
        "de quoi préparer un tour de l'ESS auprès des élus."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dossier", required=True, type=Path, help="où écrire les fichiers PDF")
        parser.add_argument("--region", default="", help="code INSEE de la région (par défaut, celle de l'instance)")
        parser.add_argument("--niveau", default="epci", choices=["epci", "departement"], help="epci ou departement")

    def handle(self, *args: Any, **options: Any) -> None:
        region = options["region"] or str(settings.ESSAIM_REGION)
        run = queries.current_import()
        if run is None:
            raise CommandError("Aucun import SIRENE terminé : lancez d'abord « import_sirene ».")
        parent = "region" if options["niveau"] == "departement" else None
        territories = (
            queries.children("region", region, run)
            if parent
            else [
                item
                for dep in queries.children("region", region, run)
                for item in queries.children("departement", dep["code"], run)
            ]
        )
        seen: set[str] = set()
        folder: Path = options["dossier"]
        folder.mkdir(parents=True, exist_ok=True)
        for item in territories:
            if item["code"] in seen:
                continue  # an EPCI across two départements
            seen.add(item["code"])
            context = territory_context(options["niveau"], item["code"], run)
            if context is None:
                continue
            path = folder / f"portrait-ess-{options['niveau']}-{item['code']}.pdf"
            path.write_bytes(portrait_pdf(context))
            self.stdout.write(f"{item['name']} : {path}")
        if not seen:
            raise CommandError(f"Aucun territoire trouvé dans la région « {region} ».")
        self.stdout.write(self.style.SUCCESS(f"{len(seen)} portraits écrits dans {folder}."))
