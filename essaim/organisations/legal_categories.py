"""Names of the INSEE legal categories ("catégories juridiques") the directory shows.

`data/legal_categories.csv` holds the level III codes (4 digits) met in the directories of the
CRESS, and the level II codes (2 digits) that name a code not listed. Source: INSEE, nomenclature
des catégories juridiques (https://www.insee.fr/fr/information/2028129); labels written from it,
shortened where the official wording is long.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "legal_categories.csv"


@cache
def _labels() -> dict[str, str]:
    with DATA.open(encoding="utf-8", newline="") as file:
        return {row["code"]: row["label"] for row in csv.DictReader(file)}


def legal_category_label(code: str) -> str:
    """The category's name: its own (level III), else its group's (level II), else ""."""
    labels = _labels()
    return labels.get(code) or labels.get(code[:2], "")


def legal_category_choices() -> list[tuple[str, str]]:
    """The level III categories (4-digit codes) as (code, name) pairs sorted by name, for a
    form's select: the codes a request or a team's referencing names."""
    return sorted(((code, label) for code, label in _labels().items() if len(code) == 4), key=lambda pair: pair[1])
