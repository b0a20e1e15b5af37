import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from essaim.esspresso.scheduler import InstanceError, meeting_count_bound, parse_instance, result_as_json, schedule

BAD_INPUT = 2


def _number(value: float) -> str:
    """812 or 812,5: French decimal comma, no useless decimals."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


class Command(BaseCommand):
    help = (
        "Construit le planning des rendez-vous ESSpresso décrit par un fichier JSON (créneaux, tables, "
        "participants, demandes) et l'écrit dans un autre fichier JSON, avec la borne supérieure et la "
        "raison de chaque demande non placée. Une entrée incohérente termine avec le code 2."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", help="fichier JSON de l'instance")
        parser.add_argument("--output", required=True, help="fichier JSON où écrire le planning")
        parser.add_argument(
            "--time-limit", type=float, default=10.0, help="temps de calcul maximal, en secondes (10 par défaut)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["input"])
        if options["time_limit"] <= 0:
            raise CommandError(
                "--time-limit doit être un nombre de secondes strictement positif.", returncode=BAD_INPUT
            )
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Impossible de lire « {source} » : {error.strerror}.", returncode=BAD_INPUT) from error
        except UnicodeDecodeError as error:
            raise CommandError(f"« {source} » n'est pas un texte UTF-8.", returncode=BAD_INPUT) from error
        except json.JSONDecodeError as error:
            raise CommandError(
                f"« {source} » n'est pas un JSON valide (ligne {error.lineno}, colonne {error.colno}).",
                returncode=BAD_INPUT,
            ) from error
        try:
            instance = parse_instance(data)
        except InstanceError as error:
            raise CommandError(f"« {source} » : {error}", returncode=BAD_INPUT) from error
        result = schedule(instance, time_limit=options["time_limit"])
        target = Path(options["output"])
        try:
            target.write_text(json.dumps(result_as_json(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Impossible d'écrire « {target} » : {error.strerror}.") from error
        placed = len(result.meetings)
        self.stdout.write(
            f"{placed} rendez-vous placés sur un maximum possible de {meeting_count_bound(instance)} "
            f"(valeur {_number(result.value)} / borne {_number(result.upper_bound)})."
        )
