"""The name of a territory from its kind and official code, for imports and forms that name
territories by code ("departement:44", "epci:244400404", "commune:49007")."""

from __future__ import annotations

from essaim.territories.models import Commune, Departement, Epci, Region

KINDS = ("region", "departement", "epci", "commune")


def local_kind(code: str) -> str:
    """A code typed for a local territory: an EPCI's SIREN has 9 digits, a commune's INSEE code 5."""
    return "epci" if len(code) == 9 and code.isascii() and code.isdigit() else "commune"


class TerritoryNames:
    """Names read once per use (one query per kind, EPCIs and communes only when asked)."""

    def __init__(self) -> None:
        self._names: dict[str, dict[str, str]] = {}

    def name(self, kind: str, code: str) -> str | None:
        """The territory's name, or None when no territory of this kind has this code."""
        if kind == "commune":
            if code not in self._names.setdefault("commune", {}):
                found = Commune.objects.filter(code=code).values_list("name", flat=True).first()
                if found is None:
                    return None
                self._names["commune"][code] = found
            return self._names["commune"][code]
        if kind not in self._names:
            model = {"region": Region, "departement": Departement, "epci": Epci}.get(kind)
            if model is None:
                return None
            self._names[kind] = dict(model.objects.values_list("code", "name"))
        return self._names[kind].get(code)
