"""Bookkeeping shared by every app."""

from __future__ import annotations

from django.db import models


class ReferenceDataset(models.Model):
    """Which version of a reference dataset this database holds, so that `setup_reference`
    can skip a load that would change nothing (the territories take seconds to load)."""

    name = models.CharField("jeu de données", max_length=100, unique=True)
    version = models.CharField("version", max_length=200)
    loaded_at = models.DateTimeField("chargé le", auto_now=True)

    class Meta:
        verbose_name = "jeu de données de référence"
        verbose_name_plural = "jeux de données de référence"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"

    @classmethod
    def is_current(cls, name: str, version: str) -> bool:
        return cls.objects.filter(name=name, version=version).exists()

    @classmethod
    def mark_loaded(cls, name: str, version: str) -> None:
        cls.objects.update_or_create(name=name, defaults={"version": version})


class TaxonomyTerm(models.Model):
    """A term of a taxonomy kept as data (loaded from a CSV file by `setup_reference`,
    editable in the admin). Terms are never deleted: an obsolete one stays for history."""

    slug = models.SlugField("identifiant", max_length=50, unique=True)
    label = models.CharField("libellé", max_length=150)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    is_obsolete = models.BooleanField("obsolète", default=False)

    class Meta:
        abstract = True
        ordering = ["order", "label"]

    def __str__(self) -> str:
        return self.label
