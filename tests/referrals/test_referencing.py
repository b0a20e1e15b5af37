"""The CRESS's referencing of partners: the list of teams, a team's form (territories, advisers
by address, bounds) and the module's settings; reserved to the CRESS."""

from __future__ import annotations

import pytest
from django.urls import reverse

from essaim.accounts.models import User
from essaim.referrals.models import ReferralSettings, Team
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory
from tests.referrals.factories import make_team

pytestmark = pytest.mark.django_db

PAGES = [
    ("referrals:teams", ()),
    ("referrals:team_new", ()),
    ("referrals:settings", ()),
]


@pytest.fixture
def cress(client):
    user = UserFactory(email="cress@example.org", platform_admin=True)
    client.force_login(user)
    return user


def _team_post(structure, **changes):
    data = {
        "organisation": structure.pk,
        "name": "Antenne de Nantes",
        "email": "antenne@example.org",
        "phone": "02 40 00 00 00",
        "needs": ["financer_demarrage", "structurer_projet"],
        "coverage": ["departement:44"],
        "local_codes": "49007, 244400404",
        "audiences": [],
        "legal_forms": ["9220"],
        "min_years": "",
        "max_years": "",
        "min_employees": "",
        "max_employees": "",
        "is_active": "on",
        "advisers": "nouvelle@example.org, Nouvelle Conseillère\n",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, setting, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_an_adviser_may_not_edit_the_referencing(client, setting, name, args):
    team = make_team()
    client.force_login(team.advisers.get())
    assert client.get(reverse(name, args=args)).status_code == 403
    assert client.get(reverse("referrals:team_edit", args=[team.pk])).status_code == 403


def test_the_cress_creates_a_team_with_its_territories_and_new_advisers(client, setting, cress):
    organisation = OrganisationFactory(name="France Active Pays de la Loire")
    known = UserFactory(email="connue@example.org", full_name="Claire Connue")
    data = _team_post(organisation, advisers="nouvelle@example.org, Nouvelle Conseillère\nCONNUE@example.org Autre Nom")

    response = client.post(reverse("referrals:team_new"), data)

    team = Team.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("referrals:team_edit", args=[team.pk])
    assert team.organisation == organisation and team.needs == ["financer_demarrage", "structurer_projet"]
    assert team.legal_forms == ["9220"]
    assert sorted(team.territories.values_list("kind", "code", "name")) == [
        ("commune", "49007", "Angers"),
        ("departement", "44", "Loire-Atlantique"),
        ("epci", "244400404", "Nantes Métropole"),
    ]
    new = User.objects.get(email="nouvelle@example.org")
    assert not new.has_usable_password() and new.full_name == "Nouvelle Conseillère"
    known.refresh_from_db()
    assert known.full_name == "Claire Connue"  # an existing account keeps its name
    assert set(team.advisers.all()) == {new, known}


def test_an_edit_is_saved_and_shown_in_the_history_with_labels(client, setting, cress):
    team = make_team(territories=[("departement", "44")])
    team_url = reverse("referrals:team_edit", args=[team.pk])
    page = client.get(team_url)
    assert page.status_code == 200
    assert page.context["form"].initial["coverage"] == ["departement:44"]

    data = _team_post(team.organisation, coverage=["region:52"], local_codes="", needs=["recruter_rh_benevolat"])
    response = client.post(team_url, data)

    assert response.status_code == 302
    team.refresh_from_db()
    assert team.needs == ["recruter_rh_benevolat"]
    assert list(team.territories.values_list("kind", "code")) == [("region", "52")]
    history = client.get(team_url).content.decode().split("<h2>Historique</h2>")[1]
    assert "Référencement modifié" in history
    assert "Recruter, gérer l&#x27;emploi" in history and "Pays de la Loire" in history
    assert "financer_demarrage" not in history  # needs shown by their names


def test_bounds_in_the_wrong_order_are_refused_in_french(client, setting, cress):
    organisation = OrganisationFactory()
    response = client.post(
        reverse("referrals:team_new"), _team_post(organisation, min_years="10", max_years="2", min_employees="50")
    )

    assert response.status_code == 400
    assert "Le maximum d&#x27;ancienneté doit être supérieur ou égal au minimum." in response.content.decode()
    assert not Team.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"coverage": [], "local_codes": ""}, "Indiquez au moins un territoire couvert."),
        ({"local_codes": "99999"}, "n&#x27;est ni un code de commune ni un SIREN d&#x27;EPCI connu"),
        ({"needs": []}, "Cochez au moins un besoin"),
        ({"advisers": "pas une adresse"}, "ne contient pas d&#x27;adresse e-mail valide."),
        ({"organisation": "999999999999999999999999"}, "Choisissez une structure de l&#x27;annuaire."),
    ],
)
def test_a_team_form_with_bad_input_says_what_to_fix(client, setting, cress, changes, message):
    response = client.post(reverse("referrals:team_new"), _team_post(OrganisationFactory(), **changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Team.objects.exists()


def test_the_list_groups_teams_by_structure_with_their_needs_by_name(client, setting, cress):
    organisation = OrganisationFactory(name="Réseau des DLA")
    make_team(organisation=organisation, name="DLA 44", territories=[("departement", "44")])
    make_team(organisation=organisation, name="DLA 49", territories=[("departement", "49")], is_active=False)

    response = client.get(reverse("referrals:teams"))

    assert response.status_code == 200
    [(found, teams)] = response.context["groups"]
    assert found == organisation
    assert [team.name for team, _needs in teams] == ["DLA 44", "DLA 49"]
    assert teams[0][1] == ["Financer le démarrage"]
    text = response.content.decode()
    assert "Loire-Atlantique" in text and "Maine-et-Loire" in text


def test_the_cress_changes_the_settings_within_bounds(client, setting, cress):
    url = reverse("referrals:settings")
    refused = client.post(url, {"max_partners": "11", "retention_months": "0"})
    assert refused.status_code == 400
    assert ReferralSettings.current().max_partners == 3

    response = client.post(url, {"max_partners": "2", "retention_months": "24"})

    assert response.status_code == 302
    current = ReferralSettings.current()
    assert (current.max_partners, current.retention_months) == (2, 24)
    assert "Réglages modifiés" in client.get(url).content.decode()
