"""A self-diagnostic campaign in the browser, end to end: the pilot invites two people; one answers
with the mouse, the other with the keyboard only; the pilot reads the results, consolidates, builds
the plan, downloads the general meeting's summary and asks for support. axe-core checks every
page, at desk width and on a 390 px phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from essaim.diagnostics.models import Action, Answer, Position
from essaim.referrals.models import Referral
from tests.accounts.factories import UserFactory
from tests.browser.conftest import DESK, assert_accessible, log_in
from tests.browser.test_diagnostic_respondent import tab_to
from tests.diagnostics.factories import make_bank, make_campaign, make_pilot
from tests.organisations.factories import OrganisationFactory
from tests.referrals.factories import make_team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_campaign_from_the_invitations_to_the_support_request(page, browser, live_server, region, taxonomies):
    bank = make_bank()
    pilot = make_pilot(OrganisationFactory(name="La Ressourcerie du Port", commune=region.nantes))
    campaign = make_campaign(bank, pilot=pilot, themes=[bank.governance])
    make_team(needs=["mesurer_impact"])
    question = bank.items["gouvernance-q1"].text

    log_in(page, pilot.email)
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/")
    assert_accessible(page)
    for email, role in (("sam@example.org", "Salarié·e"), ("lou@example.org", "Bénévole")):
        page.get_by_label("Adresse e-mail (obligatoire)").fill(email)
        page.get_by_label("Rôle").select_option(label=role)
        page.get_by_role("button", name="Envoyer l'invitation").click()
        page.get_by_text(f"Invitation envoyée à {email}.").wait_for()
    assert_accessible(page)
    sam, lou = (campaign.respondents.get(email=email) for email in ("sam@example.org", "lou@example.org"))

    # Sam answers with the mouse.
    other = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=DESK)
    respondent_page = other.new_page()
    respondent_page.goto(sam.get_absolute_url())
    respondent_page.get_by_role("link", name="Commencer").click()
    respondent_page.get_by_role("group", name=question).get_by_label("Formalisé").check()
    respondent_page.get_by_role("button", name="Enregistrer et continuer").click()
    respondent_page.get_by_text("sont enregistrées").first.wait_for()

    # Lou answers with the keyboard only.
    respondent_page.goto(lou.get_absolute_url())
    tab_to(respondent_page, "| Commencer")
    respondent_page.keyboard.press("Enter")
    respondent_page.get_by_role("heading", name="Gouvernance démocratique", level=1).wait_for()
    tab_to(respondent_page, f"{question} | Pas encore abordé")
    respondent_page.keyboard.press("Space")
    tab_to(respondent_page, "| Enregistrer et continuer")
    respondent_page.keyboard.press("Enter")
    respondent_page.get_by_text("sont enregistrées").first.wait_for()
    assert_accessible(respondent_page)
    other.close()
    assert {answer.respondent.email: answer.level for answer in Answer.objects.all()} == {
        "sam@example.org": "formalise",
        "lou@example.org": "pas_encore",
    }

    # The pilot reads the results, consolidates and builds the plan.
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/resultats/")
    expect(page.get_by_text("avis partagés").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Niveau retenu").first.select_option("reflexion")
    page.get_by_role("button", name="Enregistrer la position sur Q1").first.click()
    page.get_by_text("Position enregistrée.").wait_for()
    assert Position.objects.get().level == "reflexion"
    page.get_by_role("link", name="Ajouter au plan d'action").first.click()
    assert_accessible(page)
    page.get_by_label("Action (obligatoire)").fill("Ouvrir le conseil d'administration aux bénévoles")
    page.get_by_label("Objectif à un an").fill("Deux bénévoles élus")
    page.get_by_role("button", name="Enregistrer l'action").click()
    page.get_by_text("enregistrée").first.wait_for()
    assert Action.objects.get().objective_1y == "Deux bénévoles élus"
    assert_accessible(page)

    # The general meeting's summary, on the page and as a tagged PDF.
    page.get_by_role("link", name="Pour l'assemblée générale").click()
    expect(page.get_by_text("Ouvrir le conseil d'administration aux bénévoles").first).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").first.click()
    assert download.value.suggested_filename.endswith(".pdf")

    # Être accompagné, sharing the theme.
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/accompagnement/")
    assert_accessible(page)
    page.get_by_label("J'accepte que ces extraits").check()
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.get_by_text("Votre demande est transmise aux partenaires").wait_for()
    referral = Referral.objects.get()
    assert referral.context_kind == "autodiagnostic" and referral.dispatches.exists()
    assert_accessible(page)

    # An adviser the structure invites reads the diagnostic and the plan, and comments.
    adviser = UserFactory(email="conseil@dla.example", full_name="Inès Conseil")
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/")
    page.get_by_label("Adresse e-mail du conseiller ou de la conseillère").fill(adviser.email)
    page.get_by_role("button", name="Donner accès").click()
    page.get_by_text("Accès donné à conseil@dla.example").wait_for()
    log_in(page, adviser.email)
    page.goto(f"/autodiagnostic/campagne/{campaign.pk}/lecture/")
    expect(page.get_by_text("Ouvrir le conseil d'administration aux bénévoles").first).to_be_visible()
    page.get_by_label("Votre commentaire").fill("Pensez à former les nouveaux administrateurs.")
    page.get_by_role("button", name="Publier le commentaire").click()
    page.get_by_text("Commentaire publié.").wait_for()
    assert_accessible(page)
