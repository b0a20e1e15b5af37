"""The history of the strategy: who changed what, when, with the values before and after."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from essaim.strategy.models.structure import Strategy


class Change(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="changes")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    object_label = models.CharField("objet", max_length=300)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField("le", auto_now_add=True)
    summary = models.CharField("résumé", max_length=200)
    changes = models.JSONField("modifications", default=dict, blank=True)

    class Meta:
        verbose_name = "modification"
        verbose_name_plural = "historique du pilotage"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.object_label} — {self.summary}"

    def changed_fields(self) -> list[tuple[str, Any, Any]]:
        return [(name, values[0], values[1]) for name, values in self.changes.items()]
