"""Reading and checking a question bank (YAML, `diagnostics/data/*.yaml`). Pure: no Django import.

`parse_bank(text)` returns the `Bank` the file describes, or raises `BankError` with a French
message naming the faulty element (« Thème « gouvernance », domaine « x », item « y » : … »).
The file's shape:

    framework: {code, version, title, source}
    themes:                     # in the guide's order
      - {code, title, summary, source, domains: [{code, title, items: [...]}]}
    item: {code, kind, text, source, unit, quick, version, about, key_ideas, legal, examples,
           suggested_actions: {<maturity slug>: "..."}}

Required: every code and title, the framework's version and source, each theme's source, each
item's kind, text and source, and the unit of an indicator (only an indicator has one). Codes are
slugs, unique among their siblings; lengths stay within the columns of `models/bank.py`, so that
loading a checked bank never fails on the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import yaml

from essaim.diagnostics.vocabulary import MATURITY

KINDS = ("question", "indicateur")
TEXT_MAX = 400
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_MATURITY_SLUGS = tuple(value for value, _label in MATURITY)

# Lengths of the model's columns (models/bank.py).
_FRAMEWORK_CODE_MAX = 80
_FRAMEWORK_TITLE_MAX = 250
_THEME_CODE_MAX = 80
_THEME_TITLE_MAX = 200
_DOMAIN_CODE_MAX = 120
_DOMAIN_TITLE_MAX = 250
_ITEM_CODE_MAX = 160
_UNIT_MAX = 40
_VERSION_MAX = 32767  # the item version is a PositiveSmallIntegerField

_FRAMEWORK_KEYS = ("code", "version", "title", "source")
_THEME_KEYS = ("code", "title", "summary", "source", "domains")
_DOMAIN_KEYS = ("code", "title", "items")
_ITEM_KEYS = (
    "code",
    "kind",
    "text",
    "unit",
    "quick",
    "version",
    "about",
    "key_ideas",
    "legal",
    "examples",
    "source",
    "suggested_actions",
)

# What each key is called in a message: (the words, plural?).
_LABELS: dict[str, tuple[str, bool]] = {
    "code": ("l'identifiant (code)", False),
    "version": ("la version", False),
    "title": ("le titre", False),
    "source": ("la source", False),
    "summary": ("le résumé (summary)", False),
    "domains": ("la liste des domaines (domains)", False),
    "items": ("la liste des items (items)", False),
    "themes": ("la liste des thèmes (themes)", False),
    "framework": ("la partie « framework »", False),
    "kind": ("la nature (kind)", False),
    "unit": ("l'unité (unit)", False),
    "quick": ("l'indication du parcours rapide (quick)", False),
    "about": ("« De quoi parle-t-on ? » (about)", False),
    "key_ideas": ("les idées clés (key_ideas)", True),
    "legal": ("les références juridiques (legal)", True),
    "examples": ("les exemples (examples)", True),
    "suggested_actions": ("les actions suggérées (suggested_actions)", True),
}


class BankError(ValueError):
    """A question bank that cannot be loaded; the message says where and why, in French."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class ItemSpec:
    code: str
    kind: str
    text: str
    source: str
    unit: str = ""
    quick: bool = False
    version: int = 1
    about: str = ""
    key_ideas: str = ""
    legal: str = ""
    examples: str = ""
    # Maturity slug → the suggested next step for an organisation at that level (read-only).
    suggested_actions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def is_indicator(self) -> bool:
        return self.kind == "indicateur"


@dataclass(frozen=True)
class DomainSpec:
    code: str
    title: str
    items: tuple[ItemSpec, ...]


@dataclass(frozen=True)
class ThemeSpec:
    code: str
    title: str
    source: str
    domains: tuple[DomainSpec, ...]
    summary: str = ""

    @property
    def items(self) -> tuple[ItemSpec, ...]:
        return tuple(item for domain in self.domains for item in domain.items)


@dataclass(frozen=True)
class Bank:
    code: str
    version: int
    title: str
    source: str
    themes: tuple[ThemeSpec, ...]

    @property
    def items(self) -> tuple[ItemSpec, ...]:
        return tuple(item for theme in self.themes for item in theme.items)

    def quick_items(self) -> tuple[ItemSpec, ...]:
        """The quick path's items, in the bank's order."""
        return tuple(item for item in self.items if item.quick)


