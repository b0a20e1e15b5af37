"""Path converters for every app's urls.py, registered in `core.apps`."""

from __future__ import annotations

from essaim.core.text import MAX_ID


class IdConverter:
    """`<id:pk>`: a database id, in place of Django's `<int:…>`, whose 23 digits would overflow
    SQLite's integer and answer 500; an id out of range matches no route (404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError(value)  # the resolver reads it as "no match"
        return number

    def to_url(self, value: int) -> str:
        return str(value)
