"""The ESS perimeter's rules on hand-made rows: family by legal category or INSEE's flag, active
establishments outside the excluded activities, employer by flag or band, former commune codes,
partial diffusion, and head counts as ranges."""

import pytest

from essaim.observatory.perimeter import (
    band_is_known,
    commune_of,
    employees_range,
    establishment_in_perimeter,
    is_employer,
)
from essaim.observatory.sectors import ess_sector, section
from tests.observatory.rows import RULES, establishment, unit

COMMUNES = frozenset({"44109", "75056", "49050"})
ALIASES = {"75101": "75056", "49001": "49050"}


def counted(unit_row, **fields):  # type: ignore[no-untyped-def]
    return establishment_in_perimeter(
        RULES,
        unit=unit_row,
        establishment=establishment(unit_row["siren"], "00011", **fields),
        aliases=ALIASES,
        communes=COMMUNES,
    )


@pytest.mark.parametrize(
    ("cj", "flag", "family"),
    [
        ("9220", "", "association"),
        ("9300", "N", "fondation"),  # the category decides; the flag does not take it out
        ("5458", "", "cooperative"),
        ("5710", "O", "societe_commerciale_ess"),
        ("5710", "o", "societe_commerciale_ess"),
        ("5710", "N", None),
        ("1000", "", None),
        ("", "", None),
    ],
)
def test_a_unit_is_in_the_ess_by_its_category_or_by_inseess_flag(cj, flag, family):
    assert RULES.unit_family(cj, flag) == family


@pytest.mark.parametrize(
    ("naf", "excluded"),
    [
        ("84.11Z", True),
        ("84.30C", True),
        ("94.91Z", True),
        ("94.92Z", True),
        ("94.20Z", True),
        ("94.11Z", True),
        ("94.99Z", False),
        ("94.12Z", False),
        ("88.10A", False),
        ("", False),
    ],
)
def test_excluded_activities_by_code_or_division(naf, excluded):
    assert RULES.activity_excluded(naf) is excluded


def test_a_closed_or_excluded_establishment_does_not_count_and_a_hidden_one_counts_unlisted():
    association = unit("100000001", "9220")
    assert counted(association, etatAdministratifEtablissement="F") is None
    assert counted(association, activitePrincipaleEtablissement="94.91Z") is None
    hidden = counted(association, statutDiffusionEtablissement="P")
    assert hidden is not None and hidden.diffusible is False


@pytest.mark.parametrize(
    ("flag", "band", "employer"),
    [
        ("O", "", True),
        ("N", "01", True),
        ("N", "00", True),
        ("", "53", True),
        ("N", "NN", False),
        ("N", "", False),
        ("N", "99", False),
        ("O", "NN", True),
    ],
)
def test_an_employer_by_insees_character_or_a_band_of_the_list(flag, band, employer):
    assert is_employer(flag, band) is employer


def test_former_codes_and_arrondissements_count_for_their_commune():
    assert commune_of("75101", ALIASES, COMMUNES) == "75056"
    assert commune_of("49001", ALIASES, COMMUNES) == "49050"
    assert commune_of("44109", ALIASES, COMMUNES) == "44109"
    assert commune_of("", ALIASES, COMMUNES) is None
    assert commune_of("99999", ALIASES, COMMUNES) is None


def test_bands_known_and_unknown():
    assert band_is_known("NN") and band_is_known("") and band_is_known("42")
    assert not band_is_known("99")


def test_head_counts_are_a_range_from_the_bands_never_one_number():
    assert employees_range({"01": 1, "11": 1, "NN": 4, "99": 2}) == (11, 21)
    assert employees_range({"01": 3, "12": 2}) == (43, 104)
    assert employees_range({"53": 1, "00": 5}) == (10000, None)
    assert employees_range({}) == (0, 0)


@pytest.mark.parametrize(
    ("naf", "letter", "sector"),
    [
        ("88.10A", "Q", "action_sociale"),
        ("86.10Z", "Q", "sante"),
        ("01.11Z", "A", "agriculture"),
        ("94.99Z", "S", "organisations"),
        ("64.19Z", "K", "finance_assurance"),
        ("93.12Z", "R", "sport_loisirs"),
        ("", "inconnu", "autres"),
        ("xx", "inconnu", "autres"),
    ],
)
def test_sections_and_ess_sectors_from_a_naf_code(naf, letter, sector):
    assert section(naf) == letter and ess_sector(naf) == sector
