"""Writing rows of text as CSV (UTF-8, comma) or XLSX: the formats every export offers.

Cells come from what people typed: a text starting with "=" must stay a text, not become a
spreadsheet formula (formula injection). XLSX cells are typed as text; in CSV such a cell gets
a leading apostrophe, which spreadsheets hide."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows_to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: _inert(value) for name, value in row.items()} for row in rows)
    return buffer.getvalue()


def rows_to_xlsx(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, sheet_name: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(list(columns))

    def cell(value: Any) -> Any:
        if not (isinstance(value, str) and value.startswith("=")):
            return value
        text = WriteOnlyCell(sheet, value=value)
        text.data_type = "s"  # a text, never a formula
        return text

    for row in rows:
        sheet.append([cell(row.get(name, "")) for name in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
