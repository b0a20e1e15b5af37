"""The CRESS's board on a known set of requests: open requests (to route and flagged first), take-up
and median response time by partner and team, the gap table, satisfaction; routing by hand; the
CSV and XLSX exports."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from essaim.referrals import statistics
from essaim.referrals.models import DeclineReason, Dispatch, Referral
from essaim.referrals.services import referral_decline, referral_take
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory
from tests.referrals.factories import make_referral, make_team

pytestmark = pytest.mark.django_db

S = Referral.Status


@pytest.fixture
def cress(client):
    user = UserFactory(email="cress@example.org", platform_admin=True)
    client.force_login(user)
    return user


@pytest.fixture
def known(setting):
    """Teams A (partner "Alpha") and B ("Bêta") handle "financer le démarrage" in Loire-Atlantique;
    C handles "structurer son projet" in Angers only.
    r1: A takes it after 2 days (B: taken by another partner); r2: B declines, A takes it after 4
    days; r3: nobody answers, sent 12 days ago ("à traiter"); r4: a need nobody handles ("à orienter").
    """
    now = timezone.now()
    a = make_team(organisation=OrganisationFactory(name="Alpha"), name="Équipe A")
    b = make_team(organisation=OrganisationFactory(name="Bêta"), name="Équipe B")
    c = make_team(
        organisation=OrganisationFactory(name="Gamma"),
        name="Équipe C",
        needs=["structurer_projet"],
        territories=[("commune", "49007")],
    )
    r1, r2, r3 = (make_referral(commune=setting.nantes).referral for _ in range(3))
    r4 = make_referral(commune=setting.angers, need="recruter_rh_benevolat").referral
    adviser_a, adviser_b = a.advisers.get(), b.advisers.get()
    referral_take(referral=r1, team=a, by=adviser_a, now=now + timedelta(days=2))
    referral_decline(referral=r2, team=b, by=adviser_b, reason=DeclineReason.SKILLS, now=now + timedelta(days=1))
    referral_take(referral=r2, team=a, by=adviser_a, now=now + timedelta(days=4))
    twelve_days_ago = now - timedelta(days=12)
    Referral.objects.filter(pk=r3.pk).update(sent_at=twelve_days_ago)
    Dispatch.objects.filter(referral=r3).update(sent_at=twelve_days_ago)
    Referral.objects.filter(pk=r1.pk).update(useful=True, satisfaction_sent_at=now)
    Referral.objects.filter(pk=r2.pk).update(satisfaction_sent_at=now)
    return {"a": a, "b": b, "c": c, "r1": r1, "r2": r2, "r3": r3, "r4": r4}


BOARD_URLS = [
    reverse("referrals:board"),
    reverse("referrals:export", args=["csv"]),
    reverse("referrals:export", args=["xlsx"]),
]


@pytest.mark.parametrize("url", BOARD_URLS)
def test_an_anonymous_visitor_is_sent_to_log_in(client, setting, url):
    response = client.get(url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("url", BOARD_URLS)
def test_an_adviser_may_not_see_the_board(client, known, url):
    client.force_login(known["a"].advisers.get())
    assert client.get(url).status_code == 403
    route = reverse("referrals:route", args=[known["r4"].pk])
    assert client.get(route).status_code == 403
    assert client.post(route, {"teams": [known["a"].pk]}).status_code == 403
    assert not known["r4"].dispatches.exists()


def test_open_requests_to_route_and_flagged_come_first(client, known, cress):
    response = client.get(reverse("referrals:board"))

    assert response.status_code == 200
    opened = response.context["open"]
    first = [(line.referral, line.to_route, line.flagged) for line in opened.lines[:2]]
    assert first == [(known["r3"], False, True), (known["r4"], True, False)] or first == [
        (known["r4"], True, False),
        (known["r3"], False, True),
    ]
    assert {line.referral for line in opened.lines} == {known[name] for name in ("r1", "r2", "r3", "r4")}
    assert (opened.flagged, opened.to_route, opened.total) == (1, 1, 4)
    counts = {label: total for label, _bands, total in opened.counts}
    assert counts == {S.SENT.label: 1, S.TO_ROUTE.label: 1, S.TAKEN.label: 2}
    sent_bands = next(bands for label, bands, _total in opened.counts if label == S.SENT.label)
    assert sent_bands[[band.label for band in opened.bands].index("10 à 29 jours")] == 1
    text = response.content.decode()
    assert "À orienter" in text and "À traiter" in text
    assert reverse("referrals:detail", args=[known["r3"].pk]) in text
    assert reverse("referrals:route", args=[known["r4"].pk]) in text


def test_take_up_and_median_delay_by_partner_and_team(client, known, cress):
    response = client.get(reverse("referrals:board"))

    by_team = {line.label: line for line in response.context["by_team"]}
    a, b = by_team["Alpha — Équipe A"], by_team["Bêta — Équipe B"]
    assert (a.received, a.taken, a.declined, a.taken_elsewhere, a.unanswered) == (3, 2, 0, 0, 1)
    assert (b.received, b.taken, b.declined, b.taken_elsewhere, b.unanswered) == (3, 0, 1, 1, 1)
    assert a.median_delay == 3.0 and b.median_delay is None
    assert a.taken_share == 66.7
    assert [line.label for line in response.context["by_partner"]] == ["Alpha", "Bêta"]
    summary = response.context["summary"]
    assert (summary.received, summary.taken, summary.median_delay) == (4, 2, 3.0)


def test_the_gap_table_says_which_needs_nobody_covers_in_each_departement(client, known, cress):
    response = client.get(reverse("referrals:board"))

    gaps = response.context["gaps"]
    assert [departement.code for departement in gaps.departements] == ["44", "49", "85"]
    rows = {label: [(cell.coverage.value, cell.requests) for cell in cells] for label, cells in gaps.rows}
    assert rows["Financer le démarrage"] == [("complete", 3), ("aucune", 0), ("aucune", 0)]
    assert rows["Structurer mon projet (modèle économique, étude de marché)"] == [
        ("aucune", 0),
        ("partielle", 0),
        ("aucune", 0),
    ]
    assert rows["Recruter, gérer l'emploi et le bénévolat"] == [("aucune", 0), ("aucune", 1), ("aucune", 0)]
    text = response.content.decode()
    assert "Couvert" in text and "En partie" in text and "Personne" in text  # not only colours


def test_satisfaction_counts_useful_answers(client, known, cress):
    satisfaction = client.get(reverse("referrals:board")).context["satisfaction"]
    assert (satisfaction.asked, satisfaction.useful, satisfaction.not_useful, satisfaction.useful_share) == (
        2,
        1,
        0,
        100.0,
    )


def test_the_period_leaves_out_older_requests(client, known, cress):
    Referral.objects.filter(pk=known["r1"].pk).update(created_at=timezone.now() - timedelta(days=400))

    response = client.get(reverse("referrals:board"))

    assert response.context["summary"].received == 3
    today = timezone.localdate()
    wide = client.get(reverse("referrals:board"), {"start": (today - timedelta(days=500)).isoformat()})
    assert wide.context["summary"].received == 4


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2025-05-01", "end": "2025-04-01"}, "La fin de la période doit suivre son début."),
        ({"start": "9999-12-31"}, "Indiquez une date entre 1900 et 2200."),
        ({"end": "pas une date"}, "Saisissez une date valide."),
    ],
)
def test_a_wrong_period_is_refused_in_french(client, known, cress, query, message):
    response = client.get(reverse("referrals:board"), query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert client.get(reverse("referrals:export", args=["csv"]), query).status_code == 400


def test_the_cress_routes_a_request_by_hand(client, known, cress):
    r4, a = known["r4"], known["a"]
    url = reverse("referrals:route", args=[r4.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert a in page.context["form"].fields["teams"].queryset

    response = client.post(url, {"teams": [a.pk]})

    assert response.status_code == 302 and response["Location"] == reverse("referrals:board")
    r4.refresh_from_db()
    assert r4.status == S.SENT
    assert list(r4.dispatches.values_list("team", "routed_by")) == [(a.pk, cress.pk)]


def test_routing_by_hand_shows_first_the_teams_that_handle_the_request(client, known, cress):
    page = client.get(reverse("referrals:route", args=[known["r3"].pk]))
    teams = list(page.context["form"].fields["teams"].queryset)
    assert known["a"] not in teams and known["b"] not in teams  # already received it
    assert teams == [known["c"]]


@pytest.mark.parametrize("teams", [[], ["999999999999999999999999"], ["abc"]])
def test_routing_by_hand_without_a_valid_team_is_refused(client, known, cress, teams):
    response = client.post(reverse("referrals:route", args=[known["r4"].pk]), {"teams": teams})
    assert response.status_code == 400
    assert not known["r4"].dispatches.exists()


def test_a_request_taken_in_hand_cannot_be_routed_again(client, known, cress):
    response = client.post(reverse("referrals:route", args=[known["r1"].pk]), {"teams": [known["c"].pk]})
    assert response.status_code == 400
    assert "ne peut plus être orientée" in response.content.decode()


def test_the_csv_export_has_one_row_per_request_without_contact(client, known, cress):
    response = client.get(reverse("referrals:export", args=["csv"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text[1:].splitlines()
    header = lines[0].split(";")
    assert header[:5] == ["numéro", "reçue le", "transmise le", "origine", "besoin"]
    rows = {int(line.split(";")[0]): dict(zip(header, line.split(";"), strict=True)) for line in lines[1:]}
    assert set(rows) == {known[name].pk for name in ("r1", "r2", "r3", "r4")}
    r1 = rows[known["r1"].pk]
    assert r1["besoin"] == "Financer le démarrage" and r1["commune"] == "Nantes" and r1["département"] == "44"
    assert r1["état"] == S.TAKEN.label and r1["structure en charge"] == "Alpha" and r1["utile"] == "oui"
    assert r1["délai de prise en charge (jours)"] == "2,0"
    assert rows[known["r2"].pk]["équipes ayant décliné"] == "1"
    assert "@example.org" not in text and "Camille" not in text and "épicerie" not in text


def test_the_xlsx_export_holds_the_same_rows(client, known, cress):
    response = client.get(reverse("referrals:export", args=["xlsx"]))

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("numéro", "reçue le")
    assert sorted(row[0] for row in rows[1:]) == sorted(known[name].pk for name in ("r1", "r2", "r3", "r4"))
    by_pk = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_pk[known["r4"].pk]["état"] == S.TO_ROUTE.label


def test_an_unknown_export_format_is_not_found(client, known, cress):
    assert client.get(reverse("referrals:export", args=["pdf"])).status_code == 404


def test_median_and_share_helpers():
    assert statistics.median_days([]) is None
    assert statistics.median_days([1.0, 5.0, 2.0]) == 2.0
    assert statistics.median_days([1.0, 2.0]) == 1.5
    assert statistics.share(1, 3) == 33.3 and statistics.share(0, 0) is None
    bands = statistics.age_bands()
    assert [band.label for band in bands] == [
        "0 à 2 jours",
        "3 à 6 jours",
        "7 à 9 jours",
        "10 à 29 jours",
        "30 jours et plus",
    ]
    assert statistics.band_of(10, bands).label == "10 à 29 jours"
