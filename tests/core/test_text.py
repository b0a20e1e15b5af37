from hypothesis import given, strategies as st

from essaim.core.text import fold


def test_fold_ignores_accents_case_and_punctuation():
    assert fold("Saint-Étienne-de-Montluc") == "saint etienne de montluc"
    assert fold("  L'ÎLE-D'YEU ") == "l ile d yeu"


def test_fold_spells_out_ligatures():
    assert fold("Cœur de Loire") == "coeur de loire"


@given(st.text())
def test_fold_is_idempotent_and_plain_ascii(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert all(char.isascii() for char in folded)
