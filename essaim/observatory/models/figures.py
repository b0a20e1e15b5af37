"""What a SIRENE import leaves: the import itself (files, vintage, rules applied, data quality),
the establishments of the perimeter that the map and the lists need, and the figures of every
territory, computed once so that a page or the API reads them without counting."""

from __future__ import annotations

from django.db import models

from essaim.observatory.models.perimeter import Perimeter
from essaim.observatory.perimeter import FAMILIES

LEVELS = [
    ("region", "Région"),
    ("departement", "Département"),
    ("epci", "Intercommunalité"),
    ("commune", "Commune"),
]


class SireneImportQuerySet(models.QuerySet["SireneImport"]):
    def complete(self) -> SireneImportQuerySet:
        return self.filter(status=SireneImport.Status.COMPLETE)

    def current(self) -> SireneImport | None:
        """The import the figures are read from: the last complete one."""
        return self.complete().order_by("-finished_at", "-pk").first()


class SireneImport(models.Model):
    class Status(models.TextChoices):
        RUNNING = "en_cours", "En cours"
        COMPLETE = "termine", "Terminé"
        FAILED = "echoue", "Échoué"

    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.RUNNING)
    started_at = models.DateTimeField("commencé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    vintage = models.DateField("millésime des fichiers", null=True, blank=True)
    files = models.JSONField("fichiers", default=list)
    region = models.CharField("région des établissements gardés", max_length=3, blank=True)
    perimeter_version = models.CharField("version du périmètre", max_length=80)
    rules = models.JSONField("règles appliquées", default=dict)
    quality = models.JSONField("qualité des données", default=dict)
    error = models.TextField("erreur", blank=True)
    demo = models.BooleanField("extrait de démonstration", default=False)

    objects = SireneImportQuerySet.as_manager()

    class Meta:
        verbose_name = "import SIRENE"
        verbose_name_plural = "imports SIRENE"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        vintage = f"{self.vintage:%m/%Y}" if self.vintage else "millésime inconnu"
        return f"Import SIRENE ({vintage}, {self.get_status_display().lower()})"

    def perimeter(self) -> Perimeter | None:
        """The perimeter whose rules this import applied (its copy is kept in `rules`)."""
        return Perimeter.objects.filter(version=self.perimeter_version).first()


class Establishment(models.Model):
    """An active establishment in the perimeter. Name, address and coordinates only when INSEE
    diffuses them (never for an establishment in partial diffusion)."""

    sirene_import = models.ForeignKey(SireneImport, on_delete=models.CASCADE, related_name="establishments")
    siret = models.CharField("SIRET", max_length=14)
    family = models.CharField("famille", max_length=30, choices=FAMILIES)
    naf = models.CharField("activité (NAF)", max_length=6, blank=True)
    commune = models.ForeignKey(
        "territories.Commune", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    employer = models.BooleanField("employeur")
    band = models.CharField("tranche d'effectifs", max_length=2, blank=True)
    diffusible = models.BooleanField("diffusible", default=True)
    head_office = models.BooleanField("siège", default=False)
    name = models.CharField("nom", max_length=250, blank=True)
    address = models.CharField("adresse", max_length=300, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = "établissement de l'ESS"
        verbose_name_plural = "établissements de l'ESS"
        ordering = ["name", "siret"]
        indexes = [models.Index(fields=["sirene_import", "commune"], name="observatory_estab_commune")]

    def __str__(self) -> str:
        return self.name or self.siret


class TerritoryFigures(models.Model):
    sirene_import = models.ForeignKey(SireneImport, on_delete=models.CASCADE, related_name="figures")
    level = models.CharField("niveau", max_length=12, choices=LEVELS)
    code = models.CharField("code", max_length=9)
    name = models.CharField("nom", max_length=200)
    figures = models.JSONField("chiffres", default=dict)

    class Meta:
        verbose_name = "chiffres d'un territoire"
        verbose_name_plural = "chiffres des territoires"
        ordering = ["level", "code"]
        constraints = [
            models.UniqueConstraint(fields=["sirene_import", "level", "code"], name="observatory_figures_once")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_level_display()})"
