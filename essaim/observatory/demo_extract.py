"""A small SIRENE extract, generated in INSEE's official formats, for the observatory's demo. Pure.

The three files carry the names, every column in INSEE's order and the value formats of the monthly
stock on data.gouv.fr: StockUniteLegale, StockEtablissement and the geolocation file "pour études
statistiques" (research note observatoire.md, §2). Their content is invented from a seed: about one
active establishment in nine falls in the ESS perimeter, associations make about three quarters of
those, and each case an import must survive appears a few times (see `DemoCounts`).

Rows are written as they are drawn: memory holds one legal unit's establishments, never a table.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from random import Random
from typing import IO

from stdnum import luhn

from essaim.observatory.demo_extract_places import (
    DemoCommune,
    Places,
    address,
    departement_of,
    locate,
    pick,
)
from essaim.observatory.demo_extract_tables import (  # noqa: F401  (re-exported)
    ASSOCIATION,
    BAD_BANDS,
    BRANDS,
    COMPANY,
    COUNTRIES,
    DELIMITERS,
    EMPLOYER_BANDS,
    ESS_FLAG,
    ETABLISSEMENT,
    ETABLISSEMENT_COLUMNS,
    EXCLUDED_ACTIVITIES,
    FAKE_PERSON_MARKER,
    FIFTH_FAMILY,
    GEOLOCALISATION,
    GEOLOCATION_COLUMNS,
    INSEE_BANDS,
    KINDS,
    LARGE_BANDS,
    LARGE_SECTORS,
    MASKED,
    MASKED_ETABLISSEMENT_COLUMNS,
    NO_OLD_CODES,
    OLD_NAF,
    OVERSEAS_EPSG,
    PERSON_COLUMNS,
    QUALITE_XY,
    SECTORS,
    SMALL_BANDS,
    SOLE_TRADER,
    STREET_TYPES,
    STREETS,
    UNITE_LEGALE,
    UNITE_LEGALE_COLUMNS,
    Kind,
)


@dataclass
class DemoCounts:
    """What was written, counted row by row. "Active" is etatAdministratifEtablissement A.

    - employer: active and (caractereEmployeurEtablissement O or a band of INSEE's list but NN),
      research §1.5; employer_flag and employer_band count each half, disagreements where they differ.
    - ess: active, legal unit of a family's CJ (§1.2, "yes" rows) or flagged O without one
      ("commerciale"), APE not excluded (division 84, 94.11Z, 94.20Z, 94.91Z, 94.92Z). 94.12Z is
      kept, and counted in ess_professional_organisations, for a perimeter that drops it.
    - ess_excluded_activity: active, of a family's CJ, APE excluded. fifth_family: active CSE (CJ 8310).
    - partial_diffusion, abroad, old_codes, bad_bands, older_nomenclature: rows of any state.
    - geolocated: rows of the geolocation file, which leaves out the establishments abroad and
      those in partial diffusion.
    """

    legal_units: int = 0
    sole_traders: int = 0
    establishments: int = 0
    head_offices: int = 0
    active: int = 0
    closed: int = 0
    geolocated: int = 0
    employer: int = 0
    employer_flag: int = 0
    employer_band: int = 0
    disagreements: int = 0
    ess: int = 0
    ess_employer: int = 0
    ess_by_family: Counter[str] = field(default_factory=Counter)
    ess_employer_by_family: Counter[str] = field(default_factory=Counter)
    ess_by_legal_category: Counter[str] = field(default_factory=Counter)
    ess_excluded_activity: int = 0
    ess_professional_organisations: int = 0
    ess_partial_diffusion: int = 0
    fifth_family: int = 0
    partial_diffusion: int = 0
    abroad: int = 0
    old_codes: int = 0
    bad_bands: int = 0
    older_nomenclature: int = 0


@dataclass(frozen=True)
class DemoFiles:
    unites_legales: Path
    etablissements: Path
    geolocalisation: Path
    counts: DemoCounts


@dataclass(frozen=True)
class _Unit:
    kind: Kind
    cj: str
    sectors: Mapping[str, float]
    siren: str
    serial: int
    partial: bool
    ceased: bool
    created: date


def write_demo_extract(
    directory: Path,
    *,
    communes: Sequence[DemoCommune],
    vintage: date,
    seed: str = "essaim-sirene-demo",
    establishments: int = 6000,
    old_codes: Mapping[str, str] = NO_OLD_CODES,
    zipped: bool = False,
) -> DemoFiles:
    """Write the three files of a stock dated `vintage` into `directory`, with `establishments`
    rows in StockEtablissement (closed ones included). `old_codes` maps former commune codes to
    the current commune: about one establishment in a hundred keeps such an old code, as real files do.
    `zipped` puts each CSV in a .zip of the same base name, as INSEE distributes them."""
    if not communes or not 0 < establishments <= 1_000_000:
        raise ValueError("Give at least one commune and between 1 and 1,000,000 establishments.")
    rng, places, counts = Random(seed), Places(communes, old_codes), DemoCounts()
    weights = [kind.weight / _mean(kind.sites) for kind in KINDS]  # establishments → units
    directory.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        units, sites, geo = (
            _writer(stack, directory, stem, columns, zipped)
            for stem, columns in (
                (UNITE_LEGALE, UNITE_LEGALE_COLUMNS),
                (ETABLISSEMENT, ETABLISSEMENT_COLUMNS),
                (GEOLOCALISATION, GEOLOCATION_COLUMNS),
            )
        )
        serial = rng.randrange(100_000, 900_000)
        while counts.establishments < establishments:
            serial += rng.randint(1, 9)  # 7 digits of the SIREN, never twice
            unit = _draw_unit(rng, rng.choices(KINDS, weights)[0], serial, vintage)
            size = min(pick(rng, unit.kind.sites), establishments - counts.establishments)
            rows = [_establishment(rng, unit, index, places, vintage) for index in range(size)]
            units.writerow(_unit_row(rng, unit, [stock for stock, _ in rows], vintage))
            counts.legal_units += 1
            counts.sole_traders += unit.cj == "1000"
            for stock, geoloc in rows:
                sites.writerow(stock)
                _record(counts, unit, stock, places)
                if geoloc:
                    geo.writerow(geoloc)
                    counts.geolocated += 1
    suffix = ".zip" if zipped else ".csv"
    paths = [directory / f"{stem}{suffix}" for stem in (UNITE_LEGALE, ETABLISSEMENT, GEOLOCALISATION)]
    return DemoFiles(unites_legales=paths[0], etablissements=paths[1], geolocalisation=paths[2], counts=counts)


def _draw_unit(rng: Random, kind: Kind, serial: int, vintage: date) -> _Unit:
    cj, _, sectors = rng.choices(kind.variants, [weight for _, weight, _ in kind.variants])[0]
    body = f"{'2' if kind.public else rng.choice('3456789')}{serial:07d}"  # public bodies' SIRENs start with 1 or 2
    years = {"": 8.0, "association": 18.0}.get(kind.family, 25.0) * (4 if kind.public else 1)
    created = vintage - timedelta(days=min(int(rng.expovariate(1 / years) * 365.25) + 30, 36500))
    closing = 0.2 if cj == "1000" else 0.1
    return _Unit(
        kind, cj, sectors, body + _key(body), serial, rng.random() < kind.partial, rng.random() < closing, created
    )


def _unit_row(rng: Random, unit: _Unit, rows: list[dict[str, str]], vintage: date) -> dict[str, str]:
    head = rows[0]
    active_bands = [
        row["trancheEffectifsEtablissement"] for row in rows if row["etatAdministratifEtablissement"] == "A"
    ]
    band = max((b for b in active_bands if b in EMPLOYER_BANDS), default="NN")
    row = {
        "siren": unit.siren,
        "statutDiffusionUniteLegale": "P" if unit.partial else "O",
        "unitePurgeeUniteLegale": "true" if unit.ceased and unit.created.year < 2005 and rng.random() < 0.4 else "",
        "dateCreationUniteLegale": unit.created.isoformat(),
        "trancheEffectifsUniteLegale": band,
        "anneeEffectifsUniteLegale": "" if band == "NN" else str(vintage.year - 2),
        "dateDernierTraitementUniteLegale": _stamp(rng, unit.created, vintage),
        "nombrePeriodesUniteLegale": str(rng.randint(1, 5)),
        "categorieEntreprise": "" if unit.ceased else ("ETI" if len(rows) >= 12 else "PME"),
        "dateDebut": head["dateDebut"] if unit.ceased else _between(rng, unit.created, vintage).isoformat(),
        "etatAdministratifUniteLegale": "C" if unit.ceased else "A",
        "categorieJuridiqueUniteLegale": unit.cj,
        "activitePrincipaleUniteLegale": head["activitePrincipaleEtablissement"],
        "nomenclatureActivitePrincipaleUniteLegale": head["nomenclatureActivitePrincipaleEtablissement"],
        "nicSiegeUniteLegale": head["nic"],
        "economieSocialeSolidaireUniteLegale": pick(rng, unit.kind.ess_flag),
        "societeMissionUniteLegale": "O" if unit.cj in ("5710", "5720") and rng.random() < 0.02 else "N",
        "caractereEmployeurUniteLegale": "",  # no longer managed by INSEE: always empty
    }
    row["anneeCategorieEntreprise"] = str(vintage.year - 2) if row["categorieEntreprise"] else ""
    if unit.cj == "1000":
        row.update(_person(rng, unit))
    else:
        row["denominationUniteLegale"] = name = _name(rng, unit, head)
        if unit.kind.family == "association" and rng.random() < 0.75:  # the RNA number, W + département
            row["identifiantAssociationUniteLegale"] = (
                f"W{departement_of(head['codeCommuneEtablissement'])[-2:]}{rng.randrange(10**7):07d}"
            )
        if rng.random() < 0.15:
            row["sigleUniteLegale"] = "".join(word[0] for word in name.split() if len(word) > 2)
    return row


def _person(rng: Random, unit: _Unit) -> dict[str, str]:
    """A sole trader's civil identity: obviously fake, or masked when the unit is in partial diffusion."""
    if unit.partial:
        return dict.fromkeys(PERSON_COLUMNS, MASKED)
    person = {
        "sexeUniteLegale": rng.choice("MF"),
        "nomUniteLegale": f"{FAKE_PERSON_MARKER}-NOM-{unit.serial}",
        "prenom1UniteLegale": f"{FAKE_PERSON_MARKER}-PRENOM",
        "prenomUsuelUniteLegale": f"{FAKE_PERSON_MARKER}-PRENOM",
    }
    if rng.random() < 0.3:
        person["prenom2UniteLegale"] = f"{FAKE_PERSON_MARKER}-SECOND"
    if rng.random() < 0.1:
        person["nomUsageUniteLegale"] = f"{FAKE_PERSON_MARKER}-USAGE-{unit.serial}"
    return person


def _establishment(
    rng: Random, unit: _Unit, index: int, places: Places, vintage: date
) -> tuple[dict[str, str], dict[str, str] | None]:
    active = not unit.ceased and (index == 0 or rng.random() > 0.08)
    created = unit.created if index == 0 else _between(rng, unit.created, vintage)
    started = _between(rng, created, vintage)
    sector = pick(rng, unit.sectors)
    factor, codes, _ = SECTORS[sector]
    naf, nomenclature = pick(rng, codes), "NAFRev2"
    if not active and created.year < 2008 and rng.random() < 0.5:
        naf, nomenclature = rng.choice(OLD_NAF), "NAFRev1"
    employs = rng.random() < min(0.97, unit.kind.employer * factor) * (1 if active else 0.3)
    band, flag = _headcount(rng, employs, LARGE_BANDS if sector in LARGE_SECTORS else SMALL_BANDS)
    if not active:
        band = "NN"
    elif band != "NN" and rng.random() < 0.01:
        band = rng.choice(BAD_BANDS)  # outside INSEE's list: for the data-quality report
    nic4 = f"{index + 1:04d}"
    row = {
        "siren": unit.siren,
        "nic": nic4 + _key(unit.siren + nic4),
        "statutDiffusionEtablissement": "P" if unit.partial else "O",
        "dateCreationEtablissement": created.isoformat(),
        "trancheEffectifsEtablissement": band,
        "anneeEffectifsEtablissement": "" if band == "NN" else str(vintage.year - 2),
        "dateDernierTraitementEtablissement": _stamp(rng, started, vintage),
        "etablissementSiege": "true" if index == 0 else "false",
        "nombrePeriodesEtablissement": str(rng.randint(1, 4)),
        "dateDebut": started.isoformat(),
        "etatAdministratifEtablissement": "A" if active else "F",
        "activitePrincipaleEtablissement": naf,
        "nomenclatureActivitePrincipaleEtablissement": nomenclature,
        "caractereEmployeurEtablissement": flag,
    }
    row["siret"] = unit.siren + row["nic"]
    row |= address(rng)
    geo = None if index and not unit.kind.public and rng.random() < 0.04 else locate(rng, row, places)
    if geo is None:  # abroad: no commune, and the geolocation file covers France only
        country, label, city = rng.choice(COUNTRIES)
        row |= {"codePaysEtrangerEtablissement": country, "libellePaysEtrangerEtablissement": label}
        row["libelleCommuneEtrangerEtablissement"] = city
    if index and sector in ("finance", "insurance"):
        row["enseigne1Etablissement"] = f"AGENCE {row.get('libelleCommuneEtablissement') or rng.choice(BRANDS)}"
    elif not unit.kind.public and rng.random() < 0.2:
        row["enseigne1Etablissement"] = f"{rng.choice(SECTORS[sector][2])} {rng.choice(BRANDS)}"
    if unit.partial:
        row |= dict.fromkeys(MASKED_ETABLISSEMENT_COLUMNS, MASKED)
        return row, None  # neither mapped nor named
    return row, geo


def _headcount(rng: Random, employs: bool, bands: Mapping[str, float]) -> tuple[str, str]:
    """The band (31 December, two years back) and the employer flag (kept up to date): INSEE warns
    that they are built apart and may disagree, so both sometimes do."""
    if employs:
        band = "NN" if rng.random() < 0.08 else pick(rng, bands)
        return band, pick(rng, {"O": 90, "": 4, "N": 6})
    band = pick(rng, {"NN": 96, "00": 2, "01": 2})
    return band, pick(rng, {"N": 93, "": 4, "O": 3})


def _record(counts: DemoCounts, unit: _Unit, row: dict[str, str], places: Places) -> None:
    counts.establishments += 1
    counts.head_offices += row["etablissementSiege"] == "true"
    counts.partial_diffusion += row["statutDiffusionEtablissement"] == "P"
    counts.abroad += bool(row.get("codePaysEtrangerEtablissement"))
    counts.old_codes += row.get("codeCommuneEtablissement", "") in places.former_codes
    counts.bad_bands += row["trancheEffectifsEtablissement"] not in INSEE_BANDS
    counts.older_nomenclature += row["nomenclatureActivitePrincipaleEtablissement"] != "NAFRev2"
    if row["etatAdministratifEtablissement"] != "A":
        counts.closed += 1
        return
    counts.active += 1
    by_flag = row["caractereEmployeurEtablissement"] == "O"
    by_band = row["trancheEffectifsEtablissement"] in EMPLOYER_BANDS
    counts.employer += by_flag or by_band
    counts.employer_flag += by_flag
    counts.employer_band += by_band
    counts.disagreements += by_flag != by_band
    family, naf = unit.kind.family, row["activitePrincipaleEtablissement"]
    if not family:
        counts.fifth_family += unit.cj in FIFTH_FAMILY
    elif naf.startswith(EXCLUDED_ACTIVITIES):
        counts.ess_excluded_activity += 1
    else:
        counts.ess += 1
        counts.ess_by_family[family] += 1
        counts.ess_by_legal_category[unit.cj] += 1
        counts.ess_professional_organisations += naf == "94.12Z"
        counts.ess_partial_diffusion += row["statutDiffusionEtablissement"] == "P"
        if by_flag or by_band:
            counts.ess_employer += 1
            counts.ess_employer_by_family[family] += 1


def _writer(
    stack: ExitStack, directory: Path, stem: str, columns: tuple[str, ...], zipped: bool
) -> csv.DictWriter[str]:
    if zipped:
        archive = stack.enter_context(zipfile.ZipFile(directory / f"{stem}.zip", "w", zipfile.ZIP_DEFLATED))
        text: IO[str] = io.TextIOWrapper(
            archive.open(f"{stem}.csv", "w", force_zip64=True), encoding="utf-8", newline=""
        )
        stack.callback(text.close)  # closes the member before the archive writes its directory
    else:
        text = stack.enter_context((directory / f"{stem}.csv").open("w", encoding="utf-8", newline=""))
    writer = csv.DictWriter(text, columns, restval="", delimiter=DELIMITERS[stem], lineterminator="\n")
    writer.writeheader()
    return writer


def _name(rng: Random, unit: _Unit, head: dict[str, str]) -> str:
    naf = head["activitePrincipaleEtablissement"]
    generic = ("ASSOCIATION",) if unit.kind.family == "association" else ("SOCIETE",)
    stems = next((SECTORS[sector][2] for sector in unit.sectors if naf in SECTORS[sector][1]), generic)
    place = head.get("libelleCommuneEtablissement", "")
    if head["statutDiffusionEtablissement"] == "P" or not unit.kind.by_place or not place:
        place = rng.choice(BRANDS)
    return f"{rng.choice(stems)} {place}"


def _mean(sites: Mapping[int, float]) -> float:
    return sum(count * weight for count, weight in sites.items()) / sum(sites.values())


def _key(digits: str) -> str:
    return str(luhn.calc_check_digit(digits))


def _between(rng: Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _stamp(rng: Random, start: date, end: date) -> str:
    day = _between(rng, max(start, end - timedelta(days=3650)), end - timedelta(days=1))
    return datetime.combine(day, time(rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))).isoformat()
