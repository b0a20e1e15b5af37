"""The catalogue's links into support requests: "Être mis en relation" on the guided path's
results, "Contacter cet opérateur par la plateforme" on an offer's page, and what it tells the
requests module through the registries (an offer's context, offers that answer a need)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from essaim.core.registries import Link, RequestContext, request_context, suggested_offers
from tests.catalog.factories import make_offer
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "stage": "creation",
    "needs": ["tresorerie", "financer_demarrage"],
    "audience": "association",
    "commune": "Nantes",
    "years": "2",
    "employees": "4",
}


def request_link(page: str, label: str) -> str:
    """The address of the last link whose text is `label`."""
    before = page[: page.rindex(label)]
    return before[before.rindex('href="') + 6 :].split('"', 1)[0].replace("&amp;", "&")


def test_the_guided_paths_results_lead_to_the_request_form_with_the_answers(client, region, taxonomies):
    page = client.get(reverse("catalog:results"), ANSWERS).content.decode()
    assert "Être mis en relation avec un partenaire</a>" in page
    url = request_link(page, "Être mis en relation avec un partenaire</a>")
    parts = urlsplit(url)
    assert parts.path == reverse("referrals:new")
    assert parse_qs(parts.query) == {
        "needs": ["financer_demarrage", "tresorerie"],  # in the taxonomy's order
        "stage": ["creation"],
        "audience": ["association"],
        "commune": ["44109"],
        "years": ["2"],
        "employees": ["4"],
        "origine": ["parcours"],
    }
    form = client.get(url).context["form"]
    assert form.initial["need"] == "financer_demarrage"
    assert form.initial["commune"] == region.nantes and form.initial["origine"] == "parcours"


def test_an_offer_of_a_structure_of_the_directory_can_be_asked_through_the_platform(client, region, taxonomies):
    offer = make_offer("Prêt d'honneur solidaire", types=["pret"], needs=["financer_demarrage", "tresorerie"])
    page = client.get(offer.get_absolute_url()).content.decode()
    url = request_link(page, "Contacter cet opérateur par la plateforme")
    query = parse_qs(urlsplit(url).query)
    assert query["offre"] == [str(offer.pk)] and set(query["needs"]) == {"financer_demarrage", "tresorerie"}

    response = client.get(url)
    assert response.context["offer"].label == "Prêt d'honneur solidaire"


def test_an_offer_whose_operator_left_the_directory_has_no_platform_contact(client, region, taxonomies):
    offer = make_offer("Prêt caché", types=["pret"], operator=OrganisationFactory(is_active=False))
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "Contacter cet opérateur par la plateforme" not in page
    assert request_context("offre", offer.pk) is None


def test_the_context_of_a_published_offer_names_its_operator_and_needs(region, taxonomies):
    operator = OrganisationFactory(name="France Active")
    offer = make_offer("Garantie", types=["garantie"], needs=["tresorerie", "financer_demarrage"], operator=operator)
    draft = make_offer("Brouillon", types=["garantie"], status="draft")

    assert request_context("offre", offer.pk) == RequestContext(
        label="Garantie",
        url=offer.get_absolute_url(),
        organisation_id=operator.pk,
        needs=("financer_demarrage", "tresorerie"),  # in the taxonomy's order
    )
    assert request_context("offre", draft.pk) is None
    assert request_context("offre", 987654321) is None


def test_offer_suggestions_are_published_offers_that_fit_the_request(region, taxonomies):
    near = make_offer(
        "Prêt de Nantes", types=["pret"], needs=["financer_demarrage"], territories=[("commune", "44109")]
    )
    wide = make_offer("Prêt régional", types=["pret"], needs=["financer_demarrage"])
    make_offer("Recruter", types=["accompagnement"], needs=["recruter_rh_benevolat"])
    make_offer("Prêt du Loiret", types=["pret"], needs=["financer_demarrage"], territories=[("departement", "45")])
    make_offer("Pour les SCOP", types=["pret"], needs=["financer_demarrage"], audiences=["scop"])
    make_offer("Brouillon", types=["pret"], needs=["financer_demarrage"], status="draft")

    found = suggested_offers(need="financer_demarrage", audience="association", commune="44109", limit=5)
    assert found == [Link("Prêt de Nantes", near.get_absolute_url()), Link("Prêt régional", wide.get_absolute_url())]
    assert suggested_offers(need="financer_demarrage", commune="44109", limit=1) == [found[0]]
    assert suggested_offers(need="financer_demarrage", commune="44109", limit=0) == []
