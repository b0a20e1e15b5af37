"""Writing rows of text as CSV or XLSX: the formats every export offers.

The CSV is written for French spreadsheets: semicolons (a French Excel reads a comma file as
one column, since the comma is its decimal mark) and UTF-8 with a byte order mark (without it,
Excel takes the file for Windows-1252 and garbles the accents). The import reader accepts it
back, as well as comma files without a mark.

Cells come from what people typed: a text starting with "=" must stay a text, not become a
spreadsheet formula (formula injection). XLSX cells are typed as text; in CSV such a cell gets
a leading apostrophe, which spreadsheets hide."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    """A cell as a French spreadsheet reads it: decimals with a comma ("12,5"; "12.5" would be
    read as a date), texts made inert."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return _inert(value)


CSV_DELIMITER = ";"
BOM = "\ufeff"


def rows_to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """The rows as CSV text for French spreadsheets: a byte order mark, then semicolon-separated
    lines (encode it as UTF-8)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.DictWriter(buffer, fieldnames=list(columns), delimiter=CSV_DELIMITER, lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: _csv_cell(value) for name, value in row.items()} for row in rows)
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
