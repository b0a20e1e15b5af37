"""Versioned JSON documents: written once (a strategy's bilan, an observatory's vintage) and read
for years while the code that reads them evolves. Pure: no Django import.

A document carries its format's version under `version`; a document without one is version 1
(the format before versions were written). Readers never handle an old format: `upgrade` applies,
in memory, the steps from the stored version to the current one. The stored row stays as it was
written, so a new format needs a new step, not a data migration.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from typing import Any

Step = Callable[[dict[str, Any]], dict[str, Any]]


class DocumentVersionError(ValueError):
    """The document's version is not one this code knows (written by a newer release?)."""


def current_version(steps: Sequence[Step]) -> int:
    """`steps[0]` turns version 1 into 2, `steps[1]` 2 into 3...: the current version follows the last."""
    return len(steps) + 1


def version_of(data: Mapping[str, Any]) -> int:
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise DocumentVersionError(f"Version de document illisible : {version!r}.")
    return version


def upgrade(data: Mapping[str, Any], steps: Sequence[Step]) -> dict[str, Any]:
    """A copy of the document in the current version, `data` left untouched."""
    version, current = version_of(data), current_version(steps)
    if not 1 <= version <= current:
        raise DocumentVersionError(f"Version de document inconnue : {version} (la plus récente connue : {current}).")
    document = copy.deepcopy(dict(data))
    for number, step in enumerate(steps[version - 1 :], start=version + 1):
        document = step(document)
        document["version"] = number
    document["version"] = current
    return document
