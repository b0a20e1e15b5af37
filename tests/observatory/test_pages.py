"""The observatory's territory pages: the key figures with their source, charts beside tables,
the comparison with the région, the territories inside, the ESS places; 404 for an unknown one;
a plain message before any import."""

from __future__ import annotations

from html import unescape

import pytest

from essaim.observatory.services import sirene_import
from tests.observatory.test_import import files  # noqa: F401  (fixture)
from tests.pdf import TAGS, inflated

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(files):  # type: ignore[no-untyped-def]  # noqa: F811
    units, establishments = files
    return sirene_import(units=units, establishments=establishments, region="52")


def text(response) -> str:  # type: ignore[no-untyped-def]
    return unescape(response.content.decode()).replace("\u202f", " ").replace("\u00a0", " ")


def test_the_observatory_opens_on_the_instances_region(client, imported):
    response = client.get("/observatoire/")
    assert response.status_code == 302 and response.url == "/observatoire/region/52/"


def test_a_departement_page_gives_its_figures_sources_and_way_around(client, imported):
    response = client.get("/observatoire/departement/49/")
    assert response.status_code == 200
    page = text(response)
    assert "Maine-et-Loire" in page and "(fichiers du 2 octobre 2026)" in page
    assert "Comparé à la région et à la France" in page and "Pays de la Loire" in page
    assert 'role="img"' in page and "Établissements employeurs de l'ESS par famille" in page
    assert "Coopératives" in page
    assert "/api/v1/observatory/departement/49" in page and "/api/v1/observatory/departement.csv" in page
    assert "entre 0 et 0" not in page


def test_a_region_lists_its_departements_and_its_places(client, imported):
    from essaim.places.models import Place
    from essaim.territories.models import Commune

    Place.objects.create(kind="tiers_lieu", name="Le Lieu commun", commune=Commune.objects.get(code="44109"))
    page = text(client.get("/observatoire/region/52/"))
    assert "Dans ce territoire" in page and "/observatoire/departement/44/" in page
    assert "Le Lieu commun" in page


def test_an_unknown_territory_is_not_found(client, imported):
    for url in ("/observatoire/commune/99999/", "/observatoire/pays/52/", "/observatoire/region/" + "5" * 40 + "/"):
        assert client.get(url).status_code == 404


def test_before_any_import_the_page_says_so(client, db):
    page = text(client.get("/observatoire/region/52/"))
    assert "ne sont pas encore calculés" in page


def test_official_figures_stand_apart_with_their_source_and_year(client, imported):
    from essaim.observatory.models import OfficialFigure

    OfficialFigure.objects.create(source="INSEE, Flores 2022", year=2022, level="region", code="52", jobs=153100)
    page = text(client.get("/observatoire/region/52/"))
    assert "Chiffres officiels de l'emploi" in page and "INSEE, Flores 2022" in page and "153 100" in page
    assert "Aucun chiffre officiel" in text(client.get("/observatoire/departement/44/"))


