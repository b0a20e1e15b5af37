"""The question bank: a framework (the guide, in one version) → themes → domains of action →
items (questions and indicators), loaded from `diagnostics/data/*.yaml` by `setup_reference`.
A campaign keeps the framework version it started with; the CRESS adds regional items in the
admin, without code."""

from __future__ import annotations

from django.db import models


class Framework(models.Model):
    code = models.SlugField("identifiant", max_length=80)
    version = models.PositiveIntegerField("version")
    title = models.CharField("titre", max_length=250)
    source = models.TextField("source", blank=True)
    is_current = models.BooleanField("proposé aux nouvelles campagnes", default=True)
    loaded_at = models.DateTimeField("chargé le", auto_now_add=True)

    class Meta:
        verbose_name = "référentiel"
        verbose_name_plural = "référentiels"
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="diagnostics_framework_version_once")]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"


class Theme(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="themes")
    code = models.SlugField("identifiant", max_length=80)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    title = models.CharField("titre", max_length=200)
    summary = models.TextField("en quelques mots", blank=True)
    source = models.TextField("source", blank=True)

    class Meta:
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
        ordering = ["framework", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="diagnostics_theme_once")]

    def __str__(self) -> str:
        return self.title


class Domain(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="domains")
    code = models.SlugField("identifiant", max_length=120)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    title = models.CharField("domaine d'action", max_length=250)

    class Meta:
        verbose_name = "domaine d'action"
        verbose_name_plural = "domaines d'action"
        ordering = ["theme", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["theme", "code"], name="diagnostics_domain_once")]

    def __str__(self) -> str:
        return self.title


class ItemQuerySet(models.QuerySet["Item"]):
    def for_mode(self, mode: str) -> ItemQuerySet:
        """The quick path's items, or every item for the full one."""
        return self.filter(quick=True) if mode == "rapide" else self.all()


class Item(models.Model):
    """A question of the guide (answered on the maturity scale) or an indicator (a figure).

    A row is one version of an item. Once a campaign has asked it, its wording never changes:
    rewording it (from the guide's file or in the admin) makes a new row with the next version
    and switches the old one off (`services.bank.item_version_save`), so a campaign, its answers and its
    plan keep the text they were given. Rows of one item share its code, which is what compares a
    year with the next."""

    class Kind(models.TextChoices):
        QUESTION = "question", "Question"
        INDICATOR = "indicateur", "Indicateur"

    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="items")
    code = models.SlugField("identifiant", max_length=160)
    version = models.PositiveSmallIntegerField("version de l'item", default=1)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    kind = models.CharField("nature", max_length=12, choices=Kind.choices, default=Kind.QUESTION)
    text = models.CharField("question ou indicateur", max_length=400)
    unit = models.CharField("unité", max_length=40, blank=True)
    quick = models.BooleanField("dans le parcours rapide", default=False)
    about = models.TextField("de quoi parle-t-on ?", blank=True)
    key_ideas = models.TextField("idées clés", blank=True)
    legal = models.TextField("références juridiques", blank=True)
    examples = models.TextField("exemples", blank=True)
    source = models.TextField("source", blank=True)
    suggested_actions = models.JSONField("actions suggérées par niveau", default=dict, blank=True)
    regional = models.BooleanField("item régional ajouté par la CRESS", default=False)
    is_active = models.BooleanField("proposé", default=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        verbose_name = "item du référentiel"
        verbose_name_plural = "items du référentiel"
        ordering = ["domain", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "code", "version"], name="diagnostics_item_version_once"),
            # One version of an item is proposed at a time: a campaign never asks an item twice.
            models.UniqueConstraint(
                fields=["domain", "code"], condition=models.Q(is_active=True), name="diagnostics_item_active_once"
            ),
        ]

    def __str__(self) -> str:
        return self.text
