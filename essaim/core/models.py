"""Bookkeeping shared by every app."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class SettingsRow(models.Model):
    """A module's settings, edited by the CRESS: one row, created with its defaults the first
    time it is read (`current()`). Its admin is `core.admin.SettingsRowAdmin`."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(self._meta.verbose_name).capitalize()

    @classmethod
    def current(cls) -> Self:
        current, _created = cls.objects.get_or_create(pk=1)  # type: ignore[attr-defined]
        return current  # type: ignore[no-any-return]


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


class HistoryEntry(models.Model):
    """One change to a tracked object, of any module: who, when, a summary, and each field's
    value before and after (`{"status": ["draft", "review"]}`, values as stored, JSON-ready).
    Written only through `essaim.core.history`; shown in French by `HistoryEntry.lines()`."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    object_label = models.CharField("objet", max_length=300)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="par", on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField("le", default=timezone.now, db_index=True)
    summary = models.CharField("résumé", max_length=200)
    changes = models.JSONField("modifications", default=dict, blank=True)

    class Meta:
        verbose_name = "modification"
        verbose_name_plural = "historique des modifications"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="history_entry_target")]

    def __str__(self) -> str:
        return f"{self.object_label} — {self.summary}"

    def lines(self) -> list[Any]:
        """Each changed field as (French label, value before, value after), values shown in French."""
        from essaim.core.history import describe

        return describe(self)
