"""A small, real slice of the territorial referential for tests that do not need all France."""

from __future__ import annotations

from dataclasses import dataclass

from essaim.core.text import fold
from essaim.territories.models import Commune, Departement, Epci, Region

SQUARE = '{"type":"Polygon","coordinates":[[[-1.6,47.2],[-1.5,47.2],[-1.5,47.3],[-1.6,47.3],[-1.6,47.2]]]}'


@dataclass
class SmallRegion:
    region: Region
    loire_atlantique: Departement
    maine_et_loire: Departement
    nantes_metropole: Epci
    nantes: Commune
    saint_herblain: Commune
    angers: Commune
    saint_etienne_de_montluc: Commune
    la_roche_sur_yon: Commune
    other_region_commune: Commune


def _commune(code: str, name: str, departement: Departement, population: int, epci: Epci | None = None) -> Commune:
    return Commune.objects.create(
        code=code,
        name=name,
        search_name=fold(name),
        population=population,
        departement=departement,
        epci=epci,
        outline=SQUARE,
        latitude=47.2,
        longitude=-1.55,
    )


def small_region() -> SmallRegion:
    region = Region.objects.create(code="52", name="Pays de la Loire", search_name="pays de la loire")
    other = Region.objects.create(code="24", name="Centre-Val de Loire", search_name="centre val de loire")
    loire_atlantique = Departement.objects.create(
        code="44", name="Loire-Atlantique", search_name="loire atlantique", region=region
    )
    maine_et_loire = Departement.objects.create(
        code="49", name="Maine-et-Loire", search_name="maine et loire", region=region
    )
    vendee = Departement.objects.create(code="85", name="Vendée", search_name="vendee", region=region)
    loiret = Departement.objects.create(code="45", name="Loiret", search_name="loiret", region=other)
    metropole = Epci.objects.create(
        code="244400404", name="Nantes Métropole", search_name="nantes metropole", kind="ME"
    )
    return SmallRegion(
        region=region,
        loire_atlantique=loire_atlantique,
        maine_et_loire=maine_et_loire,
        nantes_metropole=metropole,
        nantes=_commune("44109", "Nantes", loire_atlantique, 323_204, metropole),
        saint_herblain=_commune("44162", "Saint-Herblain", loire_atlantique, 49_000, metropole),
        angers=_commune("49007", "Angers", maine_et_loire, 157_175),
        saint_etienne_de_montluc=_commune("44158", "Saint-Étienne-de-Montluc", loire_atlantique, 7_500),
        la_roche_sur_yon=_commune("85191", "La Roche-sur-Yon", vendee, 55_000),
        other_region_commune=_commune("45234", "Orléans", loiret, 116_000),
    )
