from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.catalog.models import Offer, OfferEvent
from essaim.core.templatetags.essaim import fr_typo  # messages are shown with French typography
from essaim.organisations.models import Membership
from tests.accounts.factories import UserFactory
from tests.catalog.factories import TODAY, make_offer
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Tester son activité en coopérative",
    "summary": "Une CAE héberge votre activité le temps de la tester.",
    "description": "Description.",
    "offer_types": ["test_activite"],
    "stages": ["faisabilite"],
    "coverage": ["departement:44"],
    "local_codes": "49007, 244400404",
    "fees": "gratuit",
    "recurrence": "permanente",
    "review_every_months": "6",
}


@pytest.fixture
def operator(region, roles, taxonomies):
    return OrganisationFactory(name="CAE Ouest", roles=["operateur_accompagnement"])


@pytest.fixture
def editor(client, operator):
    user = UserFactory(email="editrice@example.org")
    Membership.objects.create(user=user, organisation=operator, role="editor")
    client.force_login(user)
    return user


def test_an_editor_creates_a_draft_with_its_territories_and_history(client, editor, operator):
    response = client.post(reverse("catalog:offer_create"), {**FORM, "operator": operator.pk})
    offer = Offer.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("catalog:offer_edit", args=[offer.pk])
    assert offer.status == Offer.Status.DRAFT
    assert sorted(t.token for t in offer.territories.all()) == ["commune:49007", "departement:44", "epci:244400404"]
    assert offer.history_entries.get().author == editor
    page = client.get(reverse("catalog:offer_edit", args=[offer.pk])).content.decode()
    assert "Soumettre à la CRESS" in page and "Publier" not in page


