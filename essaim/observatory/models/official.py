"""Official figures the CRESS receives (its yearly order to INSEE, URSSAF tables) and imports as
they come: one row per year, territory, family and sector. They stay a layer of their own, with
their source and year, shown beside the figures computed from Sirene, never added to them."""

from __future__ import annotations

from django.db import models

from essaim.observatory.models.figures import LEVELS


class OfficialFigure(models.Model):
    source = models.CharField("source", max_length=250)
    year = models.PositiveSmallIntegerField("année des chiffres")
    level = models.CharField("niveau", max_length=12, choices=LEVELS)
    code = models.CharField("code du territoire", max_length=9)
    family = models.CharField("famille", max_length=40, blank=True, help_text="Vide : toutes les familles.")
    sector = models.CharField("secteur", max_length=80, blank=True, help_text="Vide : tous les secteurs.")
    employer_establishments = models.PositiveIntegerField("établissements employeurs", null=True, blank=True)
    jobs = models.PositiveIntegerField("postes au 31 décembre", null=True, blank=True)
    full_time_equivalents = models.DecimalField(
        "équivalents temps plein", max_digits=12, decimal_places=1, null=True, blank=True
    )
    payroll = models.DecimalField("masse salariale (euros)", max_digits=16, decimal_places=0, null=True, blank=True)
    imported_at = models.DateTimeField("importé le", auto_now=True)

    class Meta:
        verbose_name = "chiffre officiel"
        verbose_name_plural = "chiffres officiels"
        ordering = ["level", "code", "-year", "family", "sector"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "year", "level", "code", "family", "sector"], name="observatory_official_once"
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2200), name="observatory_official_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} — {self.year} — {self.code}"
