"""Reading import files: size, encoding and columns are checked before any row is looked at.
Pure: no Django import (openpyxl is imported only when a workbook is read)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from essaim.core.tables import formula_text_restored
from essaim.core.text import without_control_characters

MAX_FILE_BYTES = 20 * 1024 * 1024
# A workbook is a zip: what it expands to, not what it weighs, is what reading it costs (a 1 MB
# file can expand to 300 MB). The sizes its directory declares are checked before it is opened;
# zipfile stops at the declared size when it reads, so a lying directory gains nothing.
MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024
# Data rows of one file: far more than any file prepared by hand, few enough to check in memory.
MAX_ROWS = 50_000

# Dates an import accepts: a typo such as 0202 or 9999 is refused with its line rather than kept
# to break every computation that adds a delay to it later.
FIRST_YEAR, LAST_YEAR = 1900, 2199

# Characters a cell may not hold: NUL (refused, with its line and column: PostgreSQL cannot store
# it and a file that holds one is usually damaged) and the other control characters, which a word
# processor leaves behind (a vertical tab...) and which are removed. Tab and line breaks stay.


class FileRejected(Exception):
    """The file as a whole cannot be read (size, encoding, columns); the message is in French."""


@dataclass(frozen=True)
class Row:
    """One data row with the line of the file where it starts (the header is line 1)."""

    line: int
    values: dict[str, str]
    problem: str = ""  # set when the row cannot be read as it is (more cells than columns, NUL)


def read_text_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of a UTF-8 file on disk (YAML, JSON...), after the size and encoding checks."""
    data = _read_bytes(path, max_bytes=max_bytes)
    return _decode(data, advice="Enregistrez-le en UTF-8 depuis votre éditeur de texte, puis relancez.")


def read_csv_file(path: Path, *, required: Iterable[str], optional: Iterable[str] = ()) -> list[Row]:
    """Rows of a CSV file on disk, after the checks of `read_csv`."""
    return read_csv(_read_bytes(path), required=required, optional=optional)


def read_table_file(path: Path, *, required: Iterable[str], optional: Iterable[str] = ()) -> list[Row]:
    """Rows of a CSV or XLSX file on disk, chosen by its extension."""
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(_read_bytes(path), required=required, optional=optional)
    if path.suffix.lower() not in {".csv", ".txt"}:
        raise FileRejected(
            f"Format non pris en charge : « {path.suffix or 'sans extension'} ». Fournissez un fichier .csv ou .xlsx."
        )
    return read_csv_file(path, required=required, optional=optional)


def read_xlsx(data: bytes, *, required: Iterable[str], optional: Iterable[str] = ()) -> list[Row]:
    """Rows of the first sheet of an XLSX workbook (header on the first row), cells as text.

    Raises FileRejected when the file is too large, expands to too much, is not a workbook, has
    no sheet, a damaged sheet, too many rows, or a header that does not fit."""
    _check_size(len(data))
    _check_expanded_size(data)
    # Imported here: openpyxl is only needed by the few commands that read spreadsheets.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors for a damaged file
        raise FileRejected("Le classeur est illisible : ce n'est pas un fichier .xlsx valide.") from exc
    try:
        if not workbook.worksheets:
            raise FileRejected("Le classeur n'a aucune feuille : mettez les données dans sa première feuille.")
        sheet = workbook.worksheets[0]
        # The dimension a file declares may be anything ("A1:XFD1048576"): read the cells it holds.
        sheet.reset_dimensions()
        return _table_rows(
            ([_cell_text(cell) for cell in cells] for cells in sheet.iter_rows(values_only=True)),
            required=required,
            optional=optional,
            empty="Le classeur est vide.",
        )
    except FileRejected:
        raise
    except Exception as exc:  # a damaged sheet fails only when its rows are read
        raise FileRejected(
            "La première feuille du classeur est endommagée et ne peut pas être lue. "
            "Ouvrez-le dans votre tableur, enregistrez-le à nouveau au format .xlsx, puis relancez."
        ) from exc
    finally:
        workbook.close()


