"""The pieces of the hostile-input sweep (tests/security/test_hostile_input.py): the routes of the
project, the hostile values, and the forms read from the pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

ESSAIM = Path(__file__).resolve().parents[2] / "essaim"

# A value is a str (sent UTF-8 encoded) or bytes (sent as they are: invalid UTF-8).
Value = str | bytes

LONG = "a" * 10_000
# Every class of value the probe sent, each at least once in every sweep below.
HOSTILE: list[Value] = [
    "' OR '1'='1' --",
    LONG,
    "\x00",
    b"\xc3\x28",
    b"\xff",
    "🐝🌻 ünïcødé",
    "-1",
    "99999999999999999999999",
    "2020-02-30",
    "0000-01-01",
    "9999-12-31",
    "²",
    "1\x0b2",
    "",
]
BAD_DATES: list[Value] = ["2020-02-30", "0000-01-01", "9999-12-31", "31/12/9999", "\x00"]
BAD_NUMBERS: list[Value] = ["-1", "99999999999999999999999", "²", "1e400", "NaN", "\x00"]


def encoded(value: Value) -> str:
    """The value percent-encoded for an address or a form body."""
    return quote(value if isinstance(value, bytes) else value.encode(), safe="")


@dataclass
class Route:
    name: str  # "namespace:name"
    parts: list[str]  # the route's pieces, each a plain text or a parameter "<converter:name>"
    params: list[tuple[str, str]]  # (converter, name)

    def path(self, values: dict[str, str]) -> str:
        """The path with each parameter replaced by its (already encoded) value."""
        return "/" + "".join(values.get(part, part) for part in self.parts)


_PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def routes() -> list[Route]:
    """Every URL pattern of the project, walked from the root resolver."""
    found: list[Route] = []

    def walk(resolver: URLResolver, prefix: list[str], namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
                walk(pattern, [*prefix, *_parts(pattern.pattern)], inner)
            elif isinstance(pattern, URLPattern):
                parts = [*prefix, *_parts(pattern.pattern)]
                params = [(m[1] or "str", m[2]) for part in parts if (m := _PARAMETER.fullmatch(part))]
                found.append(Route(f"{namespace}:{pattern.name}", parts, params))

    walk(get_resolver(), [], "")
    return found


def _parts(pattern: object) -> list[str]:
    """The pattern split around its parameters, which are kept as pieces of their own."""
    text = str(pattern)
    if not isinstance(pattern, RoutePattern):
        # A regular expression (the admin's page of an app): its named group becomes a parameter.
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<str:\1>", text.lstrip("^").rstrip("$")).replace("\\", "")
    pieces, last = [], 0
    for match in _PARAMETER.finditer(text):
        pieces += [text[last : match.start()], match[0]]
        last = match.end()
    return [piece for piece in [*pieces, text[last:]] if piece]


def query_names() -> list[str]:
    """Every query or form parameter the project's code reads by name, and every form field."""
    names: set[str] = set()
    reads = re.compile(
        r"""(?:GET|POST|data|params)\.get(?:list)?\(\s*["'](\w+)["']|["'](\w+)["'] in request\.(?:GET|POST)"""
    )
    fields = re.compile(r"^\s+(\w+) = (?:forms\.|\w+Field\()", re.MULTILINE)
    for path in ESSAIM.rglob("*.py"):
        text = path.read_text()
        names.update(a or b for a, b in reads.findall(text))
        if "forms" in path.name or "forms" in path.parts:
            names.update(fields.findall(text))
    return sorted(names - {"Meta"})


# Forms read from the pages, to be posted back with hostile values.


@dataclass
class Form:
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name → values sent as they are
    kinds: dict[str, str] = field(default_factory=dict)  # name → "text", "date", "number", "choice"…


class FormReader(HTMLParser):
    """The POST forms of a page, with the values a browser would send untouched."""

    def __init__(self, page_path: str) -> None:
        super().__init__()
        self.page_path = page_path
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                self._form = Form(action=(a.get("action") or self.page_path).split("#")[0])
                self.forms.append(self._form)
            return
        form, name = self._form, a.get("name", "")
        if form is None or not name:
            return
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                form.kinds[name] = "choice"
                if "checked" in a or (kind == "radio" and name not in form.fields):
                    form.fields[name] = [a.get("value", "on")]
                return
            if kind == "file":
                return  # the body is url-encoded: a file field reads as empty
            form.kinds[name] = {"date": "date", "number": "number", "hidden": "hidden"}.get(kind, "text")
            form.fields.setdefault(name, []).append(a.get("value", "") or _plausible(kind))
        elif tag == "select":
            self._select, self._select_first, self._select_chosen = name, None, False
            form.kinds[name] = "choice"
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None and value:
                self._select_first = value
            if "selected" in a:
                form.fields.setdefault(self._select, []).append(value)
                self._select_chosen = True
        elif tag == "textarea":
            self._textarea = name
            form.kinds[name] = "text"
            form.fields[name] = [""]

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._form is not None and self._select:
            if not self._select_chosen and self._select_first is not None:
                self._form.fields[self._select] = [self._select_first]
            self._select = None
        elif tag == "textarea":
            if self._form is not None and self._textarea and not self._form.fields[self._textarea][0].strip():
                self._form.fields[self._textarea] = ["Un texte ordinaire."]
            self._textarea = None


def _plausible(kind: str) -> str:
    """A value that a user would type in an empty field of this type."""
    return {
        "date": "2026-06-15",
        "number": "3",
        "email": "quelquun@example.org",
        "url": "https://example.org/page",
        "password": "un mot de passe solide",
        "search": "prêt",
        "tel": "02 40 00 00 00",
    }.get(kind, "Un texte ordinaire")


def body(fields: dict[str, list[Value]]) -> str:
    return "&".join(f"{encoded(name)}={encoded(value)}" for name, values in fields.items() for value in values)
