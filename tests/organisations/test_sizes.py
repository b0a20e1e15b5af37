"""INSEE's headcount bands fall into the four groups statistics use."""

import pytest

from essaim.organisations.sizes import HEADCOUNT_BANDS, SIZE_GROUPS, size_group


@pytest.mark.parametrize(
    ("band", "group"),
    [
        ("NN", "sans_salarie"),
        ("00", "moins_de_10"),
        ("03", "moins_de_10"),
        ("11", "de_10_a_49"),
        ("31", "de_50_a_249"),
        ("32", "250_et_plus"),
        ("53", "250_et_plus"),
        ("", None),
        ("99", None),
    ],
)
def test_each_band_has_its_group(band, group):
    assert size_group(band) == group


def test_every_insee_band_is_in_a_known_group():
    groups = {value for value, _label in SIZE_GROUPS}
    assert all(size_group(band) in groups for band, _label in HEADCOUNT_BANDS)
