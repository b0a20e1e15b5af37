"""A territory's page shows what the other modules have there, through the shared registry: the
catalogue's offers open in it (never those of another département), the ESSpresso held there."""

from __future__ import annotations

from html import unescape

import pytest

from essaim.core.registries import sections_for_territory
from essaim.observatory.queries import communes_in
from tests.catalog.factories import load_catalog_taxonomies, make_offer
from tests.esspresso.factories import load_esspresso_taxonomies, make_event
from tests.observatory.test_import import files  # noqa: F401  (fixture)
from tests.observatory.test_pages import imported  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_offers_and_meetings_of_a_departement(region):
    load_catalog_taxonomies()
    load_esspresso_taxonomies()
    make_offer("Prêt d'honneur en Loire-Atlantique", types=["pret"], territories=[("departement", "44")])
    make_offer("Garantie nationale", types=["garantie"], territories=[("france", "")])
    make_offer("Fonds d'Angers", types=["pret"], territories=[("commune", "49007")])
    make_event("ESSpresso de Nantes", commune=region.nantes)
    make_event("ESSpresso d'Angers", commune=region.angers)

    sections = {
        section.title: section
        for section in sections_for_territory("departement", "44", communes_in("departement", "44"))
    }
    offers = [link.label for link in sections["Offres d'accompagnement et de financement ouvertes ici"].links]
    assert offers == ["Garantie nationale", "Prêt d'honneur en Loire-Atlantique"]
    meetings = [link.label for link in sections["Rendez-vous ESSpresso dans ce territoire"].links]
    assert len(meetings) == 1 and meetings[0].startswith("ESSpresso de Nantes (")


def test_the_territory_page_lists_them(client, imported):  # noqa: F811
    load_catalog_taxonomies()
    make_offer("Garantie nationale", types=["garantie"], territories=[("france", "")])
    page = unescape(client.get("/observatoire/departement/44/").content.decode())
    assert "Offres d'accompagnement et de financement ouvertes ici" in page and "Garantie nationale" in page
    assert "Aucun rendez-vous ESSpresso ne s'est encore tenu dans ce territoire." in page
