"""The ESS statistical perimeter applied to SIRENE rows. Pure: no Django import.

A legal unit is in the ESS when its legal category (`categorieJuridiqueUniteLegale`) is one of the
perimeter's, or when INSEE flags it (`economieSocialeSolidaireUniteLegale` = "O"); its family
follows the category, and a unit admitted by the flag alone is a commercial company of the ESS.
An establishment of such a unit counts when it is active and its activity is not excluded (public
administration, employers' and trade unions, religious and political organisations). It is an
employer when INSEE says so (`caractereEmployeurEtablissement` = "O") or when it has a head-count
band from "00" to "53". Codes of municipal arrondissements and of former communes count for their
commune. An establishment in partial diffusion is counted, never listed nor placed on a map.

The same rules run in SQL over whole files (`sirene_sql.py`); the tests hold both to the same
hand-made rows. Sources: INSEE, champ de l'économie sociale; INSEE, documentation of the Sirene
variables; see `docs/observatoire.md`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from essaim.organisations.sizes import BOUNDS, NO_EMPLOYEE

FAMILIES = [
    ("association", "Associations"),
    ("cooperative", "Coopératives"),
    ("mutuelle", "Mutuelles"),
    ("fondation", "Fondations"),
    ("societe_commerciale_ess", "Sociétés commerciales de l'ESS"),
]
COMMERCIAL = "societe_commerciale_ess"
# INSEE's head-count bands (salariés on 31 December): code -> (min, max), kept with the directory's.
BANDS = BOUNDS


@dataclass(frozen=True)
class Rules:
    """The perimeter as data: included legal categories and their family, excluded activities
    (a NAF code such as "94.91Z", or a division such as "84" for all of it)."""

    categories: Mapping[str, str]  # legal category -> family
    excluded_activities: frozenset[str]

    def unit_family(self, legal_category: str, ess_flag: str) -> str | None:
        """The unit's family in the ESS, or None when it is outside."""
        family = self.categories.get((legal_category or "").strip())
        if family:
            return family
        return COMMERCIAL if (ess_flag or "").strip().upper() == "O" else None

    def activity_excluded(self, naf: str) -> bool:
        code = (naf or "").strip().upper()
        return code in self.excluded_activities or code[:2] in self.excluded_activities


def is_employer(employer_flag: str, band: str) -> bool:
    """INSEE's employer character, or a head-count band of the INSEE list ("00" included: it
    had salariés during the year). The two sources disagree at times; either is enough."""
    return (employer_flag or "").strip().upper() == "O" or (band or "").strip() in BANDS


def band_is_known(band: str) -> bool:
    """An empty band and "NN" (no salarié) are known; so is any code of the INSEE list."""
    code = (band or "").strip()
    return code in ("", NO_EMPLOYEE) or code in BANDS


def commune_of(code: str, aliases: Mapping[str, str], communes: Iterable[str] | frozenset[str]) -> str | None:
    """The current commune's code for an establishment's commune code: itself, or the commune an
    arrondissement or a former commune belongs to; None when it cannot be placed (abroad, empty,
    unknown)."""
    value = (code or "").strip()
    if not value:
        return None
    if value in communes:
        return value
    return aliases.get(value)


@dataclass(frozen=True)
class Establishment:
    """What the observatory keeps of an establishment in the perimeter."""

    siret: str
    family: str
    naf: str
    commune: str | None
    employer: bool
    band: str
    diffusible: bool


def establishment_in_perimeter(
    rules: Rules,
    *,
    unit: Mapping[str, str],
    establishment: Mapping[str, str],
    aliases: Mapping[str, str],
    communes: frozenset[str],
) -> Establishment | None:
    """The establishment as the observatory counts it, or None when it is outside the perimeter
    (its unit is not in the ESS, it is closed, or its activity is excluded). Rows are dicts keyed
    by the official column names."""
    family = rules.unit_family(
        unit.get("categorieJuridiqueUniteLegale", ""), unit.get("economieSocialeSolidaireUniteLegale", "")
    )
    if family is None:
        return None
    if (establishment.get("etatAdministratifEtablissement") or "").strip() != "A":
        return None
    naf = (establishment.get("activitePrincipaleEtablissement") or "").strip()
    if rules.activity_excluded(naf):
        return None
    band = (establishment.get("trancheEffectifsEtablissement") or "").strip()
    return Establishment(
        siret=(establishment.get("siret") or "").strip(),
        family=family,
        naf=naf,
        commune=commune_of(establishment.get("codeCommuneEtablissement", ""), aliases, communes),
        employer=is_employer(establishment.get("caractereEmployeurEtablissement", ""), band),
        band=band,
        diffusible=(establishment.get("statutDiffusionEtablissement") or "").strip() != "P",
    )


def employees_range(bands: Mapping[str, int]) -> tuple[int, int | None]:
    """The range of salariés that establishments' bands allow, from how many establishments have
    each band: the sum of their lower bounds and of their upper bounds (None when a band is
    open-ended). Never a single made-up number."""
    low, high = 0, 0
    open_ended = False
    for band, count in bands.items():
        bounds = BANDS.get((band or "").strip())
        if bounds is None or count <= 0:
            continue
        low += bounds[0] * count
        if bounds[1] is None:
            open_ended = True
        else:
            high += bounds[1] * count
    return low, None if open_ended else high
