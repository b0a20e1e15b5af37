"""Every import command of the project, fed any bytes or hostile but well-formed files, ends in a
clean import or in French errors with their lines, never in a traceback, and writes nothing when
it reports an error.

The commands covered: `import_offers` (CSV and XLSX), `import_organisations` (CSV),
`import_places` (CSV) and `load_strategy` (YAML). A new import command joins `IMPORTS` below.
Examples are derandomised and bounded so that the run is short and the same on every machine, on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

from essaim.catalog.importing import EXPORT_COLUMNS, REQUIRED_COLUMNS as OFFER_REQUIRED, offers_import
from essaim.core.imports import FileRejected, ImportReport, read_csv, read_xlsx
from essaim.organisations.services import (
    OPTIONAL_COLUMNS as ORGANISATION_OPTIONAL,
    REQUIRED_COLUMNS as ORGANISATION_REQUIRED,
    organisations_import,
)
from essaim.places.importing import (
    OPTIONAL_COLUMNS as PLACE_OPTIONAL,
    REQUIRED_COLUMNS as PLACE_REQUIRED,
    places_import,
)
from essaim.strategy.loading import load_strategy_file
from tests.organisations.factories import OrganisationFactory
from tests.strategy.factories import SAMPLE_FILE

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What the probe of the platform sent, and what spreadsheets and word processors leave in cells.
HOSTILE_CELLS = [
    "",
    " ",
    "²",
    "٣",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "inf",
    "1 200",
    "\x00",
    "a\x00b",
    "\x0b",
    "ligne\x0bsuivante",
    "\ud83d\ude00",
    "🙂",
    "=1+1",
    "-2+3",
    "@SUM(A1)",
    "'; DROP TABLE offers; --",
    "x" * 301,
    "y" * 10_000,
    "2020-02-30",
    "0000-01-01",
    "9999-12-31",
    "2026-01-01",
    "oui",
    "|",
    ":",
    "france",
    "region:52",
    "departement:44",
    "commune:44109",
    "commune:1004",
    "commune:²",
    "epci:244400404",
    "44109",
    "1004",
    "2A004",
    "garantie",
    "association",
    "financeur",
    "published",
    "draft",
    "gratuit",
    "agrement_esus:oui",
    "https://exemple.org/" + "a" * 300,
    "exemple.org",
    "a@" + "b" * 260 + ".fr",
    "contact@exemple.org",
    "73282932000074",
    "9220",
    "38.32Z",
]


# What each kind of column is most likely to choke on.
HOSTILE_BY_COLUMN = {
    **dict.fromkeys(
        [
            "amount_min",
            "amount_max",
            "min_years",
            "max_years",
            "min_employees",
            "max_employees",
            "review_every_months",
        ],
        ["²", "٣", "99999999999999999999999", "2147483648", "-1", "1e309", "NaN", "1 200", "12,5"],
    ),
    **dict.fromkeys(["opens_on", "deadline"], ["2020-02-30", "0000-01-01", "9999-12-31", "0001-01-01", "2026-1-1"]),
    **dict.fromkeys(
        ["url", "application_url", "website"],
        ["https://exemple.org/" + "a" * 300, "javascript:alert(1)", "exemple.org/" + "a" * 190, "http://[::1"],
    ),
    **dict.fromkeys(["contact_email", "email"], ["a@" + "b" * 260 + ".fr", "a" * 70 + "@exemple.org", "@"]),
    "territories": ["commune:1004", "commune:²", "commune:" + "9" * 30, "region:", "france:52", "departement:2A"],
    "commune_code": ["1004", "²004", "2a004", "9" * 30, "0", "-1"],
    "siret": ["²" * 14, "7" * 30, "73282932000075"],
    "operator_siret": ["²" * 14, "7" * 30, "73282932000075", "73282932000074"],
    "member_sirets": ["73282932000074|73282932000074", "|", "7" * 30, "²" * 14],
    **dict.fromkeys(
        ["latitude", "longitude"],
        ["47,2", "-1.55", "1e309", "NaN", "-0", "999", "٤٧", "47.2°", "99999999999999999999999"],
    ),
    "updated_on": ["2020-02-30", "0000-01-01", "9999-12-31", "31/12/2199", "01/01/2026"],
    "kind": ["ptce", "Tiers-lieu", "musée"],
    "subtype": ["fablab", "Cuisine partagée", "sauna"],
    "external_id": ["e" * 101, "x"],
    "parent_external_id": ["e" * 101, "fa-garantie-0", "fa-garantie-1"],
    "operator_name": ["o" * 201],
    "contact_phone": ["0" * 31],
    "required_answers": ["agrement_esus:", ":oui", "agrement_esus:oui|agrement_esus:non"],
}


def cells(column: str = "") -> st.SearchStrategy[str]:
    specific = HOSTILE_BY_COLUMN.get(column, [])
    general = st.one_of(st.sampled_from(HOSTILE_CELLS), st.text(max_size=40))
    return st.one_of(st.sampled_from(specific), general) if specific else general


def csv_bytes(header: list[str], rows: list[list[str]], delimiter: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8", errors="surrogatepass")


def xlsx_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        # openpyxl cannot write control characters at all: a real workbook never holds them.
        sheet.append([_writable(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _writable(cell: Any) -> Any:
    if isinstance(cell, str):
        text = "".join(char for char in cell if char >= " " or char in "\t\n\r")
        return text.encode("utf-8", errors="replace").decode("utf-8")
    return cell


@dataclass(frozen=True)
class TableImport:
    required: list[str]
    optional: list[str]
    service: Callable[..., ImportReport]


OFFERS = TableImport(OFFER_REQUIRED, [c for c in EXPORT_COLUMNS if c not in OFFER_REQUIRED], offers_import)
ORGANISATIONS = TableImport(ORGANISATION_REQUIRED, ORGANISATION_OPTIONAL, organisations_import)
PLACES = TableImport(PLACE_REQUIRED, PLACE_OPTIONAL, places_import)


WATCHED = [
    "accounts.User",
    "catalog.Offer",
    "catalog.OfferTerritory",
    "core.HistoryEntry",
    "organisations.Organisation",
    "places.Place",
    "strategy.Strategy",
    "strategy.StrategyNode",
    "strategy.Action",
    "strategy.Indicator",
    "strategy.Body",
]


def counts() -> dict[str, int]:
    """How many rows the models that imports write hold."""
    return {label: apps.get_model(label)._default_manager.count() for label in WATCHED}


@contextmanager
def rolled_back() -> Iterator[None]:
    """Each example starts from the same database: what a clean import wrote is rolled back."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def assert_clean_or_french_errors(report: ImportReport, before: dict[str, int], *, first_line: int) -> None:
    if report.ok:
        return
    for error in report.errors:
        assert error.line >= first_line, error
        assert error.message and error.message[0] != " ", error
        assert "Traceback" not in error.message and "Error" not in error.message, error
    assert counts() == before, "an import that reported errors wrote something"