def test_form_errors_are_explained_and_nothing_is_saved(client, editor, operator):
    response = client.post(
        reverse("catalog:offer_create"),
        {
            **FORM,
            "operator": operator.pk,
            "coverage": [],
            "local_codes": "99999",
            "amount_min": "500",
            "amount_max": "10",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert fr_typo("« 99999 » n&#x27;est ni un code de commune ni un SIREN d&#x27;EPCI connu.") in html
    assert "Le maximum de montant doit être supérieur ou égal au minimum." in html
    assert Offer.objects.count() == 0


def test_an_operator_submits_and_only_the_cress_publishes(client, editor, operator):
    offer = make_offer("Tester son activité", types=["test_activite"], operator=operator, status="draft")
    url = reverse("catalog:offer_status", args=[offer.pk])
    client.post(url, {"to": "review"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW
    client.post(url, {"to": "published"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW  # refused for the operator

    client.force_login(UserFactory(platform_admin=True))
    assert "Tester son activité" in client.get(reverse("catalog:moderation")).content.decode()
    response = client.post(url, {"to": "published", "next": "moderation", "comment": "Merci !"})
    assert response["Location"] == reverse("catalog:moderation")
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED
    assert offer.history_entries.first().summary == "En revue → Publiée : Merci !"
    assert client.get(offer.get_absolute_url()).status_code == 200


def test_nobody_edits_another_structures_offer(client, editor, region):
    other = make_offer("Offre d'un autre", types=["prime"])
    assert client.get(reverse("catalog:offer_edit", args=[other.pk])).status_code == 403
    assert client.post(reverse("catalog:offer_status", args=[other.pk]), {"to": "archived"}).status_code == 403
    other.refresh_from_db()
    assert other.status == Offer.Status.PUBLISHED


def test_a_plain_member_cannot_create_offers(client, operator):
    member = UserFactory()
    Membership.objects.create(user=member, organisation=operator, role="member")
    client.force_login(member)
    assert client.get(reverse("catalog:offer_create")).status_code == 403
    assert "éditeur d'aucune structure" in client.get(reverse("catalog:my_offers")).content.decode()


def test_confirming_an_offer_is_up_to_date_restarts_its_review_period(client, editor, operator):
    offer = make_offer("Vieille offre", types=["prime"], operator=operator, reviewed_on=TODAY - timedelta(days=400))
    client.post(reverse("catalog:offer_reviewed", args=[offer.pk]))
    offer.refresh_from_db()
    assert offer.reviewed_on == TODAY
    assert offer.review_due_on > TODAY
    assert offer.history_entries.first().summary == "Relue et confirmée à jour"


def test_workspace_lists_the_offers_with_their_quality(client, editor, operator):
    make_offer("Mon offre", types=["prime"], operator=operator)
    make_offer("Pas à moi", types=["prime"])
    response = client.get(reverse("catalog:my_offers"))
    assert [row[0].title for row in response.context["rows"]] == ["Mon offre"]
    assert "Manque" in response.content.decode()
    assert reverse("catalog:my_offers") in client.get(reverse("accounts:profile")).content.decode()


def test_an_editor_reserves_an_offer_to_an_answer_of_the_guided_path(client, editor, operator):
    client.post(
        reverse("catalog:offer_create"),
        {**FORM, "operator": operator.pk, "requires_agrement_esus": "oui", "requires_quartier_prioritaire": "non"},
    )
    offer = Offer.objects.get()
    assert offer.required_answers == {"agrement_esus": True, "quartier_prioritaire": False}
    page = client.get(reverse("catalog:offer_edit", args=[offer.pk])).content.decode()
    assert '<option value="oui" selected>Réservée à qui répond oui</option>' in page

    client.post(reverse("catalog:offer_edit", args=[offer.pk]), {**FORM, "operator": operator.pk})
    offer.refresh_from_db()
    assert offer.required_answers == {}


def test_an_offer_no_one_can_act_on_is_refused_publication_saying_what_to_add(client, region, roles, taxonomies):
    silent = OrganisationFactory(name="Initiative Muette", phone="", roles=["financeur"])
    offer = make_offer("Prêt d'honneur sans contact", types=["pret"], operator=silent, status="review")
    client.force_login(UserFactory(platform_admin=True))
    page = client.get(reverse("catalog:moderation")).content.decode()
    assert "Publication impossible\u00a0: il manque un moyen d&#x27;agir" in page
    assert 'value="published"' not in page and "Aperçu de la carte" in page and "/100" in page
    response = client.post(reverse("catalog:offer_status", args=[offer.pk]), {"to": "published"}, follow=True)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.REVIEW
    assert fr_typo("ne peut pas être publiée : il lui manque un moyen d&#x27;agir") in response.content.decode()
    silent.website = "https://initiative-muette.example"
    silent.save()
    client.post(reverse("catalog:offer_status", args=[offer.pk]), {"to": "published"})
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED  # the operator's site is a way to act


def test_operators_see_views_and_clicks_of_their_offers_over_ninety_days_in_one_query(
    client, editor, operator, django_assert_max_num_queries
):
    mine = make_offer("Mon offre", types=["prime"], operator=operator)
    other = make_offer("Autre offre", types=["prime"], operator=operator)
    for kind in ("view", "view", "view", "apply", "contact"):
        OfferEvent.objects.create(offer=mine, kind=kind)
    old = OfferEvent.objects.create(offer=mine, kind="view")
    OfferEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    OfferEvent.objects.create(offer=make_offer("Pas à moi", types=["prime"]), kind="view")
    with django_assert_max_num_queries(15):
        response = client.get(reverse("catalog:my_offers"))
    counts = {row[0].title: (row[0].recent_views, row[0].recent_clicks) for row in response.context["rows"]}
    assert counts == {"Mon offre": (3, 2), "Autre offre": (0, 0)} and other.pk
    assert "3 consultations, 2 clics vers l'opérateur" in " ".join(response.content.decode().split())


def test_the_new_offer_form_sent_twice_creates_one_draft(client, editor, operator):
    token = client.get(reverse("catalog:offer_create")).context["form"]["creation_token"].value()
    form = {**FORM, "operator": operator.pk, "creation_token": token}
    first = client.post(reverse("catalog:offer_create"), form)
    second = client.post(reverse("catalog:offer_create"), form)  # a double click, or a reload
    offer = Offer.objects.get()
    assert first["Location"] == second["Location"] == reverse("catalog:offer_edit", args=[offer.pk])
    assert offer.history_entries.count() == 1
    another = client.get(reverse("catalog:offer_create")).context["form"]["creation_token"].value()
    client.post(reverse("catalog:offer_create"), {**form, "creation_token": another})
    assert Offer.objects.count() == 2  # a new form is a new offer


def test_a_commune_typed_twice_in_the_coverage_is_covered_once_and_nothing_is_lost(client, editor, operator):
    response = client.post(
        reverse("catalog:offer_create"), {**FORM, "operator": operator.pk, "local_codes": "49007, 49007 ,49007"}
    )
    offer = Offer.objects.get()
    assert response.status_code == 302
    assert sorted(t.token for t in offer.territories.all()) == ["commune:49007", "departement:44"]
    response = client.post(
        reverse("catalog:offer_edit", args=[offer.pk]),
        {**FORM, "operator": operator.pk, "local_codes": "244400404, 49007, 244400404, 49007"},
    )
    assert response.status_code == 302
    assert sorted(t.token for t in offer.territories.all()) == ["commune:49007", "departement:44", "epci:244400404"]
