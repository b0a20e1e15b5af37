"""The general meeting's synthesis, the note for employees and the exports: what the team
consolidated and planned, who took part by role, never anyone's name; for the pilots only."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from zipfile import ZipFile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from essaim.diagnostics.services import action_save, answer_save, position_save, respondent_invite
from tests.accounts.factories import UserFactory
from tests.diagnostics.factories import make_bank, make_campaign
from tests.pdf import inflated

pytestmark = pytest.mark.django_db

NAMES = ("Claire Pilote", "Samia Salariée", "samia@example.org")


@pytest.fixture
def bank(mail_at_once):  # type: ignore[no-untyped-def]
    return make_bank()


@pytest.fixture
def campaign(bank):  # type: ignore[no-untyped-def]
    campaign = make_campaign(bank, general_meeting_on=date(2026, 6, 20))
    pilot = campaign.pilot
    staff = respondent_invite(
        campaign=campaign, email="samia@example.org", name="Samia Salariée", role="salarie", by=pilot
    )
    q1 = bank.items["gouvernance-q1"]
    answer_save(respondent=campaign.respondents.get(role="direction"), item=q1, level="engage", practices="Un CA")
    answer_save(respondent=staff, item=q1, level="reflexion", practices="On en parle peu", to_review=True)
    position_save(campaign=campaign, item=q1, level="reflexion", comment="Le CA se réunit peu.", by=pilot)
    action_save(
        campaign=campaign,
        item=q1,
        data={
            "title": "Réunir le CA chaque trimestre",
            "objective_1y": "Quatre CA dans l'année",
            "objective_3y": "Des administrateurs renouvelés",
            "responsible": "La présidente",
            "due_on": date(2026, 12, 31),
            "status": "en_cours",
            "resources": "Une salle",
        },
        by=pilot,
    )
    return campaign


def url(name: str, campaign, *args) -> str:  # type: ignore[no-untyped-def]
    return reverse(f"diagnostics:{name}", args=[campaign.pk, *args])


DOCUMENTS = [
    ("general_meeting", ()),
    ("general_meeting_file", ("pdf",)),
    ("general_meeting_file", ("odt",)),
    ("staff_note", ()),
    ("staff_note_file", ("odt",)),
    ("export", ("reponses", "csv")),
    ("export", ("reponses", "xlsx")),
    ("export", ("plan", "csv")),
    ("export", ("plan", "xlsx")),
]


@pytest.mark.parametrize(("name", "args"), DOCUMENTS)
def test_an_anonymous_visitor_is_sent_to_log_in(client, campaign, name, args):
    response = client.get(url(name, campaign, *args))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(("name", "args"), DOCUMENTS)
def test_another_account_and_the_cress_find_nothing(client, campaign, name, args):
    for user in (UserFactory(), UserFactory(platform_admin=True)):
        client.force_login(user)
        assert client.get(url(name, campaign, *args)).status_code == 404


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("general_meeting_file", ("docx",)),
        ("staff_note_file", ("csv",)),
        ("export", ("reponses", "pdf")),
        ("export", ("personnes", "csv")),
    ],
)
def test_an_unknown_format_is_not_found(client, campaign, name, args):
    client.force_login(campaign.pilot)
    assert client.get(url(name, campaign, *args)).status_code == 404


def test_the_general_meeting_page_shows_the_consolidated_results_and_plan_without_names(client, campaign):
    client.force_login(campaign.pilot)
    response = client.get(url("general_meeting", campaign))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Gouvernance démocratique",
        "Environnement",
        "Pratiques de gouvernance démocratique",
        "En réflexion",
        "Le CA se réunit peu.",
        "pas encore de position retenue",
        "Réunir le CA chaque trimestre",
        "Quatre CA dans l",
        "La présidente",
        "31 décembre 2026",
        "Une salle",
        "Place au débat",
        "article 3",
        url("general_meeting_file", campaign, "pdf"),
        url("general_meeting_file", campaign, "odt"),
    ):
        assert text in page, text
    # Who took part, by role: the pilot (direction) and one employee, both answered.
    assert re.search(r"Salarié·e</th>\s*<td>1</td>\s*<td>1</td>", page)
    assert "Le chemin parcouru" not in page  # no previous campaign
    assert "score" not in page.lower().replace("aucun score global", "")


def test_the_documents_never_show_a_respondents_name(client, campaign):
    client.force_login(campaign.pilot)
    for name, args in (("general_meeting", ()), ("staff_note", ())):
        page = client.get(url(name, campaign, *args)).content.decode()
        main = page[page.index('id="contenu"') :]
        body = main[main.index("<h1") : main.index("</main>")]
        for text in (*NAMES, "On en parle peu"):
            assert text not in body, (name, text)


def test_the_staff_note_gives_the_main_findings_and_the_actions(client, campaign):
    client.force_login(campaign.pilot)
    page = client.get(url("staff_note", campaign)).content.decode()
    for text in ("Les principaux constats", "Le CA se réunit peu.", "Réunir le CA chaque trimestre", "en cours"):
        assert text in page, text
    assert "Pas encore de position retenue sur ce thème." in page  # the environment
    assert "Place au débat" not in page and "Objectif à trois ans" not in page


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_pdf_is_tagged_and_named_after_the_structure(client, campaign):
    client.force_login(campaign.pilot)
    for name, suffix in (("general_meeting_file", ""), ("staff_note_file", "-note-salaries")):
        response = client.get(url(name, campaign, "pdf"))
        assert response["Content-Type"] == "application/pdf"
        assert f'filename="autodiagnostic-2026-la-ressourcerie-du-port{suffix}.pdf"' in response["Content-Disposition"]
        content = inflated(response.content)
        for marker in (b"/StructTreeRoot", b"/MarkInfo", b"/Lang", b"/H1"):
            assert marker in content, marker
    assert b"/Table" in inflated(client.get(url("general_meeting_file", campaign, "pdf")).content)


def test_the_odt_opens_with_the_themes_and_the_plan(client, campaign):
    client.force_login(campaign.pilot)
    response = client.get(url("general_meeting_file", campaign, "odt"))
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert 'filename="autodiagnostic-2026-la-ressourcerie-du-port.odt"' in response["Content-Disposition"]
    body = ZipFile(io.BytesIO(response.content)).read("content.xml").decode()
    for text in ("Gouvernance démocratique", "Réunir le CA chaque trimestre", "Place au débat", "En réflexion"):
        assert text in body, text
    assert "Samia" not in body
    note = ZipFile(io.BytesIO(client.get(url("staff_note_file", campaign, "odt")).content)).read("content.xml")
    assert "Les principaux constats" in note.decode()


def test_the_csv_gives_one_row_per_answer_and_names_no_role_of_a_lone_respondent(client, campaign):
    client.force_login(campaign.pilot)
    response = client.get(url("export", campaign, "reponses", "csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="autodiagnostic-2026-la-ressourcerie-du-port-reponses.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 2
    # One direction and one employee: each would be recognised by their role.
    assert {row["Rôle du répondant"] for row in rows} == {""}
    levels = {(row["Thème"], row["Code de l'item"], row["Niveau"], row["À revoir"]) for row in rows}
    assert ("Gouvernance démocratique", "gouvernance-q1", "En réflexion", "oui") in levels
    for name in NAMES:
        assert name.lower() not in text.lower()


def test_the_csv_names_roles_only_when_no_answer_to_the_item_would_stand_out(client, bank, campaign):
    q1 = bank.items["gouvernance-q1"]
    for number in (2, 3):
        colleague = respondent_invite(
            campaign=campaign, email=f"salarie{number}@example.org", role="salarie", by=campaign.pilot
        )
        answer_save(respondent=colleague, item=q1, level="engage")
    client.force_login(campaign.pilot)

    def roles() -> list[str]:
        text = client.get(url("export", campaign, "reponses", "csv")).content.decode("utf-8-sig")
        return [row["Rôle du répondant"] for row in csv.DictReader(io.StringIO(text), delimiter=";")]

    assert roles() == ["", "", "", ""]  # the direction alone would stand out
    for number, role in ((4, "benevole"), (5, "usager")):
        other = respondent_invite(campaign=campaign, email=f"autre{number}@example.org", role=role, by=campaign.pilot)
        answer_save(respondent=other, item=q1, level="pas_encore")
    assert roles() == ["Salarié·e"] * 3 + ["Autres rôles"] * 3


def test_an_answer_that_says_nothing_is_not_a_row(client, bank, campaign):
    blank = respondent_invite(campaign=campaign, email="vide@example.org", role="usager", by=campaign.pilot)
    answer_save(respondent=blank, item=bank.items["gouvernance-q1"])
    client.force_login(campaign.pilot)
    text = client.get(url("export", campaign, "reponses", "csv")).content.decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text), delimiter=";"))) == 2


def test_the_plan_alone_downloads_as_csv(client, campaign):
    client.force_login(campaign.pilot)
    response = client.get(url("export", campaign, "plan", "csv"))
    assert 'filename="autodiagnostic-2026-la-ressourcerie-du-port-plan.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(row["Action"], row["Responsable"], row["État"]) for row in rows] == [
        ("Réunir le CA chaque trimestre", "La présidente", "En cours")
    ]


def test_the_xlsx_has_the_answers_and_the_plan_on_a_second_sheet(client, campaign):
    client.force_login(campaign.pilot)
    response = client.get(url("export", campaign, "reponses", "xlsx"))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Réponses", "Plan d'action"]
    answers = [row for row in workbook["Réponses"].iter_rows(values_only=True)]
    assert len(answers) == 3 and answers[0][4] == "Rôle du répondant"
    plan = [row for row in workbook["Plan d'action"].iter_rows(values_only=True)]
    assert plan[1][:2] == ("Gouvernance démocratique", "Réunir le CA chaque trimestre")
    cells = " ".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
    for name in NAMES:
        assert name not in cells


def test_the_progress_since_last_years_campaign_is_shown_item_by_item(client, bank, campaign):
    earlier = make_campaign(bank, year=2025, pilot=campaign.pilot)
    position_save(
        campaign=earlier, item=bank.items["gouvernance-q1"], level="pas_encore", comment="", by=campaign.pilot
    )
    position_save(campaign=earlier, item=bank.items["environnement-q1"], level="engage", comment="", by=campaign.pilot)
    client.force_login(campaign.pilot)
    page = client.get(url("general_meeting", campaign)).content.decode()
    assert "Le chemin parcouru depuis 2025" in page
    assert re.search(
        r"Question 1 sur gouvernance démocratique \?</th>\s*<td>Pas encore abordé</td>\s*<td>En réflexion</td>\s*"
        r"<td>en progrès</td>",
        page,
    )
    # No position this year on the environment: nothing to compare.
    assert "Question 1 sur environnement ?</th>\n              <td>Engagé" not in page
    odt = ZipFile(io.BytesIO(client.get(url("general_meeting_file", campaign, "odt")).content)).read("content.xml")
    assert "Le chemin parcouru depuis 2025" in odt.decode()


def test_a_campaign_without_answers_gives_empty_documents(client, bank):
    campaign = make_campaign(bank, year=2024)
    client.force_login(campaign.pilot)
    page = client.get(url("general_meeting", campaign)).content.decode()
    assert "Aucune action n'est encore inscrite au plan." in page.replace("&#x27;", "'")
    rows = client.get(url("export", campaign, "reponses", "csv")).content.decode("utf-8-sig").splitlines()
    assert len(rows) == 1
