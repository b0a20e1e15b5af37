"""Bilans: a frozen picture of the whole strategy at a date."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone

from essaim.strategy.models.structure import Strategy


class Bilan(models.Model):
    """The snapshot (`data`) is written once, when the bilan is taken, and never recomputed:
    what was presented at a regional conference stays what it was."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="bilans")
    title = models.CharField("titre", max_length=200)
    as_of = models.DateField("arrêté au")
    introduction = models.TextField("mot d'introduction", blank=True)
    data = models.JSONField("instantané", editable=False)
    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    # Not `auto_now_add`: a bilan kept from before the platform keeps the day it was really frozen.
    taken_at = models.DateTimeField("figé le", default=timezone.now, editable=False)
    published_at = models.DateTimeField("publié le", null=True, blank=True)

    history_entries = GenericRelation("core.HistoryEntry")  # its history, deleted with it

    class Meta:
        verbose_name = "bilan"
        verbose_name_plural = "bilans"
        ordering = ["strategy", "-as_of", "-pk"]
        constraints = [
            # A bilan is published once frozen, never before.
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(published_at__gte=models.F("taken_at")),
                name="bilan_published_after_taken",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("strategy:bilan", kwargs={"code": self.strategy.code, "pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class BilanFile(models.Model):
    """A bilan's PDF or OpenDocument, rendered once for an audience and served from here
    afterwards: the bilan is frozen, so its file never changes, and rendering a large one takes
    seconds. Kept in the database (not MEDIA_ROOT) so that a backup carries it and a restore
    never finds it missing or out of step; derived data all the same: deleted with the bilan,
    rendered again when missing or when what the file shows beside the frozen data (the bilan's
    title and introduction, the strategy's title, the publisher) changed (`fingerprint`)."""

    class Audience(models.TextChoices):
        PUBLIC = "public", "le public"
        INTERNAL = "internal", "le pilotage"

    bilan = models.ForeignKey(Bilan, on_delete=models.CASCADE, related_name="files")
    fmt = models.CharField("format", max_length=4)
    audience = models.CharField("pour", max_length=10, choices=Audience.choices)
    fingerprint = models.CharField(max_length=64)
    content = models.BinaryField()
    rendered_at = models.DateTimeField("produit le", default=timezone.now)

    class Meta:
        verbose_name = "fichier de bilan"
        verbose_name_plural = "fichiers de bilan"
        constraints = [models.UniqueConstraint(fields=["bilan", "fmt", "audience"], name="bilan_file_unique")]

    def __str__(self) -> str:
        return f"{self.bilan} ({self.fmt}, {self.get_audience_display()})"
