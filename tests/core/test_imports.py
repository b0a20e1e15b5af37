import pytest

from essaim.core.imports import MAX_FILE_BYTES, FileRejected, read_csv, split_list

REQUIRED = ["name"]
OPTIONAL = ["roles", "siret"]


def test_rows_carry_the_line_number_of_the_file():
    rows = read_csv(b"name,roles\nA,x\n\nB,y\n", required=REQUIRED, optional=OPTIONAL)
    assert [(row.line, row.values["name"]) for row in rows] == [(2, "A"), (4, "B")]


def test_a_quoted_cell_over_two_lines_keeps_later_line_numbers_right():
    rows = read_csv(b'name,roles\n"Deux\nlignes",x\nC,y\n', required=REQUIRED, optional=OPTIONAL)
    assert [row.line for row in rows] == [2, 4]


def test_semicolon_files_from_french_spreadsheets_are_read():
    rows = read_csv("name;siret\nÉcole;123\n".encode(), required=REQUIRED, optional=OPTIONAL)
    assert rows[0].values == {"name": "École", "siret": "123"}


def test_byte_order_mark_is_ignored():
    rows = read_csv("\ufeffname\nA\n".encode(), required=REQUIRED, optional=OPTIONAL)
    assert rows[0].values == {"name": "A"}


def test_missing_and_unknown_columns_are_named():
    with pytest.raises(FileRejected) as error:
        read_csv(b"nom,roles,colour\nA,b,c\n", required=REQUIRED, optional=OPTIONAL)
    message = str(error.value)
    assert "colonnes obligatoires absentes : name" in message
    assert "colonnes inconnues : nom, colour" in message


def test_a_file_not_in_utf8_is_refused_with_the_line():
    with pytest.raises(FileRejected, match="pas encodé en UTF-8.*ligne 3"):
        read_csv("name\nA\nCafé\n".encode("cp1252"), required=REQUIRED)


def test_a_file_too_large_is_refused_before_reading():
    with pytest.raises(FileRejected, match="Mo"):
        read_csv(b"name\n" + b"x" * MAX_FILE_BYTES, required=REQUIRED)


def test_an_empty_file_is_refused():
    with pytest.raises(FileRejected, match="vide"):
        read_csv(b"", required=REQUIRED)


def test_a_row_with_too_many_cells_is_flagged_not_dropped():
    rows = read_csv(b"name,roles\nA,b,c\n", required=REQUIRED, optional=OPTIONAL)
    assert "trop de cellules" in rows[0].problem


def test_split_list_drops_blanks():
    assert split_list(" a | |b|") == ["a", "b"]
