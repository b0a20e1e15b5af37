import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from essaim.catalog.importing import EXPORT_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, offers_import
from essaim.catalog.models import Offer
from essaim.core.imports import read_csv, read_xlsx
from essaim.core.models import HistoryEntry
from essaim.organisations.models import Organisation

pytestmark = pytest.mark.django_db

HEADER = ",".join(EXPORT_COLUMNS) + "\n"


def line(**values: str) -> str:
    defaults = {
        "external_id": "fa-garantie",
        "title": "Garantir son prêt bancaire",
        "summary": "Une garantie sur le prêt des structures de l'ESS.",
        "operator_name": "France Active Pays de la Loire",
        "offer_types": "garantie",
        "territories": "region:52",
        "contact_email": "garantie@essaim-demo.example",
    }
    defaults.update(values)
    return ",".join(defaults.get(column, "") for column in EXPORT_COLUMNS) + "\n"


def rows(text: str):
    return read_csv(text.encode(), required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)


@pytest.fixture
def ready(region, roles, taxonomies):
    return region


def test_a_valid_file_creates_offers_with_their_constraints_and_operator(ready):
    text = HEADER + line(
        stages="creation|developpement",
        needs="financer_investissement",
        audiences="association|scop",
        territories="departement:44|commune:49007",
        amount_max="200000",
        deadline="2027-03-31",
        recurrence="ponctuelle",
        min_years="1",
        review_every_months="6",
        url="essaim-demo.example/garantie",
    )
    report = offers_import(rows=rows(text))
    assert report.ok and report.created == 1
    offer = Offer.objects.get(external_id="fa-garantie")
    assert offer.status == Offer.Status.PUBLISHED
    assert sorted(offer.stages.values_list("slug", flat=True)) == ["creation", "developpement"]
    assert sorted(territory.token for territory in offer.territories.all()) == ["commune:49007", "departement:44"]
    assert offer.territories.get(kind="departement").name == "Loire-Atlantique"
    assert offer.amount_max == 200_000 and offer.min_years == 1 and offer.review_every_months == 6
    assert offer.url == "https://essaim-demo.example/garantie"
    assert offer.deadline.isoformat() == "2027-03-31"
    operator = offer.operator
    assert operator.name == "France Active Pays de la Loire"
    assert list(operator.roles.values_list("slug", flat=True)) == ["financeur"]
    assert offer.history_entries.get().summary == "Création par import"
    assert " garant" in offer.search_document


def test_reimporting_an_external_id_updates_and_records_what_changed(ready):
    offers_import(rows=rows(HEADER + line()))
    report = offers_import(rows=rows(HEADER + line(title="Garantir un prêt bancaire solidaire")))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    offer = Offer.objects.get()
    assert offer.title == "Garantir un prêt bancaire solidaire"
    revision = offer.history_entries.first()
    assert revision.changes["title"] == ["Garantir son prêt bancaire", "Garantir un prêt bancaire solidaire"]
    again = offers_import(rows=rows(HEADER + line(title="Garantir un prêt bancaire solidaire")))
    assert again.unchanged == 1
    assert HistoryEntry.objects.count() == 2


def test_one_bad_row_writes_nothing_and_names_each_problem_with_its_line(ready):
    text = HEADER + line()
    text += line(external_id="x2", offer_types="licorne", territories="departement:99|planete:mars", fees="cher")
    text += line(
        external_id="x3", amount_min="5000", amount_max="100", deadline="31/12/2026", contact_email="pas-un-mail"
    )
    report = offers_import(rows=rows(text))
    assert Offer.objects.count() == 0 and Organisation.objects.count() == 0
    messages = [str(error) for error in report.errors]
    assert "ligne 3 : offer_types : identifiant inconnu : licorne." in messages
    assert any(m.startswith("ligne 3 : territories : aucun territoire « departement:99 »") for m in messages)
    assert any(m.startswith("ligne 3 : territories : « planete:mars » ne ressemble") for m in messages)
    assert any(m.startswith("ligne 3 : fees : « cher »") for m in messages)
    assert "ligne 4 : amount_min (5000) est supérieur à amount_max (100)." in messages
    assert any(m.startswith("ligne 4 : deadline : « 31/12/2026 » n'est pas une date") for m in messages)
    assert any(m.startswith("ligne 4 : contact_email") for m in messages)


def test_missing_required_values_and_duplicates_are_reported(ready):
    report = offers_import(rows=rows(HEADER + line(title="") + line()))
    assert [str(error) for error in report.errors] == [
        "ligne 2 : title : valeur obligatoire manquante.",
        "ligne 3 : external_id « fa-garantie » déjà utilisé à la ligne 2.",
    ]