def run_table_import(table: TableImport, read: Callable[..., Any], data: bytes) -> None:
    with rolled_back():
        before = counts()
        try:
            rows = read(data, required=table.required, optional=table.optional)
        except FileRejected as refused:
            assert str(refused)
            return
        report = table.service(rows=rows, dry_run=False)
        assert_clean_or_french_errors(report, before, first_line=1)


@pytest.fixture
def directory(region):
    """What the sample strategy file names: its région and the CRESS."""
    OrganisationFactory(name="CRESS de test")
    return region


@pytest.fixture
def referentials(directory, roles, taxonomies):
    """Everything every import checks its rows against."""
    return directory


# -- any bytes ---------------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_given_to_a_table_import_end_in_a_clean_import_or_french_errors(referentials, data):
    for table in (OFFERS, ORGANISATIONS, PLACES):
        run_table_import(table, read_csv, data)
        run_table_import(table, read_xlsx, data)


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_given_to_each_import_command_end_in_its_summary_or_a_french_error(referentials, tmp_path, data):
    commands = [
        ("import_offers", "offres.csv"),
        ("import_organisations", "structures.csv"),
        ("import_places", "lieux.csv"),
        ("load_strategy", "s.yaml"),
    ]
    for command, name in commands:
        path: Path = tmp_path / name
        path.write_bytes(data)
        with rolled_back():
            before = counts()
            try:
                call_command(command, str(path), stdout=io.StringIO(), stderr=io.StringIO())
            except CommandError as refused:
                assert str(refused)
                assert counts() == before


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_given_as_a_strategy_file_ends_in_a_clean_load_or_french_errors(directory, text):
    with rolled_back():
        before = counts()
        report = load_strategy_file(text=text)
        assert_clean_or_french_errors(report, before, first_line=0)


# -- well-formed files with hostile cells ------------------------------------------------------


# A row each import takes as it is: a hostile cell in it is the only reason to refuse it.
VALID_OFFER = {
    "external_id": "fa-garantie",
    "title": "Garantir son prêt bancaire",
    "summary": "Une garantie sur le prêt des structures de l'ESS.",
    "operator_name": "France Active Pays de la Loire",
    "offer_types": "garantie",
    "territories": "region:52",
    "contact_email": "garantie@essaim-demo.example",
}
VALID_STRUCTURE = {
    "name": "Recyclerie du Sillon",
    "siret": "73282932000074",
    "legal_category": "9220",
    "ess_family": "association",
    "naf_code": "38.32Z",
    "commune_code": "44109",
    "website": "recyclerie.example",
    "roles": "entreprise_ess",
}


