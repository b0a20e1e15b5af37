"""An elected official reads a département's page of the observatory: key figures, comparison,
charts beside their tables, the way to the territories inside; axe-core, desk and phone."""

import pytest
from playwright.sync_api import expect

from essaim.observatory.loading import perimeter_load
from essaim.observatory.services import sirene_import
from tests.browser.conftest import assert_accessible
from tests.observatory.rows import ESTABLISHMENT_HEADER, UNIT_HEADER, establishment, unit, write

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_departement_page_reads_in_two_minutes(page, region, tmp_path):
    perimeter_load()
    units = write(
        tmp_path / "StockUniteLegale_utf8.csv",
        UNIT_HEADER,
        [
            unit("100000001", "9220", name="Recyclerie du Port"),
            unit("100000003", "6317", name="Coopérative des Mauges"),
        ],
    )
    establishments = write(
        tmp_path / "StockEtablissement_utf8.csv",
        ESTABLISHMENT_HEADER,
        [
            establishment(
                "100000001", "00011", caractereEmployeurEtablissement="O", trancheEffectifsEtablissement="12"
            ),
            establishment("100000001", "00029", codeCommuneEtablissement="49007", trancheEffectifsEtablissement="01"),
            establishment("100000003", "00011", caractereEmployeurEtablissement="O", codeCommuneEtablissement="49007"),
        ],
    )
    sirene_import(units=units, establishments=establishments, region="52")

    page.goto("/observatoire/")
    expect(page.get_by_role("heading", name="Pays de la Loire", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Maine-et-Loire").click()
    expect(page.get_by_role("heading", name="Maine-et-Loire", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Établissements employeurs de l'ESS par famille")).to_be_visible()
    expect(page.get_by_role("table", name="Établissements employeurs de l'ESS par famille")).to_be_visible()
    expect(page.get_by_role("table", name="Maine-et-Loire, sa région et la France")).to_be_visible()
    assert_accessible(page)


def test_the_region_map_and_the_places_map_have_their_tables(page, region, tmp_path):
    from essaim.places.models import Place

    perimeter_load()
    units = write(tmp_path / "u.csv", UNIT_HEADER, [unit("100000001", "9220", name="Recyclerie du Port")])
    establishments = write(
        tmp_path / "e.csv",
        ESTABLISHMENT_HEADER,
        [establishment("100000001", "00011", caractereEmployeurEtablissement="O", trancheEffectifsEtablissement="12")],
    )
    sirene_import(units=units, establishments=establishments, region="52")
    Place.objects.create(kind="tiers_lieu", name="Le Lieu commun", commune=region.nantes)

    page.goto("/observatoire/carte/")
    expect(
        page.get_by_role(
            "table", name="Établissements employeurs de l'ESS pour 10 000 habitants : les mêmes chiffres que la carte"
        )
    ).to_be_visible()
    expect(page.get_by_role("row", name="Nantes Métropole")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Découpage").select_option("commune")
    page.get_by_role("button", name="Afficher").click()
    expect(page.get_by_role("row", name="Nantes")).to_be_visible()
    assert_accessible(page)

    page.goto("/observatoire/lieux/")
    expect(page.get_by_role("table", name="Les lieux de la carte")).to_be_visible()
    expect(page.get_by_role("row", name="Le Lieu commun")).to_be_visible()
    assert_accessible(page)
