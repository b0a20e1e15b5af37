"""Reading the API's parameters. A number is ASCII digits only: "²".isdigit() is true and int()
reads "١٢" as 12, so neither `isdigit` nor `int` alone is a check. Every refusal is a French
message for a 400 answer, never an exception that reaches the server's error page."""

from __future__ import annotations

from essaim.core.text import is_ascii_digits

MAX_PAGE = 1_000_000
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class ParameterError(Exception):
    """A parameter the API cannot read; the message is in French and names the parameter."""

    def __init__(self, message: str, *, name: str) -> None:
        super().__init__(message)
        self.message = message
        self.name = name


def whole_number(value: str | None, *, name: str, default: int, low: int, high: int) -> int:
    """The parameter as a whole number between `low` and `high`, `default` when absent or empty."""
    if value is None or value == "":
        return default
    # Length first: no need to convert a thousand digits to know they are too many.
    if not is_ascii_digits(value) or len(value) > len(str(high)) or not low <= int(value) <= high:
        raise ParameterError(
            f"Le paramètre {name} doit être un nombre entier entre {_french(low)} et {_french(high)}.", name=name
        )
    return int(value)


def _french(number: int) -> str:
    """1000000 → "1 000 000", with narrow no-break spaces between groups of three digits."""
    return f"{number:,}".replace(",", "\u202f")


def boolean(value: str | None, *, name: str) -> bool:
    """The parameter as `true` or `false` (absent or empty: false), as the description says."""
    if value is None or value in {"", "false"}:
        return False
    if value == "true":
        return True
    raise ParameterError(f"Le paramètre {name} vaut true ou false.", name=name)


def single(values: dict[str, list[str]], *, repeatable: set[str]) -> None:
    """Refuse a parameter given several times, unless it is a list."""
    for name, given in values.items():
        if len(given) > 1 and name not in repeatable:
            raise ParameterError(f"Le paramètre {name} est donné plusieurs fois.", name=name)
