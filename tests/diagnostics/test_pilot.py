"""The pilot's pages: who may see them, opening the year's campaign, inviting, the results on a
known set of answers, consolidation, the action plan and closing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.diagnostics.models import Action, Campaign, Position
from essaim.diagnostics.services import answer_save, position_save, respondent_invite
from tests.accounts.factories import UserFactory
from tests.diagnostics.factories import make_bank, make_campaign, make_pilot
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(mail_at_once):  # type: ignore[no-untyped-def]
    return make_bank()


@pytest.fixture
def campaign(bank):  # type: ignore[no-untyped-def]
    return make_campaign(bank)


PRIVATE = ["campaign", "results", "plan", "action_new"]


def page(name, campaign, *args):  # type: ignore[no-untyped-def]
    return reverse(f"diagnostics:{name}", args=[campaign.pk, *args])


# Access


def test_the_presentation_is_public_and_leads_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("diagnostics:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "assemblée générale" in html and "pas une note" in html
    assert reverse("accounts:login") in html


@pytest.mark.parametrize("name", PRIVATE)
def test_an_anonymous_visitor_is_sent_to_log_in(client, campaign, name):
    response = client.get(page(name, campaign))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_an_anonymous_visitor_is_sent_to_log_in_to_open_a_campaign(client, bank):
    response = client.get(reverse("diagnostics:campaign_new"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", PRIVATE)
def test_someone_else_gets_a_404_not_a_403(client, campaign, name):
    outsider = make_pilot(OrganisationFactory(name="Une autre structure"))
    client.force_login(outsider)
    assert client.get(page(name, campaign)).status_code == 404


@pytest.mark.parametrize("name", PRIVATE)
def test_the_cress_gets_a_404_on_a_structures_campaign(client, campaign, name):
    client.force_login(UserFactory(platform_admin=True))
    assert client.get(page(name, campaign)).status_code == 404


def test_a_plain_member_of_the_structure_gets_a_404(client, campaign):
    member = UserFactory()
    MembershipFactory(user=member, organisation=campaign.organisation, role="member")
    client.force_login(member)
    assert client.get(page("campaign", campaign)).status_code == 404
    assert client.post(page("close", campaign)).status_code == 404
    assert Campaign.objects.get().status == Campaign.Status.OPEN


def test_another_editor_of_the_structure_runs_the_campaign_too(client, campaign):
    editor = UserFactory()
    MembershipFactory(user=editor, organisation=campaign.organisation, role="admin")
    client.force_login(editor)
    assert client.get(page("campaign", campaign)).status_code == 200


def test_someone_without_a_structure_may_not_open_a_campaign(client, bank):
    client.force_login(UserFactory())
    assert client.get(reverse("diagnostics:campaign_new")).status_code == 403


# Home and opening


def test_home_lists_the_campaigns_by_year_and_offers_to_open_this_years(client, bank):
    pilot = make_pilot()
    old = make_campaign(bank, pilot=pilot, year=timezone.localdate().year - 1)
    client.force_login(pilot)
    html = client.get(reverse("diagnostics:home")).content.decode()
    assert old.get_absolute_url() in html
    assert "Ouvrir la campagne de l&#x27;année" in html or "Ouvrir la campagne de l'année" in html
    assert f"?structure={old.organisation.pk}" in html


def test_opening_the_campaign(client, bank, mailoutbox):
    pilot = make_pilot()
    organisation = pilot.memberships.get().organisation
    client.force_login(pilot)
    assert client.get(reverse("diagnostics:campaign_new")).status_code == 200
    response = client.post(
        reverse("diagnostics:campaign_new"),
        {
            "organisation": organisation.pk,
            "year": 2026,
            "mode": "rapide",
            "themes": [bank.governance.pk],
            "pilot_role": "direction",
            "closes_on": "2026-05-15",
            "general_meeting_on": "2026-06-20",
        },
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response.url == campaign.get_absolute_url()
    assert list(campaign.themes.all()) == [bank.governance]
    assert campaign.respondents.get().email == pilot.email


def opening(organisation, bank, **changes):  # type: ignore[no-untyped-def]
    data = {
        "organisation": organisation.pk,
        "year": 2026,
        "mode": "complet",
        "themes": [bank.governance.pk],
        "pilot_role": "salarie",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_campaign_needs_at_least_one_theme(client, bank):
    pilot = make_pilot()
    client.force_login(pilot)
    response = client.post(
        reverse("diagnostics:campaign_new"), opening(pilot.memberships.get().organisation, bank, themes=None)
    )
    assert response.status_code == 400
    assert "Choisissez au moins un thème" in response.content.decode()
    assert not Campaign.objects.exists()


def test_one_campaign_a_year_is_refused_in_french(client, campaign, bank):
    client.force_login(campaign.pilot)
    response = client.post(reverse("diagnostics:campaign_new"), opening(campaign.organisation, bank))
    assert response.status_code == 400
    assert "a déjà une campagne d&#x27;autodiagnostic pour 2026" in response.content.decode()
    assert Campaign.objects.count() == 1


def test_bad_year_and_date_get_french_errors(client, bank):
    pilot = make_pilot()
    client.force_login(pilot)
    organisation = pilot.memberships.get().organisation
    response = client.post(
        reverse("diagnostics:campaign_new"), opening(organisation, bank, year="99999999999", closes_on="0201-01-01")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Indiquez une année avant 2200." in html and "Indiquez une date entre 1900 et 2200." in html


def test_a_structure_one_does_not_edit_cannot_be_chosen(client, bank):
    pilot = make_pilot()
    client.force_login(pilot)
    response = client.post(reverse("diagnostics:campaign_new"), opening(OrganisationFactory(), bank))
    assert response.status_code == 400
    assert not Campaign.objects.exists()


# The campaign page and invitations


def test_the_campaign_page_shows_respondents_progress_and_the_pilots_own_link(client, campaign, bank):
    own = campaign.respondents.get()
    answer_save(respondent=own, item=bank.items["gouvernance-q1"], level="engage")
    client.force_login(campaign.pilot)
    html = client.get(page("campaign", campaign)).content.decode()
    assert "1 sur 6" in html
    assert own.get_absolute_url() in html
    assert page("close", campaign) in html and page("results", campaign) in html and page("plan", campaign) in html


def test_inviting_someone(client, campaign, mailoutbox):
    client.force_login(campaign.pilot)
    response = client.post(page("invite", campaign), {"email": "Sam@Example.org", "name": "Sam", "role": "salarie"})
    assert response.status_code == 302
    assert campaign.respondents.filter(email="sam@example.org", role="salarie").exists()
    assert len(mailoutbox) == 1


def test_inviting_an_address_twice_is_refused_in_french_and_keeps_what_was_typed(client, campaign):
    respondent_invite(campaign=campaign, email="sam@example.org", role="salarie", by=campaign.pilot)
    client.force_login(campaign.pilot)
    response = client.post(page("invite", campaign), {"email": "SAM@example.org", "name": "Sam B.", "role": "benevole"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "sam@example.org est déjà invité·e à cette campagne." in html
    assert 'value="Sam B."' in html
    assert campaign.respondents.count() == 2


def test_an_invitation_without_a_role_is_refused(client, campaign):
    client.force_login(campaign.pilot)
    response = client.post(page("invite", campaign), {"email": "sam@example.org", "role": "chef"})
    assert response.status_code == 400
    assert campaign.respondents.count() == 1


# Results


@pytest.fixture
def diverging(campaign, bank):  # type: ignore[no-untyped-def]
    """The pilot (direction) and an employee who see governance very differently."""
    pilot = campaign.respondents.get()
    employee = respondent_invite(campaign=campaign, email="sam@example.org", role="salarie", by=campaign.pilot)
    answer_save(respondent=pilot, item=bank.items["gouvernance-q1"], level="formalise")
    answer_save(respondent=employee, item=bank.items["gouvernance-q1"], level="pas_encore")
    answer_save(respondent=pilot, item=bank.items["gouvernance-q2"], level="engage")
    answer_save(respondent=employee, item=bank.items["gouvernance-q2"], level="engage", practices="Un CA par an.")
    return campaign


def test_results_show_the_profile_with_its_table_and_summary(client, diverging, bank):
    client.force_login(diverging.pilot)
    response = client.get(page("results", diverging))
    html = response.content.decode()
    assert response.status_code == 200
    [governance, environment] = response.context["themes"]
    first, second = governance["result"].items
    assert first.counts["formalise"] == 1 and first.counts["pas_encore"] == 1
    assert first.median == "pas_encore" and first.divided
    assert first.role_medians == {} and "Par rôle" not in html  # one answer per role: nobody singled out
    assert second.median == "engage" and second.spread == "consensus"
    assert governance["result"].summary == (
        "Gouvernance démocratique : les réponses se situent surtout à « Engagé » ; avis partagés sur 1 question."
    )
    assert "<svg" in html and "<table" in html and "Réponses par question et par niveau" in html
    assert "Un CA par an." in html
    assert "pas encore de réponse" in environment["result"].summary
    assert "score" not in html.lower()
    assert page("action_new", diverging) + f"?item={bank.items['gouvernance-q1'].pk}" in html


def test_consolidating_an_item(client, diverging, bank):
    item = bank.items["gouvernance-q1"]
    client.force_login(diverging.pilot)
    response = client.post(
        page("consolidate", diverging, item.pk), {"level": "reflexion", "comment": "On en parle, sans plus."}
    )
    assert response.status_code == 302 and response.url.endswith(f"#item-{item.pk}")
    position = Position.objects.get()
    assert (position.level, position.comment) == ("reflexion", "On en parle, sans plus.")


def test_consolidation_refuses_an_unknown_level_and_an_item_not_asked(client, diverging, bank):
    client.force_login(diverging.pilot)
    item = bank.items["gouvernance-q1"]
    response = client.post(page("consolidate", diverging, item.pk), {"level": "parfait", "comment": "x"})
    assert response.status_code == 400 and "Sélectionnez un choix valide" in response.content.decode()
    other = make_bank(version=2, current=False).items["gouvernance-q1"]
    assert client.post(page("consolidate", diverging, other.pk), {"level": "engage"}).status_code == 404
    assert not Position.objects.exists()


# Plan


def test_an_item_becomes_an_action_with_the_suggested_title(client, diverging, bank):
    item = bank.items["gouvernance-q1"]
    Position.objects.create(campaign=diverging, item=item, level="pas_encore")
    client.force_login(diverging.pilot)
    url = page("action_new", diverging) + f"?item={item.pk}"
    assert "En parler en bureau." in client.get(page("plan", diverging)).content.decode()
    assert 'value="En parler en bureau."' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Réunir le bureau",
            "objective_1y": "Un bureau par trimestre",
            "responsible": "Claire",
            "due_on": "2026-12-31",
            "status": "a_lancer",
        },
    )
    action = Action.objects.get()
    assert response.status_code == 302
    assert (action.item, action.theme, action.responsible) == (item, bank.governance, "Claire")
    plan = client.get(page("plan", diverging)).content.decode()
    assert "Réunir le bureau" in plan and "déjà au plan" in plan


def test_a_free_action_needs_a_theme_of_the_campaign(client, campaign, bank):
    client.force_login(campaign.pilot)
    response = client.post(page("action_new", campaign), {"title": "Former l'équipe", "status": "a_lancer"})
    assert response.status_code == 400 and not Action.objects.exists()
    response = client.post(
        page("action_new", campaign), {"title": "Former l'équipe", "status": "a_lancer", "theme": bank.environment.pk}
    )
    assert response.status_code == 302 and Action.objects.get().theme == bank.environment


def test_editing_an_action_with_a_bad_date_gets_a_french_error_and_changes_nothing(client, campaign, bank):
    client.force_login(campaign.pilot)
    client.post(page("action_new", campaign), {"title": "Former", "status": "a_lancer", "theme": bank.governance.pk})
    action = Action.objects.get()
    url = page("action_edit", campaign, action.pk)
    response = client.post(
        url, {"title": "Former", "status": "en_cours", "theme": bank.governance.pk, "due_on": "9999-12-31"}
    )
    assert response.status_code == 400
    assert "Indiquez une date entre 1900 et 2200." in response.content.decode()
    response = client.post(
        url, {"title": "Former", "status": "en_cours", "theme": bank.governance.pk, "due_on": "31/02/2026"}
    )
    assert response.status_code == 400 and "Saisissez une date valide." in response.content.decode()
    action.refresh_from_db()
    assert action.status == "a_lancer" and action.due_on is None
    response = client.post(
        url, {"title": "Former", "status": "en_cours", "theme": bank.governance.pk, "due_on": "2027-01-15"}
    )
    action.refresh_from_db()
    assert response.status_code == 302 and action.status == "en_cours"


def test_an_action_of_another_campaign_is_a_404(client, campaign, bank):
    other = make_campaign(bank, pilot=campaign.pilot, year=2025)
    client.force_login(campaign.pilot)
    client.post(page("action_new", other), {"title": "Former", "status": "a_lancer", "theme": bank.governance.pk})
    action = Action.objects.get()
    assert client.get(page("action_edit", campaign, action.pk)).status_code == 404
    assert client.get(page("action_new", campaign) + "?item=99999999999999999999").status_code == 404


# Closing


def test_closing_the_campaign(client, campaign):
    client.force_login(campaign.pilot)
    assert client.get(page("close", campaign)).status_code == 405
    response = client.post(page("close", campaign))
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    html = client.get(page("campaign", campaign)).content.decode()
    assert "Envoyer l&#x27;invitation" not in html and "Envoyer l'invitation" not in html
    response = client.post(page("close", campaign))
    assert response.status_code == 400 and "La campagne est close" in response.content.decode()


def test_an_invitation_after_closing_is_refused_in_french(client, campaign):
    client.force_login(campaign.pilot)
    client.post(page("close", campaign))
    response = client.post(page("invite", campaign), {"email": "sam@example.org", "role": "salarie"})
    assert response.status_code == 400 and "La campagne est close" in response.content.decode()


def test_the_account_page_links_to_the_diagnostics_for_pilots_only(client, campaign):
    client.force_login(campaign.pilot)
    assert "Mes autodiagnostics" in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(UserFactory())
    assert "Mes autodiagnostics" not in client.get(reverse("accounts:profile")).content.decode()


def test_the_structure_deletes_a_campaign_and_everything_in_it(client, mail_at_once):
    from essaim.diagnostics.models import Answer, Campaign
    from essaim.diagnostics.services import answer_save
    from tests.diagnostics.factories import make_bank, make_campaign

    bank = make_bank()
    campaign = make_campaign(bank)
    answer_save(respondent=campaign.respondents.get(), item=bank.items["gouvernance-q1"], level="engage")
    client.force_login(UserFactory())
    assert client.post(reverse("diagnostics:delete", args=[campaign.pk])).status_code == 404
    client.force_login(campaign.pilot)
    assert client.get(reverse("diagnostics:delete", args=[campaign.pk])).status_code == 405
    response = client.post(reverse("diagnostics:delete", args=[campaign.pk]))
    assert response.status_code == 302
    assert not Campaign.objects.exists() and not Answer.objects.exists()


def test_the_results_recall_last_years_retained_level_item_by_item(client, mail_at_once):
    from essaim.diagnostics.services import campaign_close, position_save
    from tests.diagnostics.factories import make_bank, make_campaign

    bank = make_bank()
    last = make_campaign(bank, year=2025)
    position_save(campaign=last, item=bank.items["gouvernance-q1"], level="reflexion", comment="", by=last.pilot)
    campaign_close(campaign=last, by=last.pilot)
    this = make_campaign(bank, year=2026, pilot=last.pilot)
    client.force_login(this.pilot)
    page = client.get(reverse("diagnostics:results", args=[this.pk])).content.decode()
    assert "Position retenue lors de la campagne précédente : En réflexion" in page


def test_no_global_score_unless_the_cress_turns_it_on(client, diverging, bank):
    from essaim.diagnostics.models import DiagnosticSettings

    client.force_login(diverging.pilot)
    assert "Niveau moyen" not in client.get(page("results", diverging)).content.decode()

    DiagnosticSettings.objects.update_or_create(pk=1, defaults={"show_global_score": True})
    position_save(campaign=diverging, item=bank.items["gouvernance-q1"], level="evalue", comment="", by=diverging.pilot)
    response = client.get(page("results", diverging))
    governance = response.context["themes"][0]
    # Q1: the team's position (5); Q2: the median of the answers (3, "engagé").
    assert governance["mean_level"] == 4.0 and response.context["mean_level"] == 4.0
    assert "4,0 sur 5" in response.content.decode()
