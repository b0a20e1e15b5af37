"""Text helpers shared by every search: pure functions, no Django import."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse punctuation to single spaces.

    "Saint-Étienne-de-Montluc" and "saint etienne de montluc" both fold to
    "saint etienne de montluc", so a search matches however the name is typed.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    without_marks = without_marks.replace("œ", "oe").replace("æ", "ae")
    return _NON_ALNUM.sub(" ", without_marks).strip()
