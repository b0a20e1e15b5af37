"""Typed values read out of the YAML blocks, every problem collected with its line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from essaim.core.imports.files import day_problem
from essaim.core.imports.report import RowError
from essaim.core.numbers import NumberInputError
from essaim.core.text import without_control_characters
from essaim.strategy.strategy_file.spec import PersonSpec
from essaim.strategy.strategy_file.yaml_lines import LineDict
from essaim.strategy.values import parse_value
from essaim.strategy.vocabulary import MEMBER_ROLE

_MISSING = object()


class Reader:
    """Reads typed values out of LineDicts, collecting errors instead of stopping at the first."""

    def __init__(self) -> None:
        self.errors: list[RowError] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(RowError(line, message))

    def mapping(self, value: Any, line: int, what: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.error(line, f"{what} doit être un bloc de clés (clé: valeur).")
        return None

    def keys(self, block: LineDict, allowed: tuple[str, ...], what: str) -> None:
        for key in block:
            if key not in allowed:
                self.error(
                    block.key_lines.get(key, block.line),
                    f"clé « {key} » inconnue dans {what} (clés possibles : {', '.join(allowed)}).",
                )

    def line_of(self, block: LineDict, key: str) -> int:
        return block.key_lines.get(key, block.line)

    def text(self, block: LineDict, key: str, *, required: bool = False, max_length: int = 0) -> str:
        value = block.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.error(block.line, f"la clé « {key} » est obligatoire.")
            return ""
        if isinstance(value, (dict, list)):
            self.error(self.line_of(block, key), f"« {key} » doit être un texte.")
            return ""
        text = self.clean(str(value), self.line_of(block, key), key)
        if required and not text:
            self.error(self.line_of(block, key), f"« {key} » ne peut pas être vide.")
        if max_length and len(text) > max_length:
            self.error(self.line_of(block, key), f"« {key} » dépasse {max_length} caractères.")
        return text

    def clean(self, text: str, line: int, key: str) -> str:
        """The text stripped, without control characters; NUL, a sign of a damaged file, is an error."""
        if "\x00" in text:
            self.error(line, f"« {key} » contient un caractère nul (\\0), interdit.")
        return without_control_characters(text).strip()

    def choice(self, block: LineDict, key: str, choices: tuple[str, ...], default: str = "") -> str:
        value = self.text(block, key)
        if not value:
            return default
        if value not in choices:
            self.error(
                self.line_of(block, key),
                f"« {value} » n'est pas une valeur possible pour « {key} » (valeurs : {', '.join(choices)}).",
            )
            return default
        return value

    def day(self, block: LineDict, key: str, *, required: bool = False) -> date | None:
        value = block.get(key)
        if value is None:
            if required:
                self.error(block.line, f"la clé « {key} » est obligatoire (date AAAA-MM-JJ).")
            return None
        if not isinstance(value, date):
            try:
                value = date.fromisoformat(str(value))
            except ValueError:
                self.error(self.line_of(block, key), f"« {str(value)[:40]} » n'est pas une date : écrivez AAAA-MM-JJ.")
                return None
        problem = day_problem(value)
        if problem:
            self.error(self.line_of(block, key), f"« {key} » : {problem}.")
            return None
        return value

    def number(self, block: LineDict, key: str, unit: str = "", *, required: bool = False) -> Decimal | None:
        value = block.get(key)
        if value is None:
            if required:
                self.error(block.line, f"la clé « {key} » est obligatoire.")
            return None
        if isinstance(value, (bool, dict, list)):
            self.error(self.line_of(block, key), f"« {key} » doit être un nombre.")
            return None
        try:
            return parse_value(str(value), unit)
        except NumberInputError as error:
            self.error(self.line_of(block, key), str(error))
            return None

    def boolean(self, block: LineDict, key: str, default: bool) -> bool:
        value = block.get(key, default)
        if not isinstance(value, bool):
            self.error(self.line_of(block, key), f"« {key} » vaut true ou false.")
            return default
        return value

    def items(self, block: LineDict, key: str) -> list[Any]:
        value = block.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(self.line_of(block, key), f"« {key} » doit être une liste (lignes commençant par « - »).")
            return []
        return value

    def texts(self, block: LineDict, key: str) -> list[str]:
        values = []
        for item in self.items(block, key):
            if isinstance(item, (dict, list)) or item is None:
                self.error(self.line_of(block, key), f"« {key} » doit être une liste de textes.")
                continue
            values.append(self.clean(str(item), self.line_of(block, key), key))
        return values

    def people(self, block: LineDict, key: str, *, with_role: bool = False) -> list[PersonSpec]:
        people = []
        line = self.line_of(block, key)
        for item in self.items(block, key):
            if isinstance(item, LineDict):
                allowed = ("email", "name", "role") if with_role else ("email", "name")
                self.keys(item, allowed, f"une personne de « {key} »")
                email = self.text(item, "email", required=True).lower()
                role = self.choice(item, "role", MEMBER_ROLE.values, default="") if with_role else ""
                if with_role and not role:
                    self.error(item.line, f"donnez le rôle de {email} : {' ou '.join(MEMBER_ROLE.values)}.")
                person = PersonSpec(email=email, name=self.text(item, "name"), line=item.line, role=role)
            elif isinstance(item, str):
                person = PersonSpec(email=self.clean(item, line, key).lower(), name="", line=line)
            else:
                self.error(line, f"« {key} » : donnez une adresse e-mail ou {{email: ..., name: ...}}.")
                continue
            if "@" not in person.email:
                self.error(person.line, f"« {person.email} » n'est pas une adresse e-mail.")
                continue
            people.append(person)
        return people


def unique_code(
    reader: Reader, block: LineDict, seen: dict[str, int], what: str, others: dict[str, int] | None = None
) -> str:
    code = reader.text(block, "code", required=True, max_length=60 if what == "indicateur" else 40)
    if not code:
        return ""
    line = reader.line_of(block, "code")
    if isinstance(block.get("code"), float):
        reader.error(line, f'écrivez le code entre guillemets ("{code}") : sinon 1.10 serait lu 1.1.')
    first = seen.get(code, (others or {}).get(code))
    if first is not None:
        reader.error(line, f"le code « {code} » est déjà utilisé ligne {first} ; chaque {what} a un code unique.")
    else:
        seen[code] = line
    return code
