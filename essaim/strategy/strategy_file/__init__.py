"""Reading and checking a strategy file (YAML, see docs/strategy-file.md). Pure: no Django import.

`parse(text)` returns a `StrategySpec` and the list of errors, each with its line. The caller
writes nothing unless the list is empty; references to the directory (organisations) and to
accounts are resolved by the caller, with the lines kept here.

The package follows the reading: `yaml_lines` (YAML with the line of every key), `reader`
(typed values, every problem collected), `structure` (head, plans, bodies, the tree of nodes,
references between them), `actions` and `indicators` (their blocks), `spec` (what was read).
The values a file may give for a status or a kind come from `essaim.strategy.vocabulary`.
"""

from __future__ import annotations

from essaim.core.imports.report import RowError
from essaim.strategy.strategy_file.indicators import read_indicators
from essaim.strategy.strategy_file.reader import Reader
from essaim.strategy.strategy_file.spec import (
    ActionSpec,
    BodySpec,
    BudgetSpec,
    DocumentSpec,
    IndicatorSpec,
    MilestoneSpec,
    NodeSpec,
    PersonSpec,
    PlanSpec,
    StrategySpec,
    ValueSpec,
)
from essaim.strategy.strategy_file.structure import (
    check_references,
    read_bodies,
    read_head,
    read_nodes,
    read_plans,
)
from essaim.strategy.strategy_file.yaml_lines import LineDict, load_document, read_yaml

__all__ = [
    "ActionSpec",
    "BodySpec",
    "BudgetSpec",
    "DocumentSpec",
    "IndicatorSpec",
    "LineDict",
    "MilestoneSpec",
    "NodeSpec",
    "PersonSpec",
    "PlanSpec",
    "StrategySpec",
    "ValueSpec",
    "parse",
    "read_yaml",
]


def parse(text: str) -> tuple[StrategySpec, list[RowError]]:
    """Read the whole file and check it; return what it describes and every error found."""
    spec = StrategySpec()
    document, errors = load_document(text)
    if errors:
        return spec, errors
    reader = Reader()
    root = reader.mapping(document, 1, "Le fichier")
    if root is None:
        return spec, reader.errors
    reader.keys(root, ("strategy", "plans", "bodies", "nodes", "indicators"), "le fichier")
    head = reader.mapping(root.get("strategy"), 1, "La partie « strategy »") if "strategy" in root else None
    if head is None:
        if "strategy" not in root:
            reader.error(1, "la partie « strategy » est obligatoire.")
        return spec, reader.errors
    read_head(reader, head, spec)
    read_plans(reader, root, spec)
    read_bodies(reader, root, spec)
    read_nodes(reader, root, spec)
    read_indicators(reader, root, spec)
    check_references(reader, spec)
    return spec, reader.errors
