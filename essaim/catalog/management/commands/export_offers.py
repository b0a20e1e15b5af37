import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from essaim.catalog.exports import data_inclusion_export, export_rows, offers_for_export, to_csv, to_xlsx
from essaim.catalog.models import Offer


class Command(BaseCommand):
    help = (
        "Exporte le catalogue : csv ou xlsx (même format que import_offers), ou json au schéma "
        "data·inclusion. Sans --output, écrit sur la sortie standard (csv et json seulement)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["csv", "xlsx", "json"], default="csv")
        parser.add_argument("--output", type=Path, help="fichier à écrire")
        parser.add_argument("--all", action="store_true", help="inclure les offres non publiées (brouillons, archives)")

    def handle(self, *args: object, **options: object) -> None:
        offers = offers_for_export(include_unpublished=bool(options["all"]))
        output = options["output"]
        fmt = options["format"]
        if fmt == "xlsx":
            if not isinstance(output, Path):
                raise CommandError("Le format xlsx demande --output FICHIER.xlsx.")
            output.write_bytes(to_xlsx(export_rows(offers)))
        else:
            text = to_csv(export_rows(offers)) if fmt == "csv" else self.data_inclusion_json(offers)
            if isinstance(output, Path):
                output.write_text(text, encoding="utf-8")
            else:
                sys.stdout.write(text)
        if isinstance(output, Path):
            self.stderr.write(self.style.SUCCESS(f"{offers.count()} offres exportées dans {output}."))

    def data_inclusion_json(self, offers: QuerySet[Offer]) -> str:
        """The data·inclusion file; an offer that does not fit is left out and said why."""
        data_inclusion = data_inclusion_export(offers)
        for left_out in data_inclusion.left_out:
            problems = " ; ".join(left_out.problems)
            self.stderr.write(
                self.style.WARNING(f"Offre « {left_out.offer.title} » laissée hors du fichier : {problems}.")
            )
        return json.dumps(data_inclusion.services, ensure_ascii=False, indent=2)
