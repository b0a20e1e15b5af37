"""The diagnostic's sets of values, each defined once (see docs/architecture.md, "Vocabularies").
Pure module: no Django import."""

from __future__ import annotations

# Maturity, not grades: where a practice stands, from not yet addressed to evaluated and improved.
# The order is the scale's; "ne sait pas" and "non applicable" stand outside it.
MATURITY = (
    ("pas_encore", "Pas encore abordé"),
    ("reflexion", "En réflexion"),
    ("engage", "Engagé"),
    ("formalise", "Formalisé"),
    ("evalue", "Évalué et amélioré"),
)
OUTSIDE_SCALE = (
    ("ne_sait_pas", "Je ne sais pas"),
    ("non_applicable", "Non applicable"),
)
ANSWERS = MATURITY + OUTSIDE_SCALE
MATURITY_RANK = {value: rank for rank, (value, _label) in enumerate(MATURITY)}

ROLES = (
    ("direction", "Direction"),
    ("salarie", "Salarié·e"),
    ("administrateur", "Administrateur·rice"),
    ("benevole", "Bénévole"),
    ("usager", "Usager·e"),
    ("partenaire", "Partenaire"),
)

MODES = (
    ("rapide", "Parcours rapide (une vingtaine de questions, 15 à 20 minutes)"),
    ("complet", "Parcours complet"),
)

ACTION_STATUS = (
    ("a_lancer", "À lancer"),
    ("en_cours", "En cours"),
    ("realisee", "Réalisée"),
    ("abandonnee", "Abandonnée"),
)
