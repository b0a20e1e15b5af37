"""SIREN and SIRET checks with messages in French. Pure functions, no Django.

python-stdnum does the checking (digits, length, Luhn key, and La Poste's exception: its
establishments' SIRETs have a digit sum that is a multiple of 5 instead of a Luhn key); this
module only turns its errors into sentences a person can act on.
"""

from __future__ import annotations

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.fr import siren as stdnum_siren, siret as stdnum_siret


class InvalidIdentifier(ValueError):
    """Raised with a French message that can be shown to the person who typed the number."""


def _validate(value: str, module: object, label: str, length: int) -> str:
    compact: str = module.compact(value)  # type: ignore[attr-defined]
    try:
        return str(module.validate(compact))  # type: ignore[attr-defined]
    # InvalidLength is a kind of InvalidFormat in python-stdnum: catch it first.
    except InvalidLength as exc:
        raise InvalidIdentifier(f"Le {label} doit compter {length} chiffres ({len(compact)} saisis).") from exc
    except InvalidFormat as exc:
        raise InvalidIdentifier(f"Le {label} ne doit contenir que des chiffres.") from exc
    except InvalidChecksum as exc:
        raise InvalidIdentifier(
            f"Ce numéro {label} n'existe pas : sa clé de contrôle est fausse. Vérifiez chaque chiffre."
        ) from exc
    except ValidationError as exc:  # any other rule python-stdnum may add
        raise InvalidIdentifier(f"Ce numéro {label} n'est pas valide.") from exc


def validate_siren(value: str) -> str:
    """The SIREN without spaces, or InvalidIdentifier."""
    return _validate(value, stdnum_siren, "SIREN", 9)


def validate_siret(value: str) -> str:
    """The SIRET without spaces, or InvalidIdentifier."""
    return _validate(value, stdnum_siret, "SIRET", 14)
