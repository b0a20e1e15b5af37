import pytest
from hypothesis import given, strategies as st

from essaim.organisations.siret import InvalidIdentifier, validate_siren, validate_siret


def luhn_complete(digits: str) -> str:
    """Append the Luhn check digit."""
    for check in "0123456789":
        candidate = digits + check
        total = 0
        for position, char in enumerate(reversed(candidate)):
            value = int(char) * (2 if position % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def test_a_real_siret_is_accepted_and_spaces_are_dropped():
    assert validate_siret("732 829 320 00074") == "73282932000074"


def test_a_wrong_key_is_refused_in_french():
    with pytest.raises(InvalidIdentifier, match="clé de contrôle est fausse"):
        validate_siret("73282932000075")


def test_wrong_length_says_how_many_digits_were_typed():
    with pytest.raises(InvalidIdentifier, match="14 chiffres \\(9 saisis\\)"):
        validate_siret("732829320")


def test_letters_are_refused():
    with pytest.raises(InvalidIdentifier, match="que des chiffres"):
        validate_siret("7328293200007A")


def test_la_poste_establishments_follow_the_sum_of_digits_rule():
    # Not a valid Luhn key, but the digits add up to a multiple of 5: La Poste's rule.
    assert validate_siret("35600000049837") == "35600000049837"
    with pytest.raises(InvalidIdentifier):
        validate_siret("35600000049838")


def test_siren_is_checked_too():
    assert validate_siren("732829320") == "732829320"
    with pytest.raises(InvalidIdentifier):
        validate_siren("732829321")


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
)
def test_any_number_with_valid_keys_passes(siren_body, establishment):
    siren = luhn_complete(siren_body)
    if siren.startswith("356000000"):
        return
    siret = luhn_complete(siren + establishment)
    assert validate_siret(siret) == siret


@given(st.text(alphabet="0123456789", min_size=13, max_size=13), st.integers(0, 13), st.integers(1, 9))
def test_changing_one_digit_breaks_the_key(body, position, shift):
    siret = luhn_complete(body)
    if siret.startswith("356000000"):
        return
    altered = siret[:position] + str((int(siret[position]) + shift) % 10) + siret[position + 1 :]
    with pytest.raises(InvalidIdentifier):
        validate_siret(altered)
