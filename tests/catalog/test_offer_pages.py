from datetime import timedelta

import pytest
from django.urls import reverse

from essaim.catalog.models import OfferEvent
from tests.catalog.factories import TODAY, make_offer
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(region, roles, taxonomies):
    operator = OrganisationFactory(name="France Active Pays de la Loire", commune=region.nantes)
    generic = make_offer(
        "Le dispositif local d'accompagnement",
        types=["accompagnement_individuel"],
        operator=operator,
        territories=[("france", "")],
    )
    make_offer(
        "Le DLA de Loire-Atlantique",
        types=["accompagnement_individuel"],
        parent=generic,
        territories=[("departement", "44")],
    )
    return make_offer(
        "Garantir son prêt bancaire",
        types=["garantie"],
        operator=operator,
        amount_min=5_000,
        amount_max=200_000,
        application_url="https://essaim-demo.example/candidater",
        url="https://essaim-demo.example/garantie",
        contact_email="contact@essaim-demo.example",
        min_years=1,
    )


def test_offer_page_shows_how_to_apply_and_when_it_was_updated(client, offer):
    response = client.get(offer.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "de 5\u202f000\u00a0€ à 200\u202f000\u00a0€" in html
    assert "au moins 1 an" in html
    assert reverse("catalog:offer_go", args=[offer.slug, "apply"]) in html
    assert f'datetime="{offer.reviewed_on:%Y-%m-%d}"' in html
    assert OfferEvent.objects.filter(offer=offer, kind="view").count() == 1


def test_a_generic_offer_lists_its_local_instances(client, offer):
    generic = offer.operator.offers.get(title="Le dispositif local d'accompagnement")
    html = client.get(generic.get_absolute_url()).content.decode()
    assert "Le DLA de Loire-Atlantique" in html


def test_clicks_on_apply_and_contact_are_counted_then_redirected(client, offer):
    response = client.get(reverse("catalog:offer_go", args=[offer.slug, "apply"]))
    assert response.status_code == 302 and response["Location"] == "https://essaim-demo.example/candidater"
    response = client.get(reverse("catalog:offer_go", args=[offer.slug, "contact"]))
    assert response["Location"] == "mailto:contact@essaim-demo.example"
    assert sorted(OfferEvent.objects.values_list("kind", flat=True)) == ["apply", "contact"]
    assert client.get(reverse("catalog:offer_go", args=[offer.slug, "ailleurs"])).status_code == 404


def test_unpublished_and_expired_offers_have_no_public_page_or_stay_out_of_lists(client, offer):
    offer.status = "draft"
    offer.save()
    assert client.get(offer.get_absolute_url()).status_code == 404
    expired = make_offer("Clos", types=["subvention"], deadline=TODAY - timedelta(days=2), recurrence="ponctuelle")
    assert expired not in client.get(reverse("catalog:search")).context["page"].object_list


def test_operator_page_lists_its_offers(client, offer):
    response = client.get(reverse("catalog:operator", args=[offer.operator.slug]))
    assert response.status_code == 200
    assert [o.title for o in response.context["offers"]] == [
        "Garantir son prêt bancaire",
        "Le dispositif local d'accompagnement",
    ]


def test_selection_page_lists_the_kept_offers_to_print(client, offer):
    response = client.get(reverse("catalog:selection"), {"offres": f"{offer.pk},abc,999999"})
    assert [o.title for o in response.context["offers"]] == ["Garantir son prêt bancaire"]
    assert "contact@essaim-demo.example" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("catalog:home", "Aides et accompagnement"),
        ("catalog:search", "Rechercher"),
        ("catalog:orientation", "Étape 1 sur 5"),
    ],
)
def test_catalogue_pages_have_a_plain_text_title(client, offer, name, title):
    page = client.get(reverse(name)).content.decode()
    head_title = " ".join(page.split("<title>", 1)[1].split("</title>", 1)[0].split())
    assert head_title.startswith(title)
    assert head_title.endswith("— Essaim")
    assert "<" not in head_title


def test_printable_selection_says_how_to_apply_whom_to_contact_when_and_who_publishes(client, offer, settings):
    settings.PUBLISHER_NAME = "CRESS des Pays de la Loire"
    offer.operator.email = "accueil@franceactive-demo.example"
    offer.operator.phone = "02 40 00 00 00"
    offer.operator.save()
    response = client.get(reverse("catalog:selection"), {"offres": str(offer.pk)})
    html = response.content.decode()
    assert 'href="https://essaim-demo.example/candidater"' in html
    assert "accueil@franceactive-demo.example" in html
    assert "02 40 00 00 00" in html
    assert "de 5\u202f000\u00a0€ à 200\u202f000\u00a0€" in html
    assert "aucune\u00a0: offre permanente" in html
    assert "publié par CRESS des Pays de la Loire" in html
    assert f'datetime="{TODAY:%Y-%m-%d}"' in html
    assert f'<a href="{offer.get_absolute_url()}">Garantir son prêt bancaire</a>' in html


def test_offer_page_leads_back_to_the_results_it_was_opened_from(client, offer):
    search = "/aides/recherche/?q=pr%C3%AAt&need=financer_demarrage&page=2"
    response = client.get(offer.get_absolute_url(), headers={"referer": f"http://testserver{search}"})
    assert f'<a href="{search.replace("&", "&amp;")}">Retour aux résultats</a>' in response.content.decode()

    path = "/aides/orientation/resultats/?stage=creation&commune=44109"
    response = client.get(offer.get_absolute_url(), headers={"referer": f"http://testserver{path}"})
    assert response.context["back_to_results"] == path


@pytest.mark.parametrize(
    "referer",
    [
        "",
        "https://ailleurs.example/aides/recherche/?q=pret",
        "//ailleurs.example/aides/recherche/",
        "http://testserver/organisations/",
        "javascript:alert(1)",
    ],
)
def test_no_way_back_is_offered_to_another_site_or_page(client, offer, referer):
    response = client.get(offer.get_absolute_url(), headers={"referer": referer})
    assert "Retour aux résultats" not in response.content.decode()
