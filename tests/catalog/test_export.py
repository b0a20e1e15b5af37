import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from essaim.catalog.exports import data_inclusion_export, export_rows, offers_for_export, to_csv, to_data_inclusion
from essaim.catalog.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, offers_import
from essaim.catalog.models import Offer
from essaim.core.imports import read_csv
from tests.accounts.factories import UserFactory
from tests.catalog.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(region, roles, taxonomies):
    generic = make_offer(
        "Le dispositif local d'accompagnement",
        types=["accompagnement_individuel"],
        territories=[("france", "")],
        external_id="dla",
    )
    return [
        generic,
        make_offer(
            "Le DLA de Loire-Atlantique",
            types=["accompagnement_individuel", "diagnostic"],
            stages=["developpement", "consolidation"],
            needs=["recruter_rh_benevolat"],
            territories=[("departement", "44")],
            parent=generic,
            external_id="dla-44",
            contact_email="dla44@essaim-demo.example",
            required_answers={"creation_emploi": True, "quartier_prioritaire": False},
        ),
        make_offer(
            "Garantir son prêt bancaire",
            types=["garantie"],
            audiences=["association", "scop"],
            territories=[("region", "52"), ("commune", "49007")],
            amount_max=200_000,
            application_url="https://essaim-demo.example/candidater",
        ),
        make_offer("Brouillon", types=["subvention"], status="draft"),
    ]


def test_csv_export_reimports_without_changing_anything(catalog):
    text = to_csv(export_rows(offers_for_export()))
    assert text.splitlines()[0].startswith("\ufeffexternal_id;title;summary;description;operator_name")
    assert "Brouillon" not in text
    rows = read_csv(text.encode(), required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    report = offers_import(rows=rows)
    assert report.ok, report.errors
    # The offer without external_id gets one from the export: it is created, the others unchanged.
    assert (report.created, report.updated, report.unchanged) == (1, 0, 2)
    assert Offer.objects.get(external_id="dla-44").parent.external_id == "dla"
    assert "creation_emploi:oui|quartier_prioritaire:non" in text


def test_data_inclusion_export_is_valid_and_expands_regions(catalog):
    services = {service["nom"]: service for service in to_data_inclusion(offers_for_export())}
    guarantee = services["Garantir son prêt bancaire"]
    assert guarantee["type"] == "aide-financiere"
    assert guarantee["zone_eligibilite"] == ["44", "49", "85", "49007"]
    assert guarantee["modes_mobilisation"] == ["utiliser-lien-mobilisation"]
    dla = services["Le DLA de Loire-Atlantique"]
    assert dla["zone_eligibilite"] == ["44"]
    assert dla["thematiques"] == ["creer-une-entreprise--developper-son-entreprise"]
    assert services["Le dispositif local d'accompagnement"]["zone_eligibilite"] == ["france"]


def test_public_downloads(client, catalog):
    csv_response = client.get(reverse("catalog:export", args=["csv"]))
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in csv_response["Content-Disposition"]
    xlsx = client.get(reverse("catalog:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 4
    assert len(client.get(reverse("catalog:export", args=["json"])).json()) == 3
    assert client.get(reverse("catalog:export", args=["pdf"])).status_code == 404


def test_export_command_writes_files(catalog, tmp_path):
    call_command("export_offers", "--format", "json", "--output", str(tmp_path / "offres.json"))
    assert (tmp_path / "offres.json").read_text(encoding="utf-8").startswith("[")
    call_command("export_offers", "--format", "xlsx", "--all", "--output", str(tmp_path / "offres.xlsx"))
    assert load_workbook(tmp_path / "offres.xlsx").active.max_row == 5


def test_an_offer_with_a_vertical_tab_does_not_take_the_xlsx_export_down(client, catalog):
    # Stored before characters like this were refused at input: the export must hold anyway
    # (no NUL here: PostgreSQL stores none).
    Offer.objects.filter(pk=catalog[1].pk).update(description="Un accompagnement\x0bsur mesure\x01.")
    response = client.get(reverse("catalog:export", args=["xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4
    assert "Un accompagnement\nsur mesure." in [cell.value for row in sheet.iter_rows() for cell in row]
    assert "\x0b" not in client.get(reverse("catalog:export", args=["csv"])).content.decode()


def test_a_description_starting_with_a_dash_survives_the_csv_round_trip(catalog):
    Offer.objects.filter(pk=catalog[1].pk).update(description="- un diagnostic\n- un plan d'action")
    text = to_csv(export_rows(offers_for_export()))
    assert "\"'- un diagnostic" in text
    rows = read_csv(text.encode(), required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    report = offers_import(rows=rows)
    assert report.ok, report.errors
    assert Offer.objects.get(external_id="dla-44").description == "- un diagnostic\n- un plan d'action"


def test_an_offer_that_does_not_fit_data_inclusion_is_left_out_and_listed_for_the_cress(client, catalog):
    # Stored before titles were bounded at input (or through the admin): the file must hold anyway.
    Offer.objects.filter(pk=catalog[2].pk).update(title="Pr")
    response = client.get(reverse("catalog:export", args=["json"]))
    assert response.status_code == 200
    assert sorted(service["nom"] for service in response.json()) == [
        "Le DLA de Loire-Atlantique",
        "Le dispositif local d'accompagnement",
    ]
    client.force_login(UserFactory(platform_admin=True))
    page = " ".join(client.get(reverse("catalog:dashboard")).content.decode().split())
    section = page.split('id="data-inclusion"', 1)[1]
    assert ">Pr</a>" in section
    assert "Le titre compte 2 caractères ; il en faut 3 au moins." in section.replace("\u202f", " ")
    assert "Le DLA de Loire-Atlantique" not in section


def test_the_dashboard_says_when_every_offer_is_in_the_data_inclusion_file(client, catalog):
    client.force_login(UserFactory(platform_admin=True))
    page = client.get(reverse("catalog:dashboard")).content.decode()
    assert "Toutes les offres publiées figurent dans le fichier data·inclusion." in page


@pytest.mark.parametrize(
    "fields, problem",
    [
        ({"description": "", "summary": "Ok"}, "La description (ou, à défaut, le résumé) compte 2 caractères"),
        ({"application_url": "http://exemple .org"}, "Le lien pour candidater n'est pas une adresse web valide"),
        ({"contact_email": "contact@"}, "L'adresse électronique de contact n'est pas valide"),
        (
            {"reviewed_on": date(1999, 12, 31)},
            "La date de dernière mise à jour : La date de dernière modification doit",
        ),
    ],
)
def test_what_is_wrong_with_a_left_out_offer_is_said_in_french(catalog, fields, problem):
    Offer.objects.filter(pk=catalog[2].pk).update(**fields)
    export = data_inclusion_export(offers_for_export())
    assert len(export.services) == 2
    [left_out] = export.left_out
    assert left_out.offer == catalog[2]
    assert any(text.startswith(problem) for text in left_out.problems), left_out.problems


def test_the_export_command_says_which_offers_it_left_out(catalog, tmp_path):
    Offer.objects.filter(pk=catalog[2].pk).update(title="Pr")
    errors = io.StringIO()
    call_command("export_offers", "--format", "json", "--output", str(tmp_path / "offres.json"), stderr=errors)
    assert len(json.loads((tmp_path / "offres.json").read_text(encoding="utf-8"))) == 2
    assert "Offre « Pr » laissée hors du fichier : Le titre compte 2 caractères" in errors.getvalue()
