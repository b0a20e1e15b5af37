"""The module's settings, edited by the CRESS in the admin."""

from __future__ import annotations

from django.db import models

from essaim.core.models import SettingsRow


class DiagnosticSettings(SettingsRow):
    show_global_score = models.BooleanField(
        "afficher un niveau moyen global",
        default=False,
        help_text=(
            "Le guide des bonnes pratiques pose des questions et ne note pas : par défaut, les résultats ne "
            "donnent aucun score. Cochée, cette case ajoute aux résultats de chaque structure un niveau moyen, "
            "sur l'échelle de 1 (pas encore abordé) à 5 (évalué et amélioré), pour l'ensemble et par thème."
        ),
    )

    class Meta:
        verbose_name = "réglage de l'autodiagnostic"
        verbose_name_plural = "réglages de l'autodiagnostic"
