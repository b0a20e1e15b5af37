"""Every request's input goes through core/middleware.py: NUL refused, control characters removed."""

import json
from datetime import date

import pytest
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import JsonResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from essaim.catalog.models import Offer
from essaim.core.middleware import CleanInputMiddleware
from essaim.strategy.services import bilan_take
from tests.accounts.factories import UserFactory
from tests.strategy.factories import strategy_world

SUGGESTION = {
    "title": "Fonds de confiance de la Mayenne",
    "operator_name": "Initiative Mayenne",
    "summary": "Une aide pour financer une étude.",
    "url": "www.exemple.fr/fonds",
}


def _echo(request):  # type: ignore[no-untyped-def]
    return JsonResponse({"get": dict(request.GET.lists()), "post": dict(request.POST.lists())})


def test_the_input_is_cleaned_before_the_session_and_any_view_reads_it():
    order = settings.MIDDLEWARE
    assert order.index("essaim.core.middleware.CleanInputMiddleware") < order.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    ["/aides/alertes/confirmer/%00/", "/annuaire/?departement=%00", "/aides/recherche/?q=pr%00t", "/?%00=1"],
)
def test_a_nul_in_the_address_is_refused_with_the_french_bad_request_page(client, address):
    response = client.get(address)
    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()


@pytest.mark.django_db
def test_a_nul_in_a_form_is_refused_and_nothing_is_written(client, roles, taxonomies):
    response = client.post(reverse("catalog:suggest"), {**SUGGESTION, "summary": "Une aide\x00"})
    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()
    assert not Offer.objects.exists()


def test_a_nul_in_an_uploaded_file_name_or_a_cookie_is_refused():
    middleware = CleanInputMiddleware(_echo)
    upload = SimpleUploadedFile("rapport.pdf", b"%PDF")
    request = RequestFactory().post("/", {"document": upload})
    request.FILES["document"].name = "rapport\x00.pdf"
    with pytest.raises(BadRequest, match="caractère nul"):
        middleware(request)
    request = RequestFactory().get("/")
    request.COOKIES["sessionid"] = "abc\x00"
    with pytest.raises(BadRequest, match="caractère nul"):
        middleware(request)


def test_control_characters_are_removed_from_query_and_form_values_and_manual_breaks_become_line_breaks():
    middleware = CleanInputMiddleware(_echo)
    request = RequestFactory().post(
        "/?q=pr%0Bet%C2%85", {"summary": "ligne\x0bsuivante\x0c\x1b\x7f\x9f", "kept": "a\tb\r\nc"}
    )
    response = middleware(request)
    echoed = json.loads(response.content)
    assert echoed["get"] == {"q": ["pr\net"]}
    assert echoed["post"] == {"summary": ["ligne\nsuivante\n"], "kept": ["a\tb\r\nc"]}


@pytest.mark.django_db
def test_a_description_pasted_from_a_word_processor_keeps_its_line_breaks_without_vertical_tabs(
    client, roles, taxonomies
):
    client.post(reverse("catalog:suggest"), {**SUGGESTION, "summary": "Première ligne\x0bSeconde ligne"})
    assert Offer.objects.get().summary == "Première ligne\nSeconde ligne"


@pytest.mark.django_db
def test_an_id_of_23_digits_in_an_address_is_not_found_rather_than_an_overflow(client):
    client.force_login(UserFactory(platform_admin=True))
    assert client.get("/aides/espace/offres/99999999999999999999999/").status_code == 404
    assert client.get(f"/aides/espace/offres/{2**63}/").status_code == 404
    assert reverse("catalog:offer_edit", args=[12]) == "/aides/espace/offres/12/"


@pytest.mark.django_db
def test_the_selection_ignores_digits_that_are_not_digits_and_huge_ids(client):
    response = client.get(reverse("catalog:selection"), {"offres": "²,٣,99999999999999999999999,-1"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_comparing_bilans_with_a_huge_id_says_what_to_choose(region):
    world = strategy_world(region)
    bilan_take(strategy=world.strategy, title="Bilan 2025", as_of=date(2025, 12, 31), introduction="", by=None)
    bilan_take(strategy=world.strategy, title="Bilan 2026", as_of=date(2026, 6, 30), introduction="", by=None)
    url = reverse("strategy:bilan_compare", args=[world.strategy.code])
    client = Client(raise_request_exception=False)
    client.force_login(world.copilot)  # the bilans are not published: the co-pilots see them
    response = client.get(url, {"avant": "9" * 23, "apres": "²"})
    assert response.status_code == 400
    assert "Choisissez deux bilans" in response.content.decode()


@pytest.mark.django_db
def test_the_admin_ignores_a_prefilled_relation_that_names_no_object(client):
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    assert client.get("/admin/catalog/offer/add/?operator=abc").status_code == 200
    assert client.get("/admin/organisations/organisation/add/?commune=99999999999999999999999").status_code == 200
    assert client.get("/admin/catalog/searchlog/add/").status_code == 403


@pytest.mark.django_db
def test_the_admin_shows_again_a_form_whose_autocomplete_field_names_no_object(client):
    from tests.organisations.factories import MembershipFactory

    membership = MembershipFactory()
    client.force_login(UserFactory(platform_admin=True, is_superuser=True))
    page = f"/admin/organisations/membership/{membership.pk}/change/"
    response = client.post(page, {"user": "🐝", "organisation": membership.organisation.pk, "role": "member"})
    assert response.status_code == 200


def test_every_route_takes_its_ids_with_the_bounded_converter():
    """Django's `<int:…>` is unbounded: a 23-digit id overflows SQLite's integer (500)."""
    from tests.security.hostile import routes

    unbounded = [f"{route.name} <int:{name}>" for route in routes() for kind, name in route.params if kind == "int"]
    assert not unbounded, "Use <id:…> (essaim/core/converters.py): " + ", ".join(unbounded)


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_an_address_with_more_parameters_than_django_reads_gets_a_400_even_with_debug(client, settings, debug):
    # With DEBUG (make run), Django's error page reads request.GET again: it must not fail twice.
    settings.DEBUG = debug
    many = "&".join(f"p{index}=1" for index in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"/observatoire/carte/?{many}")
    assert response.status_code == 400
    if not debug:
        assert "trop de paramètres" in response.content.decode()


@pytest.mark.django_db
def test_a_form_with_more_fields_than_django_reads_gets_a_400(client, settings):
    many = {f"p{index}": "1" for index in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    assert Client(enforce_csrf_checks=False).post("/connexion/", many).status_code == 400
