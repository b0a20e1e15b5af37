"""Sizes of structures: INSEE's bands of salaried headcount (`trancheEffectifs` in the Sirene
register, the situation on 31 December) and the four groups statistics use. Pure.

Source: INSEE, Sirene register documentation, variable trancheEffectifsUniteLegale."""

from __future__ import annotations

HEADCOUNT_BANDS = [
    ("NN", "Sans salarié"),
    ("00", "0 salarié au 31 décembre (mais des salariés dans l'année)"),
    ("01", "1 ou 2 salariés"),
    ("02", "3 à 5 salariés"),
    ("03", "6 à 9 salariés"),
    ("11", "10 à 19 salariés"),
    ("12", "20 à 49 salariés"),
    ("21", "50 à 99 salariés"),
    ("22", "100 à 199 salariés"),
    ("31", "200 à 249 salariés"),
    ("32", "250 à 499 salariés"),
    ("41", "500 à 999 salariés"),
    ("42", "1 000 à 1 999 salariés"),
    ("51", "2 000 à 4 999 salariés"),
    ("52", "5 000 à 9 999 salariés"),
    ("53", "10 000 salariés et plus"),
]

# Salariés each band allows: code -> (lowest, highest; None for the open-ended last band).
BOUNDS: dict[str, tuple[int, int | None]] = {
    "00": (0, 0),
    "01": (1, 2),
    "02": (3, 5),
    "03": (6, 9),
    "11": (10, 19),
    "12": (20, 49),
    "21": (50, 99),
    "22": (100, 199),
    "31": (200, 249),
    "32": (250, 499),
    "41": (500, 999),
    "42": (1000, 1999),
    "51": (2000, 4999),
    "52": (5000, 9999),
    "53": (10000, None),
}
NO_EMPLOYEE = "NN"

SIZE_GROUPS = [
    ("sans_salarie", "Sans salarié"),
    ("moins_de_10", "Moins de 10 salariés"),
    ("de_10_a_49", "10 à 49 salariés"),
    ("de_50_a_249", "50 à 249 salariés"),
    ("250_et_plus", "250 salariés et plus"),
]


def size_group(band: str) -> str | None:
    """The group of an INSEE band ("12" → "de_10_a_49"), from its bounds; None for an unknown or
    missing band."""
    if band == NO_EMPLOYEE:
        return "sans_salarie"
    bounds = BOUNDS.get(band)
    if bounds is None:
        return None
    high = bounds[1]
    if high is None or high >= 250:
        return "250_et_plus"
    return "moins_de_10" if high < 10 else "de_10_a_49" if high < 50 else "de_50_a_249"
