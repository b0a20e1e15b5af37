"""The catalogue's taxonomies: data loaded from `catalog/data/*.csv`, editable in the admin."""

from __future__ import annotations

from django.db import models

from essaim.core.models import TaxonomyTerm
from essaim.core.text import fold


class Stage(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "étape de développement"
        verbose_name_plural = "étapes de développement"


class Need(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "besoin"
        verbose_name_plural = "besoins"


class OfferType(TaxonomyTerm):
    class Kind(models.TextChoices):
        FINANCEMENT = "financement", "Financement"
        ACCOMPAGNEMENT = "accompagnement", "Accompagnement"

    kind = models.CharField("famille", max_length=20, choices=Kind.choices)

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "type d'offre"
        verbose_name_plural = "types d'offre"


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "public ou statut"
        verbose_name_plural = "publics et statuts"


class Sector(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "secteur"
        verbose_name_plural = "secteurs"


class RefinementQuestion(TaxonomyTerm):
    """A yes/no question the guided path asks when the leader chose one of its needs; an offer
    may require an answer (`Offer.required_answers`). The label is the question itself."""

    help_text = models.CharField("aide", max_length=250, blank=True)
    needs = models.ManyToManyField(Need, verbose_name="posée pour les besoins", related_name="questions", blank=True)

    @property
    def need_slugs(self) -> frozenset[str]:
        """The needs the question is asked for (none: asked whatever the needs)."""
        return frozenset(need.slug for need in self.needs.all())

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "question d'affinage"
        verbose_name_plural = "questions d'affinage"


class Synonym(models.Model):
    """Words the search treats as equivalent ("asso" and "association"), edited by the CRESS."""

    term = models.CharField("mot", max_length=100, unique=True)
    synonyms = models.CharField(
        "synonymes", max_length=500, help_text="Séparés par des virgules, par exemple : asso, associatif"
    )

    class Meta:
        verbose_name = "synonyme"
        verbose_name_plural = "synonymes"
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} → {self.synonyms}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.term = fold(self.term)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def words(self) -> list[str]:
        return [fold(word) for word in self.synonyms.split(",") if fold(word)]