def test_local_instances_point_to_their_generic_offer(ready):
    text = HEADER + line(external_id="dla-44", title="Le DLA de Loire-Atlantique", parent_external_id="dla")
    text += line(external_id="dla", title="Le dispositif local d'accompagnement", territories="france")
    assert offers_import(rows=rows(text)).ok
    generic = Offer.objects.get(external_id="dla")
    assert list(generic.instances.values_list("external_id", flat=True)) == ["dla-44"]
    bad = offers_import(rows=rows(HEADER + line(external_id="y", parent_external_id="inconnue")))
    assert "aucune offre « inconnue »" in str(bad.errors[0])


def test_dry_run_counts_exactly_and_writes_nothing(ready):
    offers_import(rows=rows(HEADER + line()))
    report = offers_import(rows=rows(HEADER + line() + line(external_id="new")), dry_run=True)
    assert (report.created, report.unchanged) == (1, 1)
    assert Offer.objects.count() == 1


def test_xlsx_files_are_read_like_csv(ready, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(EXPORT_COLUMNS)
    sheet.append(
        [
            {
                "external_id": "x",
                "title": "Tester son activité en CAE",
                "summary": "Résumé.",
                "operator_name": "CAE Ouest",
                "offer_types": "test_activite",
                "territories": "departement:44",
                "contact_phone": "02 40 00 00 00",
                "amount_max": 1500.0,
            }.get(c)
            for c in EXPORT_COLUMNS
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = read_xlsx(buffer.getvalue(), required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    assert parsed[0].line == 2 and parsed[0].values["amount_max"] == "1500"
    path = tmp_path / "offres.xlsx"
    path.write_bytes(buffer.getvalue())
    call_command("import_offers", str(path))
    assert Offer.objects.get().title == "Tester son activité en CAE"


def test_command_refuses_unknown_formats_and_reports_errors(ready, tmp_path, capsys):
    with pytest.raises(CommandError, match="Format non pris en charge"):
        call_command("import_offers", str(tmp_path / "offres.pdf"))
    path = tmp_path / "offres.csv"
    path.write_text(HEADER + line(stages="pas_une_etape"), encoding="utf-8")
    with pytest.raises(CommandError, match="rien n'a été importé"):
        call_command("import_offers", str(path))
    assert "ligne 2 : stages : identifiant inconnu : pas_une_etape." in capsys.readouterr().err


def test_required_answers_are_read_and_unknown_questions_refused(ready):
    text = (
        HEADER
        + line(required_answers="agrement_esus:oui|quartier_prioritaire:non")
        + line(external_id="b", required_answers="agrement_esus:peut-etre|inconnue:oui")
    )
    report = offers_import(rows=rows(text))
    assert [(error.line, error.message) for error in report.errors] == [
        (3, "required_answers : « agrement_esus:peut-etre » doit finir par :oui ou :non."),
        (3, "required_answers : aucune question d'affinage « inconnue »."),
    ]

    report = offers_import(rows=rows(HEADER + line(required_answers="agrement_esus:oui|quartier_prioritaire:non")))
    assert report.ok
    assert Offer.objects.get().required_answers == {"agrement_esus": True, "quartier_prioritaire": False}


def test_the_summary_agrees_with_offers_and_speaks_in_the_conditional_for_a_dry_run(ready):
    offers_import(rows=rows(HEADER + line()))
    report = offers_import(rows=rows(HEADER + line() + line(external_id="new")), dry_run=True)
    assert report.summary() == "1 offre serait créée, aucune mise à jour, 1 offre resterait inchangée."


def test_the_command_counts_lines_and_offers(ready, tmp_path, capsys):
    path = tmp_path / "offres.csv"
    path.write_text(HEADER + line(), encoding="utf-8")
    call_command("import_offers", str(path))
    assert "1 ligne lue. 1 offre a été créée, aucune mise à jour, aucune inchangée." in capsys.readouterr().out


def test_a_change_of_generic_offer_alone_is_an_update_with_its_history(ready):
    text = HEADER + line(external_id="dla", title="Le dispositif local d'accompagnement", territories="france")
    text += line(external_id="dla-44", title="Le DLA de Loire-Atlantique")
    offers_import(rows=rows(text))
    text = HEADER + line(external_id="dla", title="Le dispositif local d'accompagnement", territories="france")
    text += line(external_id="dla-44", title="Le DLA de Loire-Atlantique", parent_external_id="dla")
    report = offers_import(rows=rows(text))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    local = Offer.objects.get(external_id="dla-44")
    assert local.parent.external_id == "dla"
    assert local.history_entries.first().changes["parent_id"] == [None, local.parent_id]


def test_offers_naming_each_other_as_generic_offer_are_refused(ready):
    text = HEADER + line(external_id="a", parent_external_id="b") + line(external_id="b", parent_external_id="a")
    report = offers_import(rows=rows(text))
    assert not report.ok and Offer.objects.count() == 0
    assert "se désignent l'une l'autre" in str(report.errors[0])


def test_a_published_row_without_any_way_to_act_is_refused_with_its_line(ready):
    text = HEADER + line() + line(external_id="impasse", title="Une offre sans contact", contact_email="")
    report = offers_import(rows=rows(text))
    assert not report.ok and Offer.objects.count() == 0
    [error] = report.errors
    assert error.line == 3
    assert "status published : il manque un moyen d'agir" in error.message and "status draft" in error.message


def test_a_row_without_its_own_contact_is_published_when_its_known_operator_can_be_reached(ready):
    Organisation.objects.create(name="France Active Pays de la Loire", website="https://www.franceactive.example")
    assert offers_import(rows=rows(HEADER + line(contact_email=""))).ok
    draft = line(external_id="brouillon", contact_email="", operator_name="Inconnue", status="draft")
    assert offers_import(rows=rows(HEADER + draft)).ok


def test_digits_that_are_not_ascii_digits_are_an_error_of_their_line_not_a_traceback(ready):
    report = offers_import(rows=rows(HEADER + line() + line(external_id="b", amount_min="²")))
    assert [str(error) for error in report.errors] == [
        "ligne 3 : amount_min : « ² » n'est pas un nombre entier positif."
    ]
    assert not Offer.objects.exists()


def test_an_integer_beyond_its_column_is_an_error_of_its_line(ready):
    report = offers_import(rows=rows(HEADER + line(amount_max="12345678901234567890123")))
    assert [str(error) for error in report.errors] == [
        "ligne 2 : amount_max : nombre hors des limites (0 à 2147483647)."
    ]
    assert not Offer.objects.exists()


def test_a_link_or_an_address_longer_than_its_column_is_an_error_on_every_database(ready):
    long_url = "https://essaim-demo.example/" + "a" * 200
    long_email = "contact@" + ".".join(["sous-domaine-assez-long-pour-compter"] * 7) + ".example"
    assert len(long_email) > 254
    report = offers_import(rows=rows(HEADER + line(url=long_url) + line(external_id="b", contact_email=long_email)))
    messages = [str(error) for error in report.errors]
    assert "ligne 2 : url : 200 caractères au plus (ici 228)." in messages
    assert f"ligne 3 : contact_email : 254 caractères au plus (ici {len(long_email)})." in messages
    assert not Offer.objects.exists()


def test_a_nul_in_a_cell_is_an_error_naming_its_line_and_column(ready):
    report = offers_import(rows=rows(HEADER + line() + line(external_id="b", description="Avec\x00un nul")))
    assert [str(error) for error in report.errors] == [
        "ligne 3 : caractère nul (octet 0) dans la colonne description : le fichier est sans doute endommagé."
    ]
    assert not Offer.objects.exists()


def test_a_date_in_an_implausible_year_is_an_error_of_its_line(ready):
    report = offers_import(
        rows=rows(HEADER + line(deadline="0001-01-01") + line(external_id="b", opens_on="9999-12-31"))
    )
    assert [str(error) for error in report.errors] == [
        "ligne 2 : deadline : 0001-01-01 est hors des années 1900 à 2199.",
        "ligne 3 : opens_on : 9999-12-31 est hors des années 1900 à 2199.",
    ]


def test_a_commune_code_read_as_a_number_by_a_spreadsheet_is_the_commune(ready):
    from essaim.territories.models import Departement, Region
    from tests.territories.factories import _commune

    region = Region.objects.create(code="84", name="ARA", search_name="ara")
    ain = Departement.objects.create(code="01", name="Ain", search_name="ain", region=region)
    _commune("01004", "Ambérieu-en-Bugey", ain, 14_000)
    report = offers_import(rows=rows(HEADER + line(external_id="x1", territories="commune:1004")))
    assert report.ok, report.errors
    assert [territory.token for territory in Offer.objects.get().territories.all()] == ["commune:01004"]
