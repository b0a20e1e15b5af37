"""ESS places: tiers-lieux and PTCE (pôles territoriaux de coopération économique), where they are,
who runs them and where the information comes from.

A place belongs to a commune of the referential. Its coordinates are its own point, or nothing
when the CRESS does not know it: nothing is invented in their place (the map then shows the place
at its commune's centre, said to be approximate, see `queries.places_for_map`). Its operator and,
for a PTCE, its members are structures of the directory.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from essaim.core.fields import WebsiteField
from essaim.core.text import fold
from essaim.places.coordinates import LATITUDE_RANGE, LONGITUDE_RANGE


class PlaceKind(models.TextChoices):
    TIERS_LIEU = "tiers_lieu", "Tiers-lieu"
    PTCE = "ptce", "Pôle territorial de coopération économique"


class TiersLieuType(models.TextChoices):
    """What a tiers-lieu mainly is, after the typology of France Tiers-Lieux's census."""

    COWORKING = "coworking", "Espace de travail partagé (coworking)"
    FABLAB = "fablab", "Fablab, atelier de fabrication numérique"
    ATELIER_PARTAGE = "atelier_partage", "Atelier partagé d'artisans ou d'artistes"
    CUISINE_PARTAGEE = "cuisine_partagee", "Cuisine partagée"
    CULTUREL = "culturel", "Tiers-lieu culturel"
    NOURRICIER = "nourricier", "Tiers-lieu nourricier"
    HYBRIDE = "hybride", "Tiers-lieu aux activités multiples"


# How each territorial level reaches a place (region and departement through the commune).
TERRITORY_LOOKUPS = {
    "region": "commune__departement__region__code",
    "departement": "commune__departement__code",
    "epci": "commune__epci__code",
    "commune": "commune__code",
}


class PlaceQuerySet(models.QuerySet["Place"]):
    def active(self) -> PlaceQuerySet:
        """Places the CRESS shows (not withdrawn)."""
        return self.filter(is_active=True)

    def in_territory(self, level: str, code: str) -> PlaceQuerySet:
        """Places whose commune lies in the territory of this level (region, departement, epci,
        commune) and official code (INSEE code, EPCI SIREN)."""
        try:
            lookup = TERRITORY_LOOKUPS[level]
        except KeyError:
            raise ValueError(f"Unknown territorial level {level!r}: one of {', '.join(TERRITORY_LOOKUPS)}") from None
        return self.filter(**{lookup: code})

    def mappable(self) -> PlaceQuerySet:
        """Places with their own coordinates."""
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def of_kind(self, kind: str) -> PlaceQuerySet:
        """Places of this kind (tiers_lieu, ptce)."""
        return self.filter(kind=kind)


class Place(models.Model):
    kind = models.CharField("nature", max_length=20, choices=PlaceKind.choices)
    subtype = models.CharField(
        "type de tiers-lieu",
        max_length=30,
        choices=TiersLieuType.choices,
        blank=True,
        help_text="Pour un tiers-lieu seulement : son activité principale.",
    )
    name = models.CharField("nom", max_length=200)
    search_name = models.CharField("nom normalisé", max_length=200, editable=False, db_index=True)
    description = models.TextField("présentation", blank=True)
    address = models.CharField("adresse", max_length=250, blank=True)
    commune = models.ForeignKey(
        "territories.Commune", verbose_name="commune", on_delete=models.PROTECT, related_name="ess_places"
    )
    latitude = models.FloatField(
        "latitude",
        null=True,
        blank=True,
        validators=[MinValueValidator(LATITUDE_RANGE[0]), MaxValueValidator(LATITUDE_RANGE[1])],
        help_text="En degrés décimaux (WGS 84), par exemple 47,2064.",
    )
    longitude = models.FloatField(
        "longitude",
        null=True,
        blank=True,
        validators=[MinValueValidator(LONGITUDE_RANGE[0]), MaxValueValidator(LONGITUDE_RANGE[1])],
        help_text="En degrés décimaux (WGS 84), par exemple -1,5632.",
    )
    operator = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="structure gestionnaire",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="operated_places",
    )
    members = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name="membres du pôle",
        related_name="member_of_places",
        blank=True,
        help_text="Pour un PTCE seulement : les structures qui coopèrent en son sein.",
    )
    website = WebsiteField("site web", blank=True)
    source = models.CharField(
        "source",
        max_length=300,
        blank=True,
        help_text="D'où viennent ces informations : une adresse web, un organisme.",
    )
    updated_on = models.DateField("informations à jour au", null=True, blank=True)
    is_active = models.BooleanField("visible", default=True)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    history_entries = GenericRelation("core.HistoryEntry")

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = "lieu"
        verbose_name_plural = "lieux"
        ordering = ["search_name"]
        constraints = [
            # A place is known by its kind, its name and its commune: an import finds it again by them.
            models.UniqueConstraint(fields=["kind", "search_name", "commune"], name="place_unique_kind_name_commune"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_name = fold(self.name)[:200]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.subtype and self.kind != PlaceKind.TIERS_LIEU:
            errors["subtype"] = "Seul un tiers-lieu a un type ; laissez ce champ vide pour un PTCE."
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = (
                "La latitude et la longitude vont ensemble : indiquez les deux, ou aucune."
            )
        if self.commune_id and self.name and self._namesake().exists():
            errors["name"] = f"Un lieu de même nature porte déjà ce nom dans cette commune ({self.name})."
        if errors:
            raise ValidationError(errors)

    @property
    def source_link(self) -> tuple[str, str] | None:
        """(address, site's name) when the source is a web address: shown as a short link."""
        parts = urlsplit(self.source.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        return self.source.strip(), parts.hostname.removeprefix("www.")

    def _namesake(self) -> PlaceQuerySet:
        # The unique constraint names `search_name`, which no form shows: checked here so that a
        # form says it in French rather than failing on the database's refusal.
        return Place.objects.filter(
            kind=self.kind, search_name=fold(self.name)[:200], commune_id=self.commune_id
        ).exclude(pk=self.pk)
