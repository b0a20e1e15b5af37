import pytest
from django.core.management import CommandError, call_command

from essaim.core.imports import read_csv
from essaim.organisations.models import Organisation
from essaim.organisations.services import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, organisations_import

pytestmark = pytest.mark.django_db

HEADER = "name,siret,legal_category,ess_family,naf_code,commune_code,address,website,email,phone,description,roles\n"
GOOD = (
    HEADER
    + "Recyclerie du Sillon,73282932000074,9220,association,38.32Z,44109,3 rue du Port,recyclerie.example,,02 40 00 00 00,"
    + "Collecte et revend des objets.,entreprise_ess\n"
    + "Incubateur des Mauges,,9220,association,,49007,,,,,Accompagne les projets.,operateur_accompagnement|financeur\n"
)


def rows(text: str):
    return read_csv(text.encode(), required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)


def test_a_valid_file_creates_every_structure_with_its_roles(region, roles):
    report = organisations_import(rows=rows(GOOD))
    assert report.ok and report.created == 2
    recyclerie = Organisation.objects.get(siret="73282932000074")
    assert recyclerie.siren == "732829320"
    assert recyclerie.commune == region.nantes
    assert recyclerie.website == "https://recyclerie.example"
    assert list(recyclerie.roles.values_list("slug", flat=True)) == ["entreprise_ess"]
    incubator = Organisation.objects.get(name="Incubateur des Mauges")
    assert set(incubator.roles.values_list("slug", flat=True)) == {"operateur_accompagnement", "financeur"}
    assert incubator.slug == "incubateur-des-mauges"


def test_importing_the_same_file_again_updates_instead_of_duplicating(region, roles):
    organisations_import(rows=rows(GOOD))
    report = organisations_import(rows=rows(GOOD.replace("Collecte et revend", "Collecte répare et revend")))
    assert report.ok
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert Organisation.objects.count() == 2
    assert Organisation.objects.get(siret="73282932000074").description.startswith("Collecte répare")


def test_one_bad_row_writes_nothing_and_every_error_names_its_line(region, roles):
    bad = GOOD + "Ferme solidaire,73282932000075,,association,,44109,,,,,,entreprise_ess\n"
    bad += "Café associatif,,12,inconnue,8899B,99999,,,pas-un-email,,,licorne\n"
    report = organisations_import(rows=rows(bad))
    assert Organisation.objects.count() == 0
    messages = [str(error) for error in report.errors]
    assert any(m.startswith("ligne 4 : siret : Ce numéro SIRET n'existe pas") for m in messages)
    line_5 = " ".join(m for m in messages if m.startswith("ligne 5"))
    for expected in [
        "legal_category",
        "ess_family",
        "naf_code",
        "« 99999 »",
        "email",
        "rôle inconnu : licorne",
    ]:
        assert expected in line_5


def test_the_same_structure_twice_in_a_file_is_refused(region, roles):
    report = organisations_import(rows=rows(GOOD + GOOD.splitlines()[1] + "\n"))
    assert [str(error) for error in report.errors] == ["ligne 4 : cette structure figure déjà à la ligne 2."]


def test_a_missing_name_is_reported(region, roles):
    report = organisations_import(rows=rows(HEADER + ",,,,,44109,,,,,,\n"))
    assert str(report.errors[0]).startswith("ligne 2 : name : Ce champ est obligatoire")


def test_dry_run_counts_without_writing(region, roles):
    report = organisations_import(rows=rows(GOOD), dry_run=True)
    assert report.created == 2
    assert report.summary().startswith("2 structures seraient créées")
    assert Organisation.objects.count() == 0


def test_command_reports_errors_and_fails_without_writing(region, roles, tmp_path, capsys):
    path = tmp_path / "structures.csv"
    path.write_text(GOOD + "Sans commune,,,association,,00000,,,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="^1 erreur dans structures.csv : rien n'a été importé"):
        call_command("import_organisations", str(path))
    assert "ligne 4 : commune_code" in capsys.readouterr().err
    assert Organisation.objects.count() == 0


def test_command_refuses_a_file_in_the_wrong_encoding(region, roles, tmp_path):
    path = tmp_path / "structures.csv"
    path.write_bytes(GOOD.replace("Sillon", "Sillôn").encode("cp1252"))
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_organisations", str(path))


def test_command_refuses_wrong_columns(region, roles, tmp_path):
    path = tmp_path / "structures.csv"
    path.write_text("nom,ville\nA,Nantes\n", encoding="utf-8")
    with pytest.raises(CommandError, match="colonnes obligatoires absentes : name"):
        call_command("import_organisations", str(path))


def test_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="n'existe pas"):
        call_command("import_organisations", str(tmp_path / "absent.csv"))


