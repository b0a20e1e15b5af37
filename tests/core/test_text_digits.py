from essaim.core.text import MAX_ID, is_ascii_digits, parse_id, without_control_characters


def test_only_ascii_digits_are_digits():
    assert is_ascii_digits("0123456789")
    assert not any(is_ascii_digits(text) for text in ["²", "٣", "①", "", "1.5", "-1", " 1"])


def test_an_id_is_a_positive_number_a_database_can_store():
    assert parse_id(" 42 ") == 42
    assert parse_id(str(MAX_ID)) == MAX_ID
    assert [parse_id(text) for text in ["0", "-1", "²", "", str(MAX_ID + 1), "9" * 23, "1" * 5000]] == [None] * 7


def test_control_characters_are_removed_and_tabs_and_line_breaks_kept():
    assert without_control_characters("a\x0bb\x0c\x00\x1f\x7f\x80\x9fc\t\n\r") == "a\nb\nc\t\n\r"
