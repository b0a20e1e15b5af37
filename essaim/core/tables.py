"""Writing rows of text as CSV or XLSX: the formats every export offers.

The CSV is written for French spreadsheets: semicolons (a French Excel reads a comma file as
one column, since the comma is its decimal mark) and UTF-8 with a byte order mark (without it,
Excel takes the file for Windows-1252 and garbles the accents). The import reader accepts it
back, as well as comma files without a mark.

Cells come from what people typed, and one cell must never take a whole export down nor run in
the reader's spreadsheet:
- control characters (a vertical tab pasted from a word processor, NUL...) are not allowed in an
  XLSX file: the line breaks of word processors (vertical tab, form feed) become line breaks and
  the others are removed, in CSV as in XLSX, whatever is already stored;
- a text starting with "=", "+", "-", "@", a tab or a carriage return must stay a text, not
  become a spreadsheet formula (formula injection). XLSX cells are typed as text; in CSV such a
  cell gets a leading apostrophe, which spreadsheets hide and the import reader removes
  (`formula_text_restored`). Numbers, and texts that are plain numbers ("-12,5"), stay numbers."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from essaim.core.text import without_control_characters

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
# Excel refuses a longer cell (it "repairs" the file by emptying it).
XLSX_MAX_CELL = 32_767


def _inert(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def formula_text_restored(text: str) -> str:
    """A CSV cell as it was before `rows_to_csv` made it inert: the import reader's inverse."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text[1:]):
        return text[1:]
    return text


def _csv_cell(value: Any) -> Any:
    """A cell as a French spreadsheet reads it: decimals with a comma ("12,5"; "12.5" would be
    read as a date), texts made inert."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, str):
        return _inert(without_control_characters(value))
    return value


CSV_DELIMITER = ";"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"  # its content type
BOM = "\ufeff"


def rows_to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """The rows as CSV text for French spreadsheets: a byte order mark, then semicolon-separated
    lines (encode it as UTF-8)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.DictWriter(buffer, fieldnames=list(columns), delimiter=CSV_DELIMITER, lineterminator="\n")
    writer.writerow({name: without_control_characters(name) for name in columns})
    writer.writerows({name: _csv_cell(value) for name, value in row.items()} for row in rows)
    return buffer.getvalue()


def rows_to_xlsx(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, sheet_name: str) -> bytes:
    """The rows as an XLSX workbook of one sheet: texts stay texts, numbers stay numbers."""
    return sheets_to_xlsx([(sheet_name, rows, columns)])


def sheets_to_xlsx(sheets: Sequence[tuple[str, Sequence[dict[str, Any]], Sequence[str]]]) -> bytes:
    """Several tables as the sheets of one XLSX workbook, each given as (name, rows, columns)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    for sheet_name, rows, columns in sheets:
        sheet = workbook.create_sheet(sheet_name)

        def cell(value: Any, sheet: Any = sheet) -> Any:
            if not isinstance(value, str):
                return value
            value = without_control_characters(value)
            if len(value) > XLSX_MAX_CELL:
                value = value[: XLSX_MAX_CELL - 1] + "…"
            if not value.startswith("="):
                return value  # openpyxl writes any other text as a text cell
            text = WriteOnlyCell(sheet, value=value)
            text.data_type = "s"  # a text, never a formula
            return text

        sheet.append([cell(name) for name in columns])
        for row in rows:
            sheet.append([cell(row.get(name, "")) for name in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
