"""Anyone may point out a missing offer; it waits for the CRESS, hidden from the public."""

import pytest
from django.urls import reverse

from essaim.catalog.models import Offer
from essaim.organisations.models import Membership, Organisation
from tests.accounts.factories import UserFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory

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


def test_a_suggestion_naming_a_known_operator_stays_out_of_its_workspace_until_the_cress_assigns_it(
    client, roles, taxonomies
):
    known = OrganisationFactory(name="Réseau Entreprendre Atlantique")
    editor = UserFactory()
    MembershipFactory(organisation=known, user=editor, role=Membership.Role.EDITOR)
    client.post(reverse("catalog:suggest"), {**SUGGESTION, "operator_name": "reseau entreprendre ATLANTIQUE"})
    offer = Offer.objects.get()
    assert offer.operator != known and offer.operator.is_active is False

    client.force_login(editor)
    assert "Fonds de confiance" not in client.get(reverse("catalog:my_offers")).content.decode()
    assert client.get(reverse("catalog:offer_edit", args=[offer.pk])).status_code == 403

    # Only the CRESS may hand it over.
    response = client.post(reverse("catalog:suggestion_assign", args=[offer.pk]), {"operator": known.pk})
    assert response.status_code == 403
    client.force_login(UserFactory(platform_admin=True))
    page = client.get(reverse("catalog:moderation")).content.decode()
    assert "Confier à Réseau Entreprendre Atlantique" in page
    holder = offer.operator
    client.post(reverse("catalog:suggestion_assign", args=[offer.pk]), {"operator": known.pk})
    offer.refresh_from_db()
    assert (offer.operator, offer.status) == (known, Offer.Status.DRAFT)
    assert not Organisation.objects.filter(pk=holder.pk).exists()
    assert (
        offer.history_entries.order_by("-pk").first().summary == "Suggestion confiée à Réseau Entreprendre Atlantique"
    )

    client.force_login(editor)
    assert "Fonds de confiance" in client.get(reverse("catalog:my_offers")).content.decode()


def test_a_suggestion_for_an_unknown_operator_names_no_one_to_assign_it_to(client, roles, taxonomies):
    client.post(reverse("catalog:suggest"), SUGGESTION)
    client.post(reverse("catalog:suggest"), {**SUGGESTION, "title": "Prêt d'honneur de la Mayenne"})
    assert Organisation.objects.count() == 1  # both wait under the same hidden name
    client.force_login(UserFactory(platform_admin=True))
    page = client.get(reverse("catalog:moderation")).content.decode()
    assert "Confier à" not in page and "Structure inconnue de l'annuaire" in page


def test_assigning_to_a_hidden_structure_or_no_structure_is_refused_in_french(client, roles, taxonomies):
    client.post(reverse("catalog:suggest"), SUGGESTION)
    offer = Offer.objects.get()
    client.force_login(UserFactory(platform_admin=True))
    url = reverse("catalog:suggestion_assign", args=[offer.pk])
    for value in ["", "²", "9" * 30, "999999"]:
        response = client.post(url, {"operator": value}, follow=True)
        assert "Choisissez la structure à qui confier la suggestion." in response.content.decode()
    response = client.post(url, {"operator": offer.operator.pk}, follow=True)
    assert "pas une structure visible de l" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.SUGGESTION


def test_a_visitor_gets_the_form_back_with_a_429_after_five_suggestions_in_the_window(client, roles, taxonomies):
    for number in range(5):
        response = client.post(reverse("catalog:suggest"), {**SUGGESTION, "title": f"Offre {number}"})
        assert response.status_code == 302
    response = client.post(reverse("catalog:suggest"), {**SUGGESTION, "title": "Offre de trop"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de demandes" in page and 'value="Offre de trop"' in page
    assert Offer.objects.count() == 5


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
