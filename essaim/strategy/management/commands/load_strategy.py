from pathlib import Path

from essaim.core.imports import ImportReport, read_text_file
from essaim.core.imports.command import ImportCommand
from essaim.strategy.loading import MAX_FILE_BYTES, load_strategy_file


class Command(ImportCommand):
    help = (
        "Charge une stratégie (arborescence, actions, indicateurs...) depuis un fichier YAML décrit dans "
        "docs/strategy-file.md. Le fichier est entièrement vérifié avant d'écrire : une seule erreur et rien "
        "n'est enregistré. Recharger un fichier met à jour la stratégie de même code."
    )
    suffixes = (".yaml", ".yml")
    file_help = "fichier de la stratégie"

    def run(self, path: Path, *, dry_run: bool) -> ImportReport:
        return load_strategy_file(text=read_text_file(path, max_bytes=MAX_FILE_BYTES), dry_run=dry_run)