def test_command_refuses_a_huge_file_before_reading_it(tmp_path, settings):
    path = tmp_path / "enorme.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError, match="50.0 Mo"):
        call_command("import_organisations", str(path))


def test_command_dry_run_says_so(region, roles, tmp_path, capsys):
    path = tmp_path / "structures.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_organisations", str(path), "--dry-run")
    assert "Simulation, rien n'est enregistré : 2 lignes lues. 2 structures seraient créées" in capsys.readouterr().out
    assert Organisation.objects.count() == 0


def test_roles_listed_in_another_order_are_not_a_change(region, roles):
    organisations_import(rows=rows(GOOD))
    report = organisations_import(
        rows=rows(GOOD.replace("operateur_accompagnement|financeur", "financeur|operateur_accompagnement"))
    )
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


@pytest.fixture
def amberieu(region):
    from essaim.territories.models import Departement, Region
    from tests.territories.factories import _commune

    ain = Departement.objects.create(
        code="01", name="Ain", search_name="ain", region=Region.objects.create(code="84", name="ARA", search_name="ara")
    )
    return _commune("01004", "Ambérieu-en-Bugey", ain, 14_000)


def test_a_commune_code_that_lost_its_leading_zero_is_the_same_commune(region, roles, amberieu):
    text = HEADER + "Atelier du Bugey,,,,,01004,,,,,,\nAtelier du Bugey,,,,,1004,,,,,,\n"
    report = organisations_import(rows=rows(text))
    assert [str(error) for error in report.errors] == ["ligne 3 : cette structure figure déjà à la ligne 2."]
    assert not Organisation.objects.exists()


def test_a_commune_code_read_as_a_number_by_a_spreadsheet_updates_the_structure_already_there(region, roles, amberieu):
    organisations_import(rows=rows(HEADER + "Atelier du Bugey,,,,,01004,,,,,,\n"))
    report = organisations_import(rows=rows(HEADER + "Atelier du Bugey,,,,,1004,,,,,Répare.,\n"))
    assert report.ok and (report.created, report.updated) == (0, 1)
    assert Organisation.objects.get().commune == amberieu


def test_corsican_and_non_ascii_commune_codes_are_read_without_a_traceback(region, roles):
    report = organisations_import(rows=rows(HEADER + "A,,,,,2a004,,,,,,\nB,,,,,²004,,,,,,\n"))
    assert [str(error) for error in report.errors] == [
        "ligne 2 : commune_code : aucune commune n'a le code INSEE « 2A004 ».",
        "ligne 3 : commune_code : aucune commune n'a le code INSEE « ²004 ».",
    ]


def test_a_website_or_an_email_longer_than_its_column_is_an_error_of_its_line(region, roles):
    long_url = "https://recyclerie.example/" + "a" * 200
    report = organisations_import(rows=rows(HEADER + f"Recyclerie,,,,,,,{long_url},,,,\n"))
    assert [error.line for error in report.errors] == [2]
    assert "website" in str(report.errors[0])
    assert not Organisation.objects.exists()


def test_the_insee_headcount_band_is_imported_and_an_unknown_one_refused(region, roles):
    with_band = "name,commune_code,headcount_band\nRecyclerie du Sillon,44109,12\n"
    assert organisations_import(rows=rows(with_band)).ok
    assert Organisation.objects.get().get_headcount_band_display() == "20 à 49 salariés"
    assert organisations_import(rows=rows("name,commune_code,headcount_band\nRecyclerie du Sillon,44109,1\n")).ok
    assert Organisation.objects.get().headcount_band == "01"  # the zero a spreadsheet dropped
    report = organisations_import(rows=rows("name,headcount_band\nCafé associatif,7\n"))
    assert not report.ok and "ligne 2 : headcount_band" in str(report.errors[0])
