from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from essaim.core.imports import ImportReport, read_csv_file
from essaim.core.imports.command import ImportCommand
from essaim.observatory.official import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, official_figures_import


class Command(ImportCommand):
    help = (
        "Importe des chiffres officiels de l'ESS (commande de la CRESS à l'INSEE, tableaux de l'URSSAF) depuis un "
        "fichier CSV : annee, niveau_geo (region, departement, epci, commune), code_geo, et, facultatifs, famille, "
        "secteur, nb_etab_employeurs, postes_31_12, eqtp, masse_salariale. Toutes les lignes sont vérifiées avant "
        "d'écrire : une seule ligne fausse et rien n'est écrit."
    )
    suffixes = (".csv", ".txt")
    file_help = "fichier des chiffres officiels"

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--source", required=True, help="d'où viennent les chiffres, par exemple « INSEE, Flores 2022 »"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.source = options["source"]
        super().handle(*args, **options)

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        rows = read_csv_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
        return official_figures_import(rows=rows, source=self.source, dry_run=dry_run)
