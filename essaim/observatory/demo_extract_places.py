"""Where the demo SIRENE extract's establishments are (`demo_extract.py`): communes drawn by
population (now and then under a former code), street addresses, and the geolocation file's row
with its Lambert-93 coordinates. Pure."""

from __future__ import annotations

import math
from bisect import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from random import Random
from typing import TypeVar

from essaim.observatory.demo_extract_tables import OVERSEAS_EPSG, QUALITE_XY, STREET_TYPES, STREETS

T = TypeVar("T")


@dataclass(frozen=True)
class DemoCommune:
    """A commune to place establishments in, drawn with weights by population. `name` and
    `postal_code` only make the addresses read true; the postal code defaults to one made up."""

    code: str
    population: int
    latitude: float
    longitude: float
    name: str = ""
    postal_code: str = ""


def lambert93(latitude: float, longitude: float) -> tuple[float, float]:
    """Lambert-93 (EPSG:2154) x and y in metres of a WGS84 point: the conic projection on GRS80
    (standard parallels 44° and 49°, origin 46.5° N 3° E at 700 000, 6 600 000)."""
    rho = _SCALE * _isometric(math.radians(latitude)) ** _N
    theta = _N * math.radians(longitude - 3.0)
    return 700000 + rho * math.sin(theta), 6600000 + _RHO0 - rho * math.cos(theta)


def _isometric(lat: float) -> float:
    sine = _E * math.sin(lat)
    return float(math.tan(math.pi / 4 - lat / 2) / ((1 - sine) / (1 + sine)) ** (_E / 2))


_E = math.sqrt(2 / 298.257222101 - 1 / 298.257222101**2)  # GRS80 eccentricity
_M1, _M2 = (math.cos(lat) / math.sqrt(1 - (_E * math.sin(lat)) ** 2) for lat in map(math.radians, (49.0, 44.0)))
_N = math.log(_M1 / _M2) / math.log(_isometric(math.radians(49.0)) / _isometric(math.radians(44.0)))
_SCALE = 6378137.0 * _M1 / (_N * _isometric(math.radians(49.0)) ** _N)
_RHO0 = _SCALE * _isometric(math.radians(46.5)) ** _N


class Places:
    """Communes drawn with weights by population; now and then a former code in place of the current one."""

    def __init__(self, communes: Sequence[DemoCommune], old_codes: Mapping[str, str]) -> None:
        self.communes = communes
        self.cumulated = list(accumulate(max(commune.population, 1) for commune in communes))
        by_code = {commune.code: commune for commune in communes}
        self.former = [(old, by_code[new]) for old, new in sorted(old_codes.items()) if new in by_code]
        self.former_codes = frozenset(old for old, _ in self.former)

    def draw(self, rng: Random) -> tuple[DemoCommune, str]:
        if self.former and rng.random() < 0.01:
            old, commune = rng.choice(self.former)
            return commune, old
        commune = self.communes[bisect(self.cumulated, rng.random() * self.cumulated[-1])]
        return commune, commune.code


def locate(rng: Random, row: dict[str, str], places: Places) -> dict[str, str]:
    """Place the establishment in a commune (perhaps under a former code); its row in the geolocation file."""
    commune, code = places.draw(rng)
    geo = geolocation(rng, row["siret"], commune)
    row |= {"codeCommuneEtablissement": code, "libelleCommuneEtablissement": commune.name.upper()}
    row["codePostalEtablissement"] = commune.postal_code or departement_of(commune.code).lstrip("0").ljust(5, "0")
    row["coordonneeLambertAbscisseEtablissement"] = geo["x"]
    row["coordonneeLambertOrdonneeEtablissement"] = geo["y"]
    return geo


def address(rng: Random) -> dict[str, str]:
    address = {"typeVoieEtablissement": pick(rng, STREET_TYPES), "libelleVoieEtablissement": rng.choice(STREETS)}
    if rng.random() < 0.8:
        address["numeroVoieEtablissement"] = str(rng.randint(1, 120))
        address["indiceRepetitionEtablissement"] = "B" if rng.random() < 0.04 else ""
    if rng.random() < 0.1:
        address["complementAdresseEtablissement"] = rng.choice(("BATIMENT A", "ZONE ARTISANALE", "LE BOURG"))
    if rng.random() < 0.9:
        address["identifiantAdresseEtablissement"] = f"{rng.randrange(10**9):09d}_{'B' if rng.random() < 0.95 else 'C'}"
    return address


def geolocation(rng: Random, siret: str, commune: DemoCommune) -> dict[str, str]:
    quality = pick(rng, QUALITE_XY)
    spread = 0.6 + min(2.5, commune.population / 60000)  # km around the centre
    if quality == "33":
        east, north = (rng.uniform(-1.5, 1.5) * spread for _ in range(2))
    else:
        east, north = (rng.gauss(0, spread / 2) for _ in range(2))
    latitude = commune.latitude + north / 111.32
    longitude = commune.longitude + east / (111.32 * math.cos(math.radians(commune.latitude)))
    epsg = OVERSEAS_EPSG.get(commune.code[:3], "2154")
    x, y = lambert93(latitude, longitude) if epsg == "2154" else (math.nan, math.nan)
    zoned = commune.population >= 20000
    in_qpv = zoned and rng.random() < 0.08
    number, department = f"{rng.randint(1, 20):02d}", departement_of(commune.code)
    precision = {"11": (0, 15), "12": (10, 60), "21": (50, 500), "22": (50, 500)}.get(quality, (500, 3000))
    return {
        "siret": siret,
        "x": "" if math.isnan(x) else f"{x:.1f}",
        "y": "" if math.isnan(y) else f"{y:.1f}",
        "qualite_xy": quality,
        "epsg": epsg,
        "plg_qp24": (f"QN{department}{number}M" if in_qpv else "HZ") if zoned else "CSZ",
        "plg_iris": f"{rng.randint(1, 9):02d}{rng.randint(1, 3):02d}" if commune.population >= 5000 else "CSZ",
        "plg_qp15": (f"QP{department}0{number}" if in_qpv else "HZ") if zoned else "CSZ",
        "plg_qva": "HZ" if zoned else "CSZ",
        "plg_code_commune": commune.code,
        "distance_precision": f"{rng.uniform(*precision):.1f}",
        "y_latitude": f"{latitude:.6f}",
        "x_longitude": f"{longitude:.6f}",
    }


def pick(rng: Random, table: Mapping[T, float]) -> T:
    return rng.choices(tuple(table), tuple(table.values()))[0]


def departement_of(code: str) -> str:
    """The département of a commune code on three characters: "044", "02A", "974"."""
    return code[:3] if code.startswith("97") else f"0{code[:2]}"
