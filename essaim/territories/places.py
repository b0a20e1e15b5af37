"""Where something is: a commune and the territories that contain it, and how close a territory
is to it. Pure Python, no Django.

The one place that turns a commune into its EPCI, département and région is `Commune.places`
(read it from communes fetched with `Commune.objects.with_places()`, or through a relation with
`select_related(*places_related("commune"))`, so that no query is made per commune). Modules
read the codes from a `Places`; none follows the relations by hand.

A territory something covers (an offer, a partner team) is a `Territory`; `Places.closeness`
says at which `Level` it contains the commune (commune, EPCI, département, région, France),
the one rule for "closest first" wherever a list is ordered by territory.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

# The relations from a commune to the territories that contain it.
PLACE_RELATIONS = ("epci", "departement__region")


class Level(IntEnum):
    """Territorial levels, closest first."""

    COMMUNE = 0
    EPCI = 1
    DEPARTEMENT = 2
    REGION = 3
    FRANCE = 4


LEVEL_BY_KIND = {
    "commune": Level.COMMUNE,
    "epci": Level.EPCI,
    "departement": Level.DEPARTEMENT,
    "region": Level.REGION,
    "france": Level.FRANCE,
}


@dataclass(frozen=True)
class Territory:
    """A territory something covers: kind is one of LEVEL_BY_KIND, code its official code
    (INSEE code, EPCI SIREN; empty for France)."""

    kind: str
    code: str = ""

    @property
    def level(self) -> Level:
        return LEVEL_BY_KIND[self.kind]

    @property
    def token(self) -> str:
        """The form used in imports and exports: "france", "departement:44"."""
        return self.kind if self.kind == "france" else f"{self.kind}:{self.code}"


@dataclass(frozen=True)
class Places:
    """Official codes of a commune and of the territories that contain it. A commune belongs to
    no EPCI in a few cases (islands with a single commune, e.g. Île-d'Yeu): `epci` is then None."""

    commune: str
    departement: str
    region: str
    epci: str | None = None

    def closeness(self, territory: Territory) -> Level | None:
        """The level at which the territory contains this commune, or None if it does not."""
        kind = territory.kind
        if kind == "france":
            contained = True
        elif kind == "region":
            contained = territory.code == self.region
        elif kind == "departement":
            contained = territory.code == self.departement
        elif kind == "epci":
            contained = self.epci is not None and territory.code == self.epci
        else:
            contained = territory.code == self.commune
        return territory.level if contained else None


def places_related(relation: str) -> list[str]:
    """The `select_related` paths that read a commune's places through `relation`
    ("commune" for an organisation's commune)."""
    return [f"{relation}__{path}" for path in PLACE_RELATIONS]
