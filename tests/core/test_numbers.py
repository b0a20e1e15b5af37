"""One parser for the figures people type, in every module: French or English notation, the
value's own unit allowed, the column's limits kept, a French message for anything else."""

from decimal import Decimal

import pytest

from essaim.core.numbers import NumberInputError, parse_decimal


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("12,5", "", "12.5"),
        ("1 200", "", "1200"),
        ("1\u202f200,25", "", "1200.25"),
        ("12.5 %", "%", "12.5"),
        ("-3", "", "-3"),
        ("0000012", "", "12"),
    ],
)
def test_a_figure_is_read_the_french_or_the_english_way(text, unit, expected):
    assert parse_decimal(text, unit, integer_digits=4, decimals=2) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Indiquez une valeur."),
        ("douze", "« douze » n'est pas un nombre."),
        ("12 €", "Unité « € » inattendue"),
        ("12345", "est trop long : 4 chiffres avant la virgule et 2 après, au plus."),
        ("1,234", "est trop long"),
        ("9" * 5000, "« 999999999999999999999999999999… » est trop long pour un nombre (40 caractères au plus)."),
        ("1" + " " * 60 + "x", "est trop long pour un nombre"),
    ],
)
def test_anything_else_gets_a_french_message_that_never_repeats_a_huge_text(text, message):
    with pytest.raises(NumberInputError) as refused:
        parse_decimal(text, "%", integer_digits=4, decimals=2)
    assert message in str(refused.value) and len(str(refused.value)) < 200
