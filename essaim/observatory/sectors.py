"""Sectors of activity from a NAF rév. 2 code: the NAF section (INSEE's 21 sections, by division)
and a grouping of the sectors where the ESS weighs most, as its panoramas present them. Pure.

Sources: INSEE, nomenclature d'activités française (NAF rév. 2), sections and divisions; the
grouping is ours, after the sectors the ESS France panorama puts forward."""

from __future__ import annotations

# Section -> (French label, first division, last division).
SECTIONS: dict[str, tuple[str, int, int]] = {
    "A": ("Agriculture, sylviculture et pêche", 1, 3),
    "B": ("Industries extractives", 5, 9),
    "C": ("Industrie manufacturière", 10, 33),
    "D": ("Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné", 35, 35),
    "E": ("Production et distribution d'eau ; assainissement, gestion des déchets et dépollution", 36, 39),
    "F": ("Construction", 41, 43),
    "G": ("Commerce ; réparation d'automobiles et de motocycles", 45, 47),
    "H": ("Transports et entreposage", 49, 53),
    "I": ("Hébergement et restauration", 55, 56),
    "J": ("Information et communication", 58, 63),
    "K": ("Activités financières et d'assurance", 64, 66),
    "L": ("Activités immobilières", 68, 68),
    "M": ("Activités spécialisées, scientifiques et techniques", 69, 75),
    "N": ("Activités de services administratifs et de soutien", 77, 82),
    "O": ("Administration publique", 84, 84),
    "P": ("Enseignement", 85, 85),
    "Q": ("Santé humaine et action sociale", 86, 88),
    "R": ("Arts, spectacles et activités récréatives", 90, 93),
    "S": ("Autres activités de services", 94, 96),
    "T": ("Activités des ménages en tant qu'employeurs", 97, 98),
    "U": ("Activités extra-territoriales", 99, 99),
}
UNKNOWN = "inconnu"

# ESS sector -> (French label, divisions).
ESS_SECTORS: dict[str, tuple[str, tuple[int, ...]]] = {
    "action_sociale": ("Action sociale", (87, 88)),
    "sante": ("Santé", (86,)),
    "enseignement": ("Enseignement et formation", (85,)),
    "sport_loisirs": ("Sport et loisirs", (93,)),
    "arts_spectacles": ("Arts, spectacles et culture", (90, 91)),
    "finance_assurance": ("Banque et assurance", (64, 65, 66)),
    "agriculture": ("Agriculture", (1, 2, 3)),
    "commerce": ("Commerce", (45, 46, 47)),
    "industrie_construction": ("Industrie et construction", tuple(range(5, 44))),
    "hebergement_restauration": ("Hébergement et restauration", (55, 56)),
    "soutien_entreprises": ("Services aux entreprises", tuple(range(69, 83))),
    "organisations": ("Activités associatives diverses", (94,)),
}
OTHER_SECTOR = "autres"
OTHER_LABEL = "Autres activités"
_SECTOR_OF = {division: sector for sector, (_label, divisions) in ESS_SECTORS.items() for division in divisions}


def division(naf: str) -> int | None:
    """The division (two first digits) of a NAF code such as "88.10A"; None if unreadable."""
    head = (naf or "").strip()[:2]
    return int(head) if len(head) == 2 and head.isascii() and head.isdigit() else None


def section(naf: str) -> str:
    """The NAF section's letter ("Q" for "88.10A"), or UNKNOWN."""
    number = division(naf)
    if number is None:
        return UNKNOWN
    return next((letter for letter, (_label, first, last) in SECTIONS.items() if first <= number <= last), UNKNOWN)


def ess_sector(naf: str) -> str:
    """The ESS sector of a NAF code, or OTHER_SECTOR."""
    number = division(naf)
    return _SECTOR_OF.get(number, OTHER_SECTOR) if number is not None else OTHER_SECTOR


def section_label(code: str) -> str:
    return SECTIONS[code][0] if code in SECTIONS else "Activité non renseignée"


def ess_sector_label(code: str) -> str:
    return ESS_SECTORS[code][0] if code in ESS_SECTORS else OTHER_LABEL
