"""A structure's page names its legal category, shows how to reach it and leads to its offers."""

import csv
from pathlib import Path

import pytest
from django.urls import reverse

from essaim.organisations.legal_categories import legal_category_label
from tests.catalog.factories import make_offer
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def text_of(client, organisation) -> str:
    return " ".join(client.get(organisation.get_absolute_url()).content.decode().split())


def test_the_legal_category_is_named_not_only_coded(client):
    association = OrganisationFactory(legal_category="9220")
    assert "Association déclarée (code INSEE 9220)" in text_of(client, association)
    assert "Catégorie juridique INSEE" not in text_of(client, association)


def test_a_code_not_listed_is_named_by_its_group_then_said_unknown():
    assert legal_category_label("5710") == "Société par actions simplifiée (SAS)"
    assert legal_category_label("9240") == "Association loi 1901 ou assimilé"
    assert legal_category_label("1000") == ""


def test_every_legal_category_of_the_demo_directory_has_a_name():
    demo = Path(__file__).resolve().parents[2] / "essaim" / "organisations" / "demo_data"
    codes = set()
    for path in sorted(demo.glob("*.csv")):
        with path.open(encoding="utf-8") as file:
            codes |= {row["legal_category"] for row in csv.DictReader(file) if row["legal_category"]}
    assert {code for code in codes if not legal_category_label(code)} == set()


def test_the_page_shows_the_contacts_and_leads_to_the_structures_offers(client, region, roles, taxonomies):
    operator = OrganisationFactory(
        name="Initiative Loire", email="contact@initiative-loire.example", website="https://initiative-loire.example"
    )
    make_offer("Prêt d'honneur", types=["pret"], operator=operator)
    make_offer("Parrainage", types=["accompagnement"], operator=operator)
    make_offer("Ancienne offre", types=["pret"], operator=operator, status="archived")
    page = text_of(client, operator)
    assert "mailto:contact@initiative-loire.example" in page and "02 40 00 00 00" in page
    offers_url = reverse("catalog:operator", kwargs={"slug": operator.slug})
    assert f'<a href="{offers_url}">Ses 2 offres d' in page
    assert client.get(offers_url).status_code == 200


def test_a_structure_without_offers_or_contacts_says_so(client):
    silent = OrganisationFactory(phone="")
    page = text_of(client, silent)
    assert "offres d" not in page and "pas encore donné de moyen de la contacter" in page
