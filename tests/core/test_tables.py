import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from essaim.core.imports import read_csv
from essaim.core.tables import rows_to_csv, rows_to_xlsx, sheets_to_xlsx
from essaim.core.text import without_control_characters

COLUMNS = ["Nom", "Valeur", "Note"]


def test_csv_export_opens_in_french_excel_with_bom_and_semicolons():
    text = rows_to_csv([{"Nom": "Côte, Loire", "Valeur": Decimal("12.5000"), "Note": "été"}], COLUMNS)
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")  # the mark that tells Excel the file is UTF-8
    assert text.splitlines() == ["\ufeffNom;Valeur;Note", "Côte, Loire;12,5;été"]


def test_csv_export_keeps_formulas_as_text():
    text = rows_to_csv([{"Nom": "=HYPERLINK(1)", "Valeur": "", "Note": ""}], COLUMNS)
    assert "'=HYPERLINK(1);;" in text


def test_a_decimal_with_a_semicolon_in_a_text_is_quoted():
    text = rows_to_csv([{"Nom": "a;b", "Valeur": Decimal("100.0000"), "Note": ""}], COLUMNS)
    assert text.splitlines()[1] == '"a;b";100;'


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffNom;Valeur;Note\nCôte, Loire;12,5;été\n".encode(),
        'Nom,Valeur,Note\n"Côte, Loire","12,5",été\n'.encode(),
        '\ufeffNom,Valeur,Note\r\n"Côte, Loire","12,5",été\r\n'.encode(),
    ],
    ids=["excel-semicolons-bom", "comma-no-bom", "comma-bom-crlf"],
)
def test_the_import_reader_reads_semicolon_and_comma_files_with_or_without_bom(data):
    [row] = read_csv(data, required=["nom", "valeur", "note"])
    assert row.values == {"nom": "Côte, Loire", "valeur": "12,5", "note": "été"}


def test_an_export_reads_back_through_the_import_reader():
    text = rows_to_csv([{"Nom": "x; y", "Valeur": Decimal("3"), "Note": "l'été"}], COLUMNS)
    [row] = read_csv(text.encode("utf-8"), required=["nom", "valeur", "note"])
    assert row.values == {"nom": "x; y", "valeur": "3", "note": "l'été"}


def xlsx_cells(data: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data)).active
    return [[cell for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("text", ["a\x0bb", "a\x00b", "a\x1bb", "a\x7fb", "a\uffffb", "a\x0cb"])
def test_an_xlsx_export_with_a_control_character_opens_with_the_text_kept(text):
    data = rows_to_xlsx([{"Nom": text, "Valeur": 3, "Note": ""}], COLUMNS, sheet_name="feuille")
    [_header, [name, value, _note]] = xlsx_cells(data)
    assert name.value in {"ab", "a\nb"}
    assert value.value == 3


def test_a_vertical_tab_pasted_from_a_word_processor_becomes_a_line_break():
    assert without_control_characters("Ligne 1\x0bLigne 2\x0cFin\x00") == "Ligne 1\nLigne 2\nFin"
    text = rows_to_csv([{"Nom": "Ligne 1\x0bLigne 2", "Valeur": "", "Note": "a\x01b\tc"}], COLUMNS)
    assert '"Ligne 1\nLigne 2";;a' in text
    assert "a\x01b" not in text and "ab\tc" in text


def test_an_xlsx_cell_longer_than_excel_allows_is_cut_not_refused():
    data = rows_to_xlsx([{"Nom": "x" * 40_000, "Valeur": "", "Note": ""}], COLUMNS, sheet_name="feuille")
    [_header, [name, *_]] = xlsx_cells(data)
    assert len(name.value) == 32_767 and name.value.endswith("…")


@pytest.mark.parametrize("text", ["-2+3+cmd|' /C calc'!A0", "=1+1", "+33 1 23", "@SUM(A1)", "\t=1", "- une liste"])
def test_a_csv_text_that_a_spreadsheet_would_run_as_a_formula_is_made_inert(text):
    csv_text = rows_to_csv([{"Nom": text, "Valeur": "", "Note": ""}], COLUMNS)
    [_header, [cell, _value, _note]] = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    assert cell == "'" + text


@pytest.mark.parametrize(
    "value, written", [(-12, "-12"), (Decimal("-12.50"), "-12,5"), (-0.5, "-0,5"), ("-12", "-12"), ("-3,5", "-3,5")]
)
def test_a_negative_number_stays_a_number_in_csv(value, written):
    csv_text = rows_to_csv([{"Nom": "", "Valeur": value, "Note": ""}], COLUMNS)
    assert csv_text.splitlines()[1] == f";{written};"


def test_xlsx_texts_that_look_like_formulas_are_text_cells_and_negative_numbers_numbers():
    texts = ["=1+1", "-2+3", "+33 1 23", "@SUM(A1)", "- une liste"]
    rows = [{"Nom": text, "Valeur": -12, "Note": Decimal("-3.5")} for text in texts]
    [_header, *lines] = xlsx_cells(rows_to_xlsx(rows, COLUMNS, sheet_name="feuille"))
    assert [(name.value, name.data_type) for name, _value, _note in lines] == [(text, "s") for text in texts]
    assert {(value.value, value.data_type, note.value) for _name, value, note in lines} == {(-12, "n", -3.5)}


def test_an_inert_csv_cell_reads_back_as_it_was_typed():
    texts = ["=1+1", "-2+3", "- une liste", "@SUM(A1)", "'déjà cité'", "-12"]
    csv_text = rows_to_csv([{"Nom": text, "Valeur": "", "Note": ""} for text in texts], COLUMNS)
    rows = read_csv(csv_text.encode("utf-8"), required=["nom", "valeur", "note"])
    assert [row.values["nom"] for row in rows] == texts


def test_a_workbook_of_several_sheets_keeps_each_tables_columns_and_formulas_inert():
    data = sheets_to_xlsx(
        [
            ("Réponses", [{"Nom": "=1+1", "Valeur": 3, "Note": ""}], COLUMNS),
            ("Plan", [{"Action": "Réunir le CA"}], ["Action"]),
        ]
    )
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Réponses", "Plan"]
    first = list(workbook["Réponses"].iter_rows())
    assert first[1][0].value == "=1+1" and first[1][0].data_type == "s"
    assert [[cell.value for cell in row] for row in workbook["Plan"].iter_rows()] == [["Action"], ["Réunir le CA"]]
