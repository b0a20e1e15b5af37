from datetime import timedelta

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from essaim.api.openapi import BAD_PARAMETER, NOT_FOUND, UNKNOWN_VALUE, openapi_document
from tests.catalog.factories import TODAY, make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(region, roles, taxonomies):
    return {
        "local": make_offer(
            "Prime de la métropole",
            types=["prime"],
            needs=["financer_demarrage", "tresorerie"],
            territories=[("epci", "244400404")],
        ),
        "regional": make_offer(
            "Garantir son prêt", types=["garantie"], needs=["financer_demarrage"], external_id="fa-1"
        ),
        "scop": make_offer("Réservé aux SCOP", types=["pret"], audiences=["scop"]),
        "expired": make_offer(
            "Clos", types=["subvention"], deadline=TODAY - timedelta(days=1), recurrence="ponctuelle"
        ),
    }


def schema(name: str) -> Draft202012Validator:
    document = openapi_document()
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": document["components"]})


def test_openapi_document_is_valid_openapi():
    document = openapi_document()
    validate(document)
    assert set(document["paths"]) == {
        "/offers",
        "/offers/{id}",
        "/orientation",
        "/strategies",
        "/strategies/{code}",
        "/observatory/{level}/{code}",
        "/observatory/{level}.csv",
    }


def test_openapi_is_served(client, db):
    response = client.get(reverse("api:openapi"))
    assert response.status_code == 200
    assert response.json()["openapi"] == "3.1.0"


def test_orientation_returns_matches_in_rank_order_with_why_and_score(client, catalog):
    response = client.get(
        reverse("api:orientation"),
        {"stage": "creation", "needs": "financer_demarrage,tresorerie", "audience": "association", "commune": "44109"},
    )
    assert response.status_code == 200
    body = response.json()
    schema("Orientation").validate(body)
    assert body["count"] == 2
    assert [result["title"] for result in body["results"]] == ["Prime de la métropole", "Garantir son prêt"]
    first = body["results"][0]
    assert {"kind": "need", "value": "tresorerie"} in first["why"]
    assert first["score"] > body["results"][1]["score"]
    assert body["results"][1]["external_id"] == "fa-1"


@pytest.mark.parametrize(
    "params, field",
    [
        ({"stage": "licorne"}, "stage"),
        ({"needs": "tresorerie,inconnu"}, "needs"),
        ({"commune": "99999"}, "commune"),
        ({"audience": "'; DROP TABLE x; --"}, "audience"),
    ],
)
def test_unknown_slugs_or_communes_answer_400_with_a_french_message(client, catalog, params, field):
    response = client.get(reverse("api:orientation"), params)
    assert response.status_code == 400
    body = response.json()
    schema("Error").validate(body)
    assert field in body["details"]
    assert body["error"].startswith("Paramètres invalides")


def test_offers_list_filters_and_paginates(client, catalog):
    response = client.get(reverse("api:offers"), {"q": "prêt", "type": "garantie"})
    body = response.json()
    schema("OfferPage").validate(body)
    assert [offer["title"] for offer in body["results"]] == ["Garantir son prêt"]
    assert body["results"][0]["territories"] == ["region:52"]
    assert client.get(reverse("api:offers"), {"page": "9"}).status_code == 404
    response = client.get(reverse("api:offers"), {"page": "abc"})
    assert response.status_code == 400
    assert response.json()["error"] == "Le paramètre page doit être un nombre entier entre 1 et 1\u202f000\u202f000."
    assert client.get(reverse("api:offers"), {"stage": "licorne"}).status_code == 400


def test_hostile_search_text_never_errors(client, catalog):
    for text in ["'\"; --", "x" * 10_000, "😀", "<b>"]:
        assert client.get(reverse("api:offers"), {"q": text}).status_code == 200


def test_offer_detail_and_unknown_offer(client, catalog):
    offer = catalog["regional"]
    body = client.get(reverse("api:offer", args=[offer.pk])).json()
    schema("Offer").validate(body)
    assert body["title"] == "Garantir son prêt"
    assert client.get(reverse("api:offer", args=[catalog["expired"].pk])).status_code == 200
    assert client.get(reverse("api:offer", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    "url, params, message",
    [
        ("api:orientation", {"limit": "²"}, "Le paramètre limit doit être un nombre entier entre 1 et 500."),
        ("api:orientation", {"limit": "501"}, "Le paramètre limit doit être un nombre entier entre 1 et 500."),
        ("api:orientation", {"limit": "1" * 5000}, "Le paramètre limit doit être un nombre entier entre 1 et 500."),
        ("api:orientation", {"years": "-3"}, "Le paramètre years doit être un nombre entier entre 0 et 300."),
        ("api:orientation", {"years": "\u0661\u0662"}, "Le paramètre years doit être un nombre entier entre 0 et 300."),
        (
            "api:orientation",
            {"employees": "³"},
            "Le paramètre employees doit être un nombre entier entre 0 et 1\u202f000\u202f000.",
        ),
        ("api:offers", {"page": "²"}, "Le paramètre page doit être un nombre entier entre 1 et 1\u202f000\u202f000."),
        ("api:offers", {"page": "0"}, "Le paramètre page doit être un nombre entier entre 1 et 1\u202f000\u202f000."),
        ("api:offers", {"q": "a\x00b"}, "Le paramètre q contient un caractère nul."),
    ],
)
def test_a_number_written_with_other_than_ascii_digits_or_out_of_bounds_answers_400(
    client, catalog, url, params, message
):
    response = client.get(reverse(url), {"stage": "creation", "audience": "association", **params})
    assert response.status_code == 400
    body = response.json()
    schema("Error").validate(body)
    assert body["error"] == message
    assert body["details"] == {next(iter(params)): [message]}


@pytest.mark.parametrize("pk", ["abc", "0", "-1", "9" * 23, "\u0661"])
def test_an_offer_id_that_cannot_exist_answers_a_json_404(client, catalog, pk):
    response = client.get(f"/api/v1/offers/{pk}")
    assert response.status_code == 404
    schema("Error").validate(response.json())


def test_any_other_address_of_the_api_answers_json(client, db):
    for url in ["/api/v1/inconnue", "/api/v1/offers/", "/api/v1/strategies/a%20b"]:
        response = client.get(url)
        assert response.status_code == 404 and response["Content-Type"] == "application/json"
        schema("Error").validate(response.json())
    response = client.get("/api/v1/strategies/%00")
    assert response.status_code == 400 and response.json() == {"error": "L'adresse contient un caractère nul."}
    response = client.post(reverse("api:offers"))
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"
    assert response.json()["error"].startswith("L'API est en lecture seule")


def test_errors_are_readable_from_any_origin(client, catalog):
    assert client.get(reverse("api:orientation"), {"limit": "x"})["Access-Control-Allow-Origin"] == "*"


def test_the_error_examples_of_the_description_are_what_the_api_answers(client, catalog):
    assert client.get(reverse("api:offers"), {"stage": "licorne"}).json() == UNKNOWN_VALUE
    assert client.get(reverse("api:orientation"), {"limit": "501"}).json() == BAD_PARAMETER
    assert client.get("/api/v1/inconnue").json() == NOT_FOUND
