"""The shared directory: every structure the platform knows, and who belongs to it."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.core.fields import WebsiteField
from essaim.core.models import TaxonomyTerm
from essaim.core.slugs import unique_slug
from essaim.core.text import fold, is_ascii_digits
from essaim.organisations.legal_categories import legal_category_label
from essaim.organisations.siret import InvalidIdentifier, validate_siren, validate_siret
from essaim.organisations.sizes import HEADCOUNT_BANDS

NAF_PATTERN = re.compile(r"^\d{2}\.\d{2}[A-Z]$")
LEGAL_CATEGORY_PATTERN = re.compile(r"^\d{4}$")


def siret_validator(value: str) -> None:
    try:
        validate_siret(value)
    except InvalidIdentifier as exc:
        raise ValidationError(str(exc), code="invalid_siret") from exc


def siren_validator(value: str) -> None:
    try:
        validate_siren(value)
    except InvalidIdentifier as exc:
        raise ValidationError(str(exc), code="invalid_siren") from exc


def naf_validator(value: str) -> None:
    if not NAF_PATTERN.match(value):
        raise ValidationError(
            "Le code NAF s'écrit comme « 88.99B » : deux chiffres, un point, deux chiffres, une lettre."
        )


def legal_category_validator(value: str) -> None:
    if not LEGAL_CATEGORY_PATTERN.match(value):
        raise ValidationError("La catégorie juridique INSEE est un code de 4 chiffres, par exemple 9220.")


class EssFamily(models.TextChoices):
    ASSOCIATION = "association", "Association"
    COOPERATIVE = "cooperative", "Coopérative"
    MUTUELLE = "mutuelle", "Mutuelle"
    FONDATION = "fondation", "Fondation"
    SOCIETE_COMMERCIALE_ESS = "societe_commerciale_ess", "Société commerciale de l'ESS"
    AUTRE = "autre", "Autre structure de l'ESS"
    HORS_ESS = "hors_ess", "Hors ESS"


class OrganisationRole(TaxonomyTerm):
    """What a structure is for the platform (operator, funder, local authority...). Loaded by
    `setup_reference`; modules rely on the slugs (only operators may publish offers)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "rôle de structure"
        verbose_name_plural = "rôles de structure"


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def active(self) -> OrganisationQuerySet:
        """Structures shown in the public directory."""
        return self.filter(is_active=True)

    def matching(self, text: str) -> OrganisationQuerySet:
        """Structures whose name, SIREN or SIRET contains the text, accents and case ignored."""
        folded = fold(text[:200])
        if not folded:
            return self
        query = Q()
        for word in folded.split()[:10]:
            query &= Q(search_name__contains=word)
        digits = "".join(char for char in text if is_ascii_digits(char))
        if len(digits) >= 9:
            query |= Q(siret__startswith=digits) | Q(siren=digits[:9])
        return self.filter(query)

    def in_departement(self, code: str) -> OrganisationQuerySet:
        """Structures whose commune lies in the département with this code."""
        return self.filter(commune__departement__code=code)

    def in_region(self, code: str) -> OrganisationQuerySet:
        """Structures whose commune lies in the région with this INSEE code."""
        return self.filter(commune__departement__region__code=code)

    def with_role(self, slug: str) -> OrganisationQuerySet:
        """Structures that hold the role with this slug."""
        return self.filter(roles__slug=slug)

    def editable_by(self, user: Any) -> OrganisationQuerySet:
        """Structures for which this person may write (their offers, their registrations, their
        self-diagnostic): those where they are admin or editor. CRESS staff may write for every
        structure, hidden ones included (a suggestion may name a structure the directory did not
        know, created hidden until the CRESS checks it)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if getattr(user, "is_platform_admin", False):
            return self
        return self.filter(
            memberships__user=user, memberships__role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR]
        ).distinct()


class Organisation(models.Model):
    name = models.CharField("nom", max_length=200)
    slug = models.SlugField("adresse de la page", max_length=220, unique=True)
    search_name = models.CharField("nom normalisé", max_length=200, editable=False, db_index=True)
    siren = models.CharField("SIREN", max_length=9, blank=True, db_index=True, validators=[siren_validator])
    siret = models.CharField(
        "SIRET",
        max_length=14,
        blank=True,
        validators=[siret_validator],
        help_text="Facultatif. 14 chiffres ; les espaces sont acceptés.",
    )
    legal_category = models.CharField(
        "catégorie juridique INSEE",
        max_length=4,
        blank=True,
        validators=[legal_category_validator],
        help_text="Code à 4 chiffres de la nomenclature INSEE, par exemple 9220 pour une association déclarée.",
    )
    ess_family = models.CharField("famille de l'ESS", max_length=30, choices=EssFamily.choices, blank=True)
    naf_code = models.CharField("code NAF", max_length=6, blank=True, validators=[naf_validator])
    headcount_band = models.CharField(
        "tranche d'effectifs salariés",
        max_length=2,
        choices=HEADCOUNT_BANDS,
        blank=True,
        help_text="La tranche INSEE du répertoire Sirene (situation au 31 décembre).",
    )
    roles = models.ManyToManyField(OrganisationRole, verbose_name="rôles", related_name="organisations", blank=True)
    commune = models.ForeignKey(
        "territories.Commune",
        verbose_name="commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    address = models.CharField("adresse", max_length=250, blank=True)
    website = WebsiteField("site web", blank=True)
    email = models.EmailField("e-mail de contact", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    description = models.TextField("présentation", blank=True)
    is_active = models.BooleanField("visible dans l'annuaire", default=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True, db_index=True)

    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", verbose_name="membres"
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "structure"
        verbose_name_plural = "structures"
        ordering = ["search_name"]
        constraints = [
            models.UniqueConstraint(fields=["siret"], condition=~Q(siret=""), name="organisation_unique_siret"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_derived_fields()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def legal_category_label(self) -> str:
        """The INSEE legal category's name ("Association déclarée" for 9220), or ""."""
        return legal_category_label(self.legal_category) if self.legal_category else ""

    def clean(self) -> None:
        if self.siret and self.siren and not self.siret.startswith(self.siren):
            raise ValidationError({"siren": "Le SIREN doit correspondre aux 9 premiers chiffres du SIRET."})

    def refresh_derived_fields(self) -> None:
        """Fill the fields computed from others: search name, SIREN from the SIRET, slug."""
        self.search_name = fold(self.name)[:200]
        if self.siret and not self.siren:
            self.siren = self.siret[:9]
        if not self.slug:
            self.slug = unique_slug(self.name, Organisation.objects.exclude(pk=self.pk), fallback="structure")


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", "Administrateur"
        EDITOR = "editor", "Éditeur"
        MEMBER = "member", "Membre"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rôle", max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "appartenance"
        verbose_name_plural = "appartenances"
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_organisation")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"

    @property
    def can_edit(self) -> bool:
        """Admins and editors edit what the structure publishes; members only read."""
        return self.role in {self.Role.ADMIN, self.Role.EDITOR}
