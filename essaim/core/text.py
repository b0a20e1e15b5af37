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


# Control characters a user never means to type: C0 except tab, line feed and carriage return,
# DEL, and C1. A word processor pastes some (a vertical tab for a line break) and they break
# XML-based files (XLSX, ODT) and some databases; NUL is refused before (core/middleware.py).
# U+FFFE and U+FFFF are not characters, and a lone surrogate cannot be written in UTF-8.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_LINE_BREAKS = {0x0B: "\n", 0x0C: "\n"}  # a word processor's manual line or page break
_CONTROLS: dict[int, str | None] = {
    code: _LINE_BREAKS.get(code)
    for code in [*range(0x00, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF]
    if chr(code) not in "\t\n\r"
}
_CONTROLS.update({code: "\ufffd" for code in range(0xD800, 0xE000)})

# The largest value of a 64-bit signed integer column, the widest id either database stores.
MAX_ID = 2**63 - 1


def without_control_characters(text: str) -> str:
    """The text without control characters, the one rule of the platform: at input (every form,
    every import) and at output (every CSV and XLSX). Vertical tabs and form feeds become line
    breaks; tab, line feed and carriage return stay; the other controls go."""
    return text.translate(_CONTROLS)


def is_ascii_digits(text: str) -> bool:
    """Whether the text is one or more digits 0 to 9: "²", "٣" and "①" are digits to
    `str.isdigit()`, not to `int()` nor to a user."""
    return text.isascii() and text.isdigit()


def parse_id(text: str) -> int | None:
    """The database id the text spells, or None: ASCII digits, from 1 to `MAX_ID`, so that an id
    typed in an address never overflows a database integer."""
    text = text.strip()
    if not is_ascii_digits(text) or len(text) > len(str(MAX_ID)):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None
