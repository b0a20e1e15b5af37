"""Anyone may point out a missing offer; it waits for the CRESS, hidden from the public."""

import pytest
from django.urls import reverse

from essaim.catalog.models import Offer
from essaim.organisations.models import Organisation
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SUGGESTION = {
    "title": "Fonds de confiance de la Mayenne",
    "operator_name": "Initiative Mayenne",
    "summary": "Une aide pour financer l'étude de faisabilité d'un projet collectif.",
    "url": "www.exemple.fr/fonds",
}


def test_a_visitor_suggests_an_offer_that_waits_hidden_for_the_cress(client, roles, taxonomies):
    response = client.post(reverse("catalog:suggest"), SUGGESTION, follow=True)
    assert "Merci" in response.content.decode()
    offer = Offer.objects.get()
    assert offer.status == Offer.Status.SUGGESTION
    assert offer.url == "https://www.exemple.fr/fonds"
    assert offer.history_entries.get().summary == "Suggestion du public"
    # The unknown operator is created but kept out of the public directory.
    assert offer.operator.name == "Initiative Mayenne" and offer.operator.is_active is False
    assert client.get(reverse("catalog:offer", args=[offer.slug])).status_code == 404
    assert client.get(reverse("organisations:detail", args=[offer.operator.slug])).status_code == 404

    client.force_login(UserFactory(platform_admin=True))
    page = client.get(reverse("catalog:moderation")).content.decode()
    assert "Fonds de confiance de la Mayenne" in page and "Reprendre en brouillon" in page
    assert client.get(reverse("catalog:offer_edit", args=[offer.pk])).status_code == 200
    client.post(reverse("catalog:offer_status", args=[offer.pk]), {"to": "archived", "next": "moderation"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ARCHIVED


def test_a_suggestion_reuses_a_known_operator_whatever_the_accents(client, roles, taxonomies):
    known = OrganisationFactory(name="Réseau Entreprendre Atlantique")
    client.post(reverse("catalog:suggest"), {**SUGGESTION, "operator_name": "reseau entreprendre ATLANTIQUE"})
    assert Offer.objects.get().operator == known
    assert Organisation.objects.count() == 1


def test_an_incomplete_suggestion_says_what_is_missing_and_keeps_what_was_typed(client, roles, taxonomies):
    response = client.post(reverse("catalog:suggest"), {**SUGGESTION, "summary": "", "url": "pas une adresse"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ce champ est obligatoire." in page
    assert "Saisissez une URL valide." in page
    assert "Fonds de confiance de la Mayenne" in page
    assert not Offer.objects.exists()


def test_a_robot_filling_the_hidden_field_creates_nothing(client, roles, taxonomies):
    client.post(reverse("catalog:suggest"), {**SUGGESTION, "website": "http://spam.example"})
    assert not Offer.objects.exists()
