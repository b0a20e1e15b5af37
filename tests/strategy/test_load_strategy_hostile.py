"""A strategy file that no loader could store is refused with the line of each problem, on every
database, before anything is written."""

import pytest

from essaim.strategy.loading import load_strategy_file
from essaim.strategy.models import Strategy
from essaim.strategy.strategy_file import parse
from tests.organisations.factories import OrganisationFactory
from tests.strategy.factories import SAMPLE_FILE


@pytest.fixture
def directory(region):
    return OrganisationFactory(name="CRESS de test")


def line_of(text: str) -> int:
    return SAMPLE_FILE.splitlines().index(text) + 1


def messages(text):
    return [str(error) for error in parse(text)[1]]


def test_a_date_that_no_calendar_has_is_an_error_of_its_line():
    text = SAMPLE_FILE.replace("starts_on: 2017-09-01", "starts_on: 2020-02-30").replace(
        "ends_on: 2018-12-31", "ends_on: 0000-01-01"
    )
    assert messages(text) == [
        f"ligne {line_of('            starts_on: 2017-09-01')} : « 2020-02-30 » n'est pas une date : écrivez AAAA-MM-JJ.",
        f"ligne {line_of('            ends_on: 2018-12-31')} : « 0000-01-01 » n'est pas une date : écrivez AAAA-MM-JJ.",
    ]


def test_a_date_in_an_implausible_year_is_an_error_of_its_line():
    text = SAMPLE_FILE.replace("ends_on: 2018-12-31", "ends_on: 9999-12-31")
    assert messages(text) == [
        f"ligne {line_of('            ends_on: 2018-12-31')} : « ends_on » : 9999-12-31 est hors des années 1900 à 2199."
    ]


def test_blocks_nested_a_thousand_levels_deep_are_refused_in_french():
    assert messages("strategy: " + "[" * 1500) == [
        "le fichier imbrique trop de blocs les uns dans les autres : ce n'est pas un fichier de stratégie."
    ]


def test_a_nul_written_as_an_escape_is_an_error_of_its_line():
    text = SAMPLE_FILE.replace("title: Mieux orienter", 'title: "Mieux\\0 orienter"')
    assert messages(text) == [
        f"ligne {line_of('        title: Mieux orienter')} : « title » contient un caractère nul (\\0), interdit."
    ]


def test_a_nul_character_in_the_file_itself_is_an_error_of_its_line():
    text = SAMPLE_FILE.replace("title: Mieux orienter", "title: Mieux\0 orienter")
    assert messages(text) == [
        f"ligne {line_of('        title: Mieux orienter')} : caractère interdit dans un fichier YAML (U+0000)."
    ]


def test_values_longer_or_larger_than_their_columns_are_errors_of_their_lines_and_nothing_is_written(directory):
    long_email = "referente@" + ".".join(["sous-domaine-assez-long-pour-compter"] * 7) + ".example"
    text = (
        SAMPLE_FILE.replace('code: "1.1.2"', 'code: "1.1.2-un-code-bien-trop-long"')
        .replace("leads: [referente@example.org]", f"leads: [{long_email}]")
        .replace("{year: 2018,", "{year: 99999,")
    )
    report = load_strategy_file(text=text)
    second_action = line_of('          - code: "1.1.2"')
    first_action = line_of('          - code: "1.1.1"')
    leads, budget = first_action + 4, first_action + 13
    assert sorted(str(error) for error in report.errors) == sorted(
        [
            f"ligne {second_action} : « code » : 20 caractères au plus (ici 28).",
            f"ligne {budget} : « year » : nombre hors des limites (0 à 32767).",
            f"ligne {leads} : « email » : 254 caractères au plus (ici {len(long_email)}).",
        ]
    )
    assert not Strategy.objects.exists()