def test_the_portrait_is_a_tagged_pdf_and_every_epci_gets_one(client, imported, tmp_path, capsys):
    from django.core.management import call_command

    response = client.get("/observatoire/departement/44/portrait.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert all(tag in inflated(response.content) for tag in TAGS)
    assert client.get("/observatoire/commune/44109/portrait.pdf").status_code == 404
    call_command("portraits", "--dossier", str(tmp_path), "--region", "52")
    written = sorted(path.name for path in tmp_path.glob("*.pdf"))
    assert "portrait-ess-epci-244400404.pdf" in written
    assert "portraits écrits" in capsys.readouterr().out


def test_the_region_map_gives_its_figures_in_a_table_and_refuses_unknown_choices(client, imported):
    page = text(client.get("/observatoire/carte/?niveau=epci&indicateur=couverture"))
    assert "Part des communes ayant au moins un établissement employeur de l'ESS (%) : les mêmes chiffres" in page
    assert '"type": "FeatureCollection"' in page and "Nantes Métropole" in page
    refused = client.get("/observatoire/carte/?niveau=canton")
    assert refused.status_code == 400 and "par intercommunalité ou par commune" in text(refused)
    assert client.get("/observatoire/carte/?indicateur=%00").status_code == 400


def test_the_places_page_lists_the_regions_places(client, db, region):
    from essaim.places.models import Place

    Place.objects.create(kind="ptce", name="Pôle des Rives", commune=region.angers)
    Place.objects.create(kind="tiers_lieu", name="Ailleurs", commune=region.other_region_commune)
    page = text(client.get("/observatoire/lieux/"))
    assert "Pôle des Rives" in page and "Ailleurs" not in page
    # The départements' counts drawn on the map are in a table too.
    assert "Les lieux par département" in page and "Maine-et-Loire</th>" in page and "1 lieu de l'ESS" in page


def test_the_places_map_draws_the_regions_departements_under_the_places(db, region):
    from essaim.observatory.places_map import places_context
    from essaim.places.models import Place
    from tests.territories.factories import SQUARE

    for departement in (region.loire_atlantique, region.maine_et_loire):
        departement.outline = SQUARE
        departement.save()
    Place.objects.create(kind="ptce", name="Pôle des Rives", commune=region.angers, latitude=47.47, longitude=-0.55)
    Place.objects.create(kind="tiers_lieu", name="Ailleurs", commune=region.other_region_commune)

    features = places_context("52")["collection"]["features"]

    # Vendée has no outline here: left out of the drawing, as any area without one.
    areas = [feature["properties"] for feature in features if feature["geometry"]["type"] == "Polygon"]
    assert [(area["name"], area["label"]) for area in areas] == [
        ("Loire-Atlantique", "aucun lieu de l'ESS"),
        ("Maine-et-Loire", "1 lieu de l'ESS"),
    ]
    points = [feature["properties"]["name"] for feature in features if feature["geometry"]["type"] == "Point"]
    assert points == ["Pôle des Rives"]


def test_the_data_quality_of_the_import_is_shown_with_the_figures(client, imported):
    page = text(client.get("/observatoire/region/52/"))
    assert "Qualité des données de l'import" in page
    assert "selon les deux : 1" in page and "Non placés : 0 à l'étranger" in page
    assert "Périmètre appliqué : celui chargé le " in page


def test_every_territory_of_a_level_downloads_with_french_headings_for_a_spreadsheet(client, imported):
    import csv
    import io

    page = text(client.get("/observatoire/departement/44/"))
    assert (
        'href="/observatoire/telechargement/departement.csv"' in page and "Les départements de toute la France" in page
    )
    response = client.get("/observatoire/telechargement/departement.csv")
    assert response["Content-Disposition"] == 'attachment; filename="observatoire-ess-departement.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    loire = next(row for row in rows if row["Code officiel"] == "44")
    assert loire["Niveau"] == "Département" and loire["Territoire"] == "Loire-Atlantique"
    assert loire["Établissements employeurs de l'ESS"] == "1" and loire["dont associations"] == "1"
    assert "Sirene" in loire["Source"] and loire["Fichiers Sirene du"] == "2026-10-02"
    assert "dont sociétés commerciales de l'ESS" in loire
    assert client.get("/observatoire/telechargement/canton.csv").status_code == 404


def test_the_downloaded_table_follows_a_new_import(client, imported, files):  # noqa: F811
    import csv
    import io

    def loire_employers() -> str:
        body = client.get("/observatoire/telechargement/departement.csv").content.decode("utf-8-sig")
        rows = csv.DictReader(io.StringIO(body), delimiter=";")
        return next(row for row in rows if row["Code officiel"] == "44")["Établissements employeurs de l'ESS"]

    assert loire_employers() == "1"
    units, establishments = files
    newer = sirene_import(units=units, establishments=establishments, region="52")
    figures = newer.figures.get(level="departement", code="44")
    figures.figures["employer_establishments"] = 7
    figures.save()
    assert loire_employers() == "7"
