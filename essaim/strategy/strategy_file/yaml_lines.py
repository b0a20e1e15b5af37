"""YAML read with the line of every mapping and key, so that each error can name its line.

Stricter than plain YAML: only true and false are booleans, aliases are refused, a key repeated
in a block is an error.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from essaim.core.imports.report import RowError


class LineDict(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys were written."""

    line: int = 0
    key_lines: dict[str, int]


class _AliasRefused(yaml.MarkedYAMLError):
    pass


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _LineLoader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasRefused(problem="alias", problem_mark=event.start_mark)
        return super().compose_node(parent, index)

    def construct_line_mapping(self, node: yaml.MappingNode) -> LineDict:
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            key = str(key)
            if key in mapping:
                raise _DuplicateKey(
                    problem=f"la clé « {key} » est répétée (déjà ligne {mapping.key_lines[key]})",
                    problem_mark=key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_lenient_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date as YAML reads it, or its text when it is no real day (`2020-02-30`, `0000-01-01`):
        the reader then says which line holds it, instead of the loader failing on the file."""
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_line_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_lenient_timestamp)
# YAML 1.1 reads on/off/yes/no as booleans ("on: 2018-12-31" would become "True: ..."): only
# true and false are booleans here, as in YAML 1.2.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(text: str) -> Any:
    """YAML as this module reads it (only true/false are booleans, no aliases, no repeated key)."""
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader derives from SafeLoader


def load_document(text: str) -> tuple[Any, list[RowError]]:
    """The document of `text`, or None with the error that stopped the reading."""
    try:
        return read_yaml(text), []
    except RecursionError:
        # Blocks nested hundreds of levels deep ([[[[...): no strategy file is; the parser's
        # recursion gives up before the reader could say where.
        return None, [
            RowError(
                0, "le fichier imbrique trop de blocs les uns dans les autres : ce n'est pas un fichier de stratégie."
            )
        ]
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        return None, [RowError(line, f"caractère interdit dans un fichier YAML ({_code_point(error.character)}).")]
    except _AliasRefused as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        return None, [RowError(line, "les alias YAML (*nom) sont refusés : écrivez chaque élément une fois.")]
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        return None, [RowError(line, f"le fichier n'est pas un YAML valide ({error.problem}).")]
    except yaml.YAMLError:
        return None, [RowError(0, "le fichier n'est pas un YAML valide.")]


def _code_point(character: int | str) -> str:
    return f"U+{character if isinstance(character, int) else ord(character):04X}"
