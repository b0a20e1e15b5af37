from decimal import Decimal

import pytest

from essaim.core.imports import read_csv
from essaim.core.tables import rows_to_csv

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
