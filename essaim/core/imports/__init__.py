"""The shared shape of every file import: read the whole file, validate every row, report each bad
row with its line number, then write everything in one transaction or nothing at all.

How an import is put together (see also docs/imports.md):

- `files`: readers for CSV, XLSX and text files. They refuse a file as a whole (too large, not
  UTF-8, missing or unknown columns) with `FileRejected` and a French message, and give each row
  with the line where it starts (`Row`).
- the app's service (`offers_import`, `organisations_import`, `load_strategy_file`) checks every
  row against the referentials and collects each problem as a `RowError` (line, French message)
  in an `ImportReport`. If there is any, it returns without writing.
- `writing.all_or_nothing(dry_run=...)`: the service writes every row inside it. A dry run runs
  the same writes and rolls them back at the end, so its counts are exact.
- `report`: `ImportReport` counts what was created, updated or left unchanged, by `Noun`, and
  words its summary with the noun's gender and number ("1 offre a été créée", "2 indicateurs
  seraient créés").
- `command.ImportCommand`: the base of the management commands. A subclass names the file kinds
  it accepts and implements `run(path, dry_run=...)`; the base prints errors, notes and summary.

This package reads and reports; each app's service validates its rows and writes them. Only
`files` and `report` are imported here: they are pure (no Django), so a pure reader such as the
strategy file's can use them. Import `command` and `writing` from their modules.
"""

from essaim.core.imports.files import (
    MAX_FILE_BYTES,
    FileRejected,
    Row,
    day_problem,
    read_csv,
    read_csv_file,
    read_table_file,
    read_text_file,
    read_xlsx,
    split_list,
)
from essaim.core.imports.report import ImportReport, Noun, RowError, Tally

__all__ = [
    "MAX_FILE_BYTES",
    "FileRejected",
    "ImportReport",
    "Noun",
    "Row",
    "RowError",
    "Tally",
    "day_problem",
    "read_csv",
    "read_csv_file",
    "read_table_file",
    "read_text_file",
    "read_xlsx",
    "split_list",
]
