"""Files that are damaged, oversized or hostile are refused as a whole, in French, before any row
is looked at; a bad cell is said with its line and column."""

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from essaim.core.imports import FileRejected, files, read_csv, read_xlsx

REQUIRED = ["name"]
OPTIONAL = ["roles"]


def workbook_bytes(*rows: list[object]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [["name", "roles"], *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, part: str, content: bytes) -> bytes:
    """The workbook with one of its parts replaced."""
    wanted = {part: content}
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, wanted.get(info.filename, source.read(info.filename)))
    return buffer.getvalue()


def test_a_workbook_that_expands_beyond_the_limit_is_refused_before_openpyxl_reads_it():
    # 0.1 MB on disk, 70 MB once decompressed: the zip's directory says so before anything is read.
    buffer = io.BytesIO(workbook_bytes(["A", "x"]))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (files.MAX_UNCOMPRESSED_BYTES + 1))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(FileRejected, match=r"se décompresse en \d+ Mo, au-delà de la limite"):
        read_xlsx(data, required=REQUIRED, optional=OPTIONAL)


def test_a_workbook_without_any_sheet_is_refused_in_french():
    data = workbook_bytes(["A", "x"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = archive.read("xl/workbook.xml")
    book = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", book, flags=re.S)
    with pytest.raises(FileRejected, match="aucune feuille"):
        read_xlsx(rewritten(data, "xl/workbook.xml", book), required=REQUIRED, optional=OPTIONAL)


def test_a_workbook_whose_sheet_is_damaged_is_refused_in_french():
    data = workbook_bytes(["A", "x"], ["B", "y"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    damaged = sheet[: len(sheet) // 2]  # cut in the middle of the rows
    with pytest.raises(FileRejected, match="endommagée"):
        read_xlsx(rewritten(data, "xl/worksheets/sheet1.xml", damaged), required=REQUIRED, optional=OPTIONAL)


def test_a_workbook_declaring_the_largest_possible_sheet_is_read_by_the_cells_it_holds():
    data = workbook_bytes(["A", "x"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    sheet = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
    rows = read_xlsx(rewritten(data, "xl/worksheets/sheet1.xml", sheet), required=REQUIRED, optional=OPTIONAL)
    assert [(row.line, row.values) for row in rows] == [(2, {"name": "A", "roles": "x"})]


def test_more_rows_than_an_import_takes_are_refused_for_csv_and_xlsx(monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS", 3)
    with pytest.raises(FileRejected, match="plus de 3 lignes de données"):
        read_csv(b"name\nA\nB\nC\nD\n", required=REQUIRED)
    with pytest.raises(FileRejected, match="plus de 3 lignes de données"):
        read_xlsx(workbook_bytes(["A"], ["B"], ["C"], ["D"]), required=REQUIRED, optional=OPTIONAL)
    assert len(read_csv(b"name\nA\nB\nC\n", required=REQUIRED)) == 3


def test_a_nul_in_a_cell_is_a_problem_of_its_row_naming_the_column():
    [row] = read_csv(b"name,roles\nA\x00B,x\n", required=REQUIRED, optional=OPTIONAL)
    assert row.line == 2
    assert "caractère nul (octet 0) dans la colonne name" in row.problem
    assert "\x00" not in row.values["name"]


def test_control_characters_pasted_from_a_word_processor_are_removed_and_manual_breaks_kept():
    [row] = read_csv(b'name,roles\n"Une\x0bligne\tet\nune autre\x07",x\n', required=REQUIRED, optional=OPTIONAL)
    assert row.values["name"] == "Une\nligne\tet\nune autre"
    assert row.problem == ""
