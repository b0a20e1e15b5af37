"""The ESS perimeter as data: the legal categories it includes (with their family) and the
activities it excludes, loaded from `observatory/data/*.csv` by `setup_reference` and editable
in the admin. Each SIRENE import keeps a copy of the rules it applied."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models

from essaim.observatory.perimeter import FAMILIES, Rules

FAMILY_CHOICES = [(value, label) for value, label in FAMILIES if value != "societe_commerciale_ess"]
LEGAL_CATEGORY = RegexValidator(
    r"^\d{4}$", "Une catégorie juridique INSEE est un code de 4 chiffres, par exemple 9220."
)
NAF = RegexValidator(
    r"^\d{2}(\.\d{2}[A-Z])?$", "Un code d'activité est une division (84) ou un code NAF complet (94.91Z)."
)


class Perimeter(models.Model):
    version = models.CharField("version", max_length=80, unique=True)
    source = models.TextField("sources", blank=True)
    is_current = models.BooleanField("appliqué aux prochains imports", default=True)
    loaded_at = models.DateTimeField("chargé le", auto_now_add=True)

    class Meta:
        verbose_name = "périmètre de l'ESS"
        verbose_name_plural = "périmètres de l'ESS"
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return f"Périmètre {self.version}"

    def rules(self) -> Rules:
        """The rules as the pure module applies them."""
        return Rules(
            categories=dict(self.categories.filter(included=True).values_list("code", "family")),
            excluded_activities=frozenset(self.excluded_activities.values_list("naf", flat=True)),
        )


class PerimeterCategory(models.Model):
    perimeter = models.ForeignKey(Perimeter, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField("catégorie juridique", max_length=4, validators=[LEGAL_CATEGORY])
    label = models.CharField("libellé INSEE", max_length=200)
    family = models.CharField("famille", max_length=20, choices=FAMILY_CHOICES)
    included = models.BooleanField("dans le périmètre", default=True)
    confidence = models.CharField("degré de confiance", max_length=20, blank=True)
    source = models.TextField("source", blank=True)

    class Meta:
        verbose_name = "catégorie juridique du périmètre"
        verbose_name_plural = "catégories juridiques du périmètre"
        ordering = ["perimeter", "code"]
        constraints = [models.UniqueConstraint(fields=["perimeter", "code"], name="observatory_category_once")]

    def __str__(self) -> str:
        return f"{self.code} — {self.label}"


class ExcludedActivity(models.Model):
    perimeter = models.ForeignKey(Perimeter, on_delete=models.CASCADE, related_name="excluded_activities")
    naf = models.CharField("activité (NAF)", max_length=6, validators=[NAF])
    label = models.CharField("libellé", max_length=250)
    source = models.TextField("source", blank=True)

    class Meta:
        verbose_name = "activité exclue du périmètre"
        verbose_name_plural = "activités exclues du périmètre"
        ordering = ["perimeter", "naf"]
        constraints = [models.UniqueConstraint(fields=["perimeter", "naf"], name="observatory_exclusion_once")]

    def __str__(self) -> str:
        return f"{self.naf} — {self.label}"
