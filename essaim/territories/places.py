"""Where something is: a commune and the territories that contain it.

The one place that turns a commune into its EPCI, département and région is `Commune.places`
(read it from communes fetched with `Commune.objects.with_places()`, or through a relation with
`select_related(*places_related("commune"))`, so that no query is made per commune). Modules
read the codes from a `Places`; none follows the relations by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

# The relations from a commune to the territories that contain it.
PLACE_RELATIONS = ("epci", "departement__region")


@dataclass(frozen=True)
class Places:
    """Official codes of a commune and of the territories that contain it. A commune belongs to
    no EPCI in a few cases (islands with a single commune, e.g. Île-d'Yeu): `epci` is then None."""

    commune: str
    departement: str
    region: str
    epci: str | None = None


def places_related(relation: str) -> list[str]:
    """The `select_related` paths that read a commune's places through `relation`
    ("commune" for an organisation's commune)."""
    return [f"{relation}__{path}" for path in PLACE_RELATIONS]
