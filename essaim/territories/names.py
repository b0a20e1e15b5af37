"""The name of a territory from its kind and official code, for imports and forms that name
territories by code ("departement:44", "epci:244400404", "commune:49007")."""

from __future__ import annotations

from essaim.core.text import is_ascii_digits
from essaim.territories.models import Commune, Departement, Epci, Region

KINDS = ("region", "departement", "epci", "commune")


def insee_code(text: str) -> str:
    """A commune's INSEE code as the referential writes it: a spreadsheet that read `01004` as a
    number gives `1004`, padded back to five digits; Corsica's `2A004` and `2B033` in capitals.
    Only ASCII digits count as digits (`"²".isdigit()` is true)."""
    code = text.strip().upper()
    if len(code) == 4 and is_ascii_digits(code):
        return "0" + code
    return code


def local_kind(code: str) -> str:
    """A code typed for a local territory: an EPCI's SIREN has 9 digits, a commune's INSEE code 5."""
    return "epci" if len(code) == 9 and is_ascii_digits(code) else "commune"


class TerritoryNames:
    """Names read as they are asked: régions and départements all at once (a hundred rows),
    an EPCI or a commune one by one (they are thousands), each remembered for this use."""

    def __init__(self) -> None:
        self._names: dict[str, dict[str, str | None]] = {}

    def name(self, kind: str, code: str) -> str | None:
        """The territory's name, or None when no territory of this kind has this code."""
        model = {"region": Region, "departement": Departement, "epci": Epci, "commune": Commune}.get(kind)
        if model is None:
            return None
        if kind not in self._names and kind in ("region", "departement"):
            self._names[kind] = dict(model._default_manager.values_list("code", "name"))
        known = self._names.setdefault(kind, {})
        if code not in known and kind in ("epci", "commune"):
            known[code] = model._default_manager.filter(code=code).values_list("name", flat=True).first()
        return known.get(code)