def parse_bank(text: str) -> Bank:
    """The bank `text` describes; BankError at the first problem found."""
    document = _load(text)
    if not isinstance(document, dict):
        raise BankError("Le fichier : il doit contenir les parties « framework » et « themes ».")
    _check_keys(document, ("framework", "themes"), "Le fichier")
    head = _mapping(document, "framework", "Le fichier")
    _check_keys(head, _FRAMEWORK_KEYS, "Référentiel")
    code = _slug(head, "Référentiel", _FRAMEWORK_CODE_MAX)
    where = f"Référentiel « {code} »"
    version = _version(head, where, required=True)
    title = _text(head, "title", where, required=True, max_length=_FRAMEWORK_TITLE_MAX)
    source = _text(head, "source", where, required=True)
    themes = _list(document, "themes", "Le fichier")
    seen: set[str] = set()
    specs: list[ThemeSpec] = []
    for position, raw in enumerate(themes, start=1):
        theme = _theme(raw, position)
        if theme.code in seen:
            raise BankError(f"Thème « {theme.code} » : cet identifiant est déjà celui d'un autre thème.")
        seen.add(theme.code)
        specs.append(theme)
    return Bank(code=code, version=version, title=title, source=source, themes=tuple(specs))


def _load(text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        problem = f" ({error.problem})" if error.problem else ""
        where = f"ligne {line}" if line else "le fichier"
        raise BankError(f"Le fichier n'est pas un YAML valide, {where}{problem}.", line=line) from error
    except yaml.YAMLError as error:
        raise BankError("Le fichier n'est pas un YAML valide.") from error
    except RecursionError as error:
        raise BankError("Le fichier imbrique trop de blocs les uns dans les autres.") from error


def _theme(raw: Any, position: int) -> ThemeSpec:
    where = f"Thème n° {position}"
    if not isinstance(raw, dict):
        raise BankError(f"{where} : un thème s'écrit comme un ensemble de clés (code, title, …).")
    code = _slug(raw, where, _THEME_CODE_MAX)
    where = f"Thème « {code} »"
    _check_keys(raw, _THEME_KEYS, where)
    title = _text(raw, "title", where, required=True, max_length=_THEME_TITLE_MAX)
    summary = _text(raw, "summary", where)
    source = _text(raw, "source", where, required=True)
    seen: set[str] = set()
    domains: list[DomainSpec] = []
    for index, item in enumerate(_list(raw, "domains", where), start=1):
        domain = _domain(item, index, where)
        if domain.code in seen:
            raise BankError(f"{where}, domaine « {domain.code} » : cet identifiant est déjà celui d'un autre domaine.")
        seen.add(domain.code)
        domains.append(domain)
    return ThemeSpec(code=code, title=title, summary=summary, source=source, domains=tuple(domains))


def _domain(raw: Any, position: int, theme: str) -> DomainSpec:
    where = f"{theme}, domaine n° {position}"
    if not isinstance(raw, dict):
        raise BankError(f"{where} : un domaine s'écrit comme un ensemble de clés (code, title, items).")
    code = _slug(raw, where, _DOMAIN_CODE_MAX)
    where = f"{theme}, domaine « {code} »"
    _check_keys(raw, _DOMAIN_KEYS, where)
    title = _text(raw, "title", where, required=True, max_length=_DOMAIN_TITLE_MAX)
    seen: set[str] = set()
    items: list[ItemSpec] = []
    for index, entry in enumerate(_list(raw, "items", where), start=1):
        item = _item(entry, index, where)
        if item.code in seen:
            raise BankError(f"{where}, item « {item.code} » : cet identifiant est déjà celui d'un autre item.")
        seen.add(item.code)
        items.append(item)
    return DomainSpec(code=code, title=title, items=tuple(items))


def _item(raw: Any, position: int, domain: str) -> ItemSpec:
    where = f"{domain}, item n° {position}"
    if not isinstance(raw, dict):
        raise BankError(f"{where} : un item s'écrit comme un ensemble de clés (code, kind, text, …).")
    code = _slug(raw, where, _ITEM_CODE_MAX)
    where = f"{domain}, item « {code} »"
    _check_keys(raw, _ITEM_KEYS, where)
    kind = raw.get("kind")
    if kind is None:
        raise BankError(f"{where} : la nature (kind) est obligatoire : {_or(KINDS)}.")
    if kind not in KINDS:
        raise BankError(f"{where} : la nature (kind) « {kind} » est inconnue ; les valeurs possibles : {_or(KINDS)}.")
    noun = "la question" if kind == "question" else "l'indicateur"
    text = _text(raw, "text", where, required=True, max_length=TEXT_MAX, label=noun)
    if kind == "indicateur":
        unit = _text(raw, "unit", where, required=True, max_length=_UNIT_MAX)
    elif "unit" in raw:
        raise BankError(f"{where} : seul un indicateur a une unité (unit) ; une question n'en a pas.")
    else:
        unit = ""
    quick = raw.get("quick", False)
    if not isinstance(quick, bool):
        raise BankError(f"{where} : l'indication du parcours rapide (quick) vaut true ou false.")
    return ItemSpec(
        code=code,
        kind=kind,
        text=text,
        unit=unit,
        quick=quick,
        version=_version(raw, where, required=False),
        about=_text(raw, "about", where),
        key_ideas=_text(raw, "key_ideas", where),
        legal=_text(raw, "legal", where),
        examples=_text(raw, "examples", where),
        source=_text(raw, "source", where, required=True),
        suggested_actions=_actions(raw, where),
    )


def _actions(raw: dict[Any, Any], where: str) -> Mapping[str, str]:
    value = raw.get("suggested_actions")
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        raise BankError(
            f"{where} : les actions suggérées (suggested_actions) s'écrivent niveau par niveau "
            f"({', '.join(_MATURITY_SLUGS)})."
        )
    actions: dict[str, str] = {}
    for level, action in value.items():
        if level not in _MATURITY_SLUGS:
            raise BankError(
                f"{where} : le niveau « {level} » des actions suggérées est inconnu ; "
                f"les niveaux possibles : {', '.join(_MATURITY_SLUGS)}."
            )
        if not isinstance(action, str) or not action.strip():
            raise BankError(f"{where} : l'action suggérée au niveau « {level} » doit être un texte non vide.")
        actions[level] = action.strip()
    return MappingProxyType(actions)


def _check_keys(raw: dict[Any, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in raw:
        if key not in allowed:
            raise BankError(f"{where} : la clé « {key} » est inconnue ; les clés possibles : {', '.join(allowed)}.")


def _mapping(raw: dict[Any, Any], key: str, where: str) -> dict[Any, Any]:
    value = raw.get(key)
    if value is None:
        raise BankError(f"{where} : {_LABELS[key][0]} est obligatoire.")
    if not isinstance(value, dict):
        raise BankError(f"{where} : {_LABELS[key][0]} s'écrit comme un ensemble de clés.")
    return value


def _list(raw: dict[Any, Any], key: str, where: str) -> list[Any]:
    value = raw.get(key)
    if value is None:
        raise BankError(f"{where} : {_LABELS[key][0]} est obligatoire.")
    if not isinstance(value, list):
        raise BankError(f"{where} : {_LABELS[key][0]} s'écrit comme une liste (lignes commençant par « - »).")
    if not value:
        raise BankError(f"{where} : {_LABELS[key][0]} est vide.")
    return value


def _slug(raw: dict[Any, Any], where: str, max_length: int) -> str:
    value = raw.get("code")
    if value is None:
        raise BankError(f"{where} : l'identifiant (code) est obligatoire.")
    if not isinstance(value, str) or not _SLUG.match(value):
        raise BankError(
            f"{where} : l'identifiant (code) « {value} » doit s'écrire en minuscules sans accent, "
            "chiffres et tirets (par exemple « statuts-a-jour »)."
        )
    if len(value) > max_length:
        raise BankError(f"{where} : l'identifiant (code) « {value} » dépasse {max_length} caractères.")
    return value


def _text(
    raw: dict[Any, Any],
    key: str,
    where: str,
    *,
    required: bool = False,
    max_length: int | None = None,
    label: str | None = None,
) -> str:
    words, plural = (label, False) if label else _LABELS[key]
    value = raw.get(key)
    if value is None:
        if required:
            raise BankError(f"{where} : {words} {'sont obligatoires' if plural else 'est obligatoire'}.")
        return ""
    if not isinstance(value, str):
        raise BankError(f"{where} : {words} {'doivent' if plural else 'doit'} être un texte.")
    value = value.strip()
    if required and not value:
        raise BankError(f"{where} : {words} {'sont vides' if plural else 'est vide'}.")
    if max_length is not None and len(value) > max_length:
        raise BankError(
            f"{where} : {words} {'dépassent' if plural else 'dépasse'} {max_length} caractères ({len(value)})."
        )
    return value


def _version(raw: dict[Any, Any], where: str, *, required: bool) -> int:
    value = raw.get("version")
    if value is None:
        if required:
            raise BankError(f"{where} : la version est obligatoire.")
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _VERSION_MAX:
        raise BankError(f"{where} : la version « {value} » doit être un nombre entier supérieur ou égal à 1.")
    return value


def _or(values: tuple[str, ...]) -> str:
    return " ou ".join(f"« {value} »" for value in values)