def _check_expanded_size(data: bytes) -> None:
    """Refuse a workbook whose parts, once decompressed, would weigh more than the limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FileRejected("Le classeur est illisible : ce n'est pas un fichier .xlsx valide.") from exc
    if expanded > MAX_UNCOMPRESSED_BYTES:
        raise FileRejected(
            f"Le classeur se décompresse en {expanded / 1024 / 1024:.0f} Mo, au-delà de la limite de "
            f"{MAX_UNCOMPRESSED_BYTES / 1024 / 1024:g} Mo. Découpez-le ou enregistrez-le au format CSV."
        )


def _table_rows(
    lines: Iterable[Sequence[str]], *, required: Iterable[str], optional: Iterable[str], empty: str
) -> list[Row]:
    """Rows of a sheet given as lists of cell texts, the first one the header (line 1)."""
    iterator = iter(lines)
    try:
        header = [without_control_characters(cell).strip().lower() for cell in next(iterator)]
    except StopIteration as exc:
        raise FileRejected(empty) from exc
    while header and not header[-1]:
        header.pop()
    _check_header(header, set(required), set(optional))
    rows: list[Row] = []
    for line, texts in enumerate(iterator, start=2):
        if not any(texts):
            continue
        extra = [text for text in texts[len(header) :] if text]
        values = {name: texts[index] if index < len(texts) else "" for index, name in enumerate(header)}
        problem = f"trop de cellules ({len(header) + len(extra)} pour {len(header)} colonnes)" if extra else ""
        if len(rows) == MAX_ROWS:
            _too_many_rows()
        rows.append(_row(line, values, problem))
    return rows


def _row(line: int, values: dict[str, str], problem: str) -> Row:
    """A row with its cells cleaned of control characters, NUL said as a problem of the row."""
    with_nul = [name for name, value in values.items() if "\x00" in value]
    if with_nul:
        where = f"la colonne {with_nul[0]}" if len(with_nul) == 1 else f"les colonnes {', '.join(with_nul)}"
        said = f"caractère nul (octet 0) dans {where} : le fichier est sans doute endommagé"
        problem = f"{problem} ; {said}" if problem else said
    cleaned = {name: without_control_characters(value).strip() for name, value in values.items()}
    return Row(line=line, values=cleaned, problem=problem)


def day_problem(day: date) -> str:
    """Why an imported date cannot be right, in French, or "" when it can."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        return f"{day.isoformat()} est hors des années {FIRST_YEAR} à {LAST_YEAR}"
    return ""


def _too_many_rows() -> None:
    raise FileRejected(
        f"Le fichier compte plus de {MAX_ROWS:_} lignes de données, la limite d'un import. ".replace("_", "\u202f")
        + "Découpez-le en plusieurs fichiers."
    )


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _read_bytes(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileRejected(
            f"Impossible de lire le fichier « {path} » : il n'existe pas ou n'est pas accessible."
        ) from exc
    if not path.is_file():
        raise FileRejected(f"« {path} » n'est pas un fichier.")
    _check_size(size, max_bytes=max_bytes)
    return path.read_bytes()


def read_csv(data: bytes, *, required: Iterable[str], optional: Iterable[str] = ()) -> list[Row]:
    """Rows of a UTF-8 CSV (comma or semicolon separated, header row), values stripped.

    Raises FileRejected when the file is too large, is not UTF-8 text, or its header lacks a
    required column or has a column nobody expects.
    """
    _check_size(len(data))
    text = _decode(data)
    if not text.strip():
        raise FileRejected("Le fichier est vide.")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [without_control_characters(name).strip().lower() for name in next(reader)]
    except csv.Error as exc:
        raise FileRejected(f"La ligne d'en-tête est illisible : {exc}.") from exc
    _check_header(header, set(required), set(optional))

    rows: list[Row] = []
    line = reader.line_num + 1
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                line = reader.line_num + 1
                continue
            values = {
                name: formula_text_restored(cells[index]).strip() if index < len(cells) else ""
                for index, name in enumerate(header)
            }
            problem = f"trop de cellules ({len(cells)} pour {len(header)} colonnes)" if len(cells) > len(header) else ""
            if len(rows) == MAX_ROWS:
                _too_many_rows()
            rows.append(_row(line, values, problem))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise FileRejected(f"Ligne {line} illisible : {exc}. Vérifiez les guillemets.") from exc
    return rows


def split_list(cell: str) -> list[str]:
    """The items of a `|`-separated cell, without blanks."""
    return [item.strip() for item in cell.split("|") if item.strip()]


def _check_size(size: int, *, max_bytes: int = MAX_FILE_BYTES) -> None:
    if size > max_bytes:
        raise FileRejected(
            f"Le fichier pèse {size / 1024 / 1024:.1f} Mo, au-delà de la limite de "
            f"{max_bytes / 1024 / 1024:g} Mo. Découpez-le en plusieurs fichiers."
        )


def _decode(data: bytes, *, advice: str = "Dans votre tableur, enregistrez-le au format « CSV UTF-8 ».") -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileRejected(
            f"Le fichier n'est pas encodé en UTF-8 (premier caractère illisible à la ligne {line}). {advice}"
        ) from exc


def _check_header(header: list[str], required: set[str], optional: set[str]) -> None:
    problems = []
    missing = [name for name in sorted(required) if name not in header]
    if missing:
        problems.append("colonnes obligatoires absentes : " + ", ".join(missing))
    unknown = [name for name in header if name not in required | optional]
    if unknown:
        problems.append("colonnes inconnues : " + ", ".join(name or "(sans nom)" for name in unknown))
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        problems.append("colonnes en double : " + ", ".join(duplicated))
    if problems:
        expected = ", ".join(sorted(required)) + (
            " ; facultatives : " + ", ".join(sorted(optional)) if optional else ""
        )
        raise FileRejected(
            "L'en-tête du fichier ne convient pas ("
            + " ; ".join(problems)
            + "). Colonnes attendues : "
            + expected
            + "."
        )