def mutated_rows(
    data: st.DataObject,
    header: list[str],
    valid: dict[str, str],
    hostile: Callable[[str], st.SearchStrategy[Any]],
    *,
    most: int = 1,
) -> list[list[Any]]:
    """Up to `most` valid rows (their first cells told apart), one to three of whose cells are
    replaced by hostile values."""
    rows = []
    for number in range(data.draw(st.integers(min_value=1, max_value=most))):
        row: list[Any] = [valid.get(column, "") for column in header]
        row[0] = f"{row[0]}-{number}"
        for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
            index = data.draw(st.integers(min_value=0, max_value=len(header) - 1))
            row[index] = data.draw(hostile(header[index]))
        rows.append(row)
    return rows


@FUZZ
@given(st.data())
def test_offer_files_with_hostile_cells_end_in_a_clean_import_or_french_errors(referentials, data):
    rows = mutated_rows(data, EXPORT_COLUMNS, VALID_OFFER, cells, most=3)
    delimiter = data.draw(st.sampled_from([",", ";"]))
    run_table_import(OFFERS, read_csv, csv_bytes(EXPORT_COLUMNS, rows, delimiter))


@FUZZ
@given(st.data())
def test_offer_workbooks_with_hostile_cells_end_in_a_clean_import_or_french_errors(referentials, data):
    numbers = st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.datetimes(),
    )
    rows = mutated_rows(data, EXPORT_COLUMNS, VALID_OFFER, lambda column: st.one_of(cells(column), numbers), most=2)
    run_table_import(OFFERS, read_xlsx, xlsx_bytes(EXPORT_COLUMNS, rows))


@FUZZ
@given(st.data())
def test_structure_files_with_hostile_cells_end_in_a_clean_import_or_french_errors(referentials, data):
    header = ORGANISATION_REQUIRED + ORGANISATION_OPTIONAL
    rows = mutated_rows(data, header, VALID_STRUCTURE, cells)
    run_table_import(ORGANISATIONS, read_csv, csv_bytes(header, rows, data.draw(st.sampled_from([",", ";"]))))


VALID_PLACE = {
    "kind": "tiers_lieu",
    "subtype": "coworking",
    "name": "Le Solilab",
    "commune_code": "44109",
    "latitude": "47.2017",
    "longitude": "-1.5703",
    "operator_siret": "73282932000074",
    "website": "lieuxcommuns.coop",
    "source": "https://lieuxcommuns.coop",
    "updated_on": "2026-01-15",
}


@pytest.fixture
def place_operator(referentials):
    """The structure the valid place row names as its operator."""
    return OrganisationFactory(name="Lieux Communs", siret="73282932000074")


@FUZZ
@given(st.data())
def test_place_files_with_hostile_cells_end_in_a_clean_import_or_french_errors(place_operator, data):
    header = PLACE_REQUIRED + PLACE_OPTIONAL
    rows = mutated_rows(data, header, VALID_PLACE, cells, most=2)
    run_table_import(PLACES, read_csv, csv_bytes(header, rows, data.draw(st.sampled_from([",", ";"]))))


# What a YAML value can be that a strategy file never holds.
HOSTILE_SCALARS = [
    "2020-02-30",
    "0000-01-01",
    "9999-12-31",
    "2020-01-01 25:61:00",
    "!!timestamp 2020-13-45",
    '"\\0"',
    '"a\\x0bb"',
    "99999999999999999999999",
    "-1",
    "1e400",
    ".inf",
    ".nan",
    "~",
    "[]",
    "{}",
    "[[[[[[[[[[]]]]]]]]]]",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!python/object:os.system",
    "&ancre valeur",
    "*ancre",
    "x" * 400,
    "a@" + "b" * 260 + ".fr",
    '"1.1.1"',
    "true",
    "12,5 %",
    "? [a, b]",
    "{a: 1, a: 2}",
    "|\n  bloc",
    "🙂",
]


@FUZZ
@given(st.data())
def test_strategy_files_with_hostile_values_end_in_a_clean_load_or_french_errors(directory, data):
    lines = SAMPLE_FILE.splitlines()
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        index = data.draw(st.sampled_from([i for i, text in enumerate(lines) if ": " in text]))
        key, _, _value = lines[index].partition(": ")
        value = data.draw(st.one_of(st.sampled_from(HOSTILE_SCALARS), st.text(max_size=20)))
        lines[index] = f"{key}: {value}"
    with rolled_back():
        before = counts()
        report = load_strategy_file(text="\n".join(lines) + "\n")
        assert_clean_or_french_errors(report, before, first_line=0)
