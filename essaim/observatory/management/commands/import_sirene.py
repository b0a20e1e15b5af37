"""python manage.py import_sirene --unites-legales FILE --etablissements FILE [--geolocalisation FILE] [--region CODE]"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.observatory.services import ObservatoryRefused, sirene_import


class Command(BaseCommand):
    help = (
        "Importe les fichiers stock SIRENE de l'INSEE (Parquet ou CSV, zippés ou non) : calcule les chiffres de "
        "l'ESS de chaque territoire et garde les établissements de la région choisie pour la carte. L'import "
        "précédent reste en place tant que le nouveau n'est pas terminé."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unites-legales", required=True, type=Path, help="StockUniteLegale (Parquet, CSV ou ZIP)")
        parser.add_argument(
            "--etablissements", required=True, type=Path, help="StockEtablissement (Parquet, CSV ou ZIP)"
        )
        parser.add_argument("--geolocalisation", type=Path, help="Géolocalisation des établissements (facultatif)")
        parser.add_argument("--region", default="", help="code INSEE de la région dont on garde les établissements")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()

        def log(message: str) -> None:
            self.stdout.write(f"[{time.perf_counter() - started:7.1f} s] {message}")

        try:
            run = sirene_import(
                units=options["unites_legales"],
                establishments=options["etablissements"],
                geolocation=options["geolocalisation"],
                region=options["region"],
                log=log,
            )
        except ObservatoryRefused as refused:
            raise CommandError(str(refused)) from refused
        quality = run.quality
        self.stdout.write(
            self.style.SUCCESS(
                f"Millésime {run.vintage:%d/%m/%Y} : {quality['establishments']} établissements de l'ESS actifs, "
                f"{quality['employer_establishments']} employeurs ; non localisés : {quality['abroad']} à l'étranger, "
                f"{quality['unknown_commune_code'] + quality['without_commune']} sans commune connue."
                if run.vintage
                else f"{quality['establishments']} établissements de l'ESS actifs."
            )
        )
