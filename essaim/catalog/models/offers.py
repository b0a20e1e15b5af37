"""Offers of support (accompagnement) and financing (financement), their territories and history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.catalog.models.taxonomies import Audience, Need, OfferType, Sector, Stage
from essaim.core.fields import WebsiteField
from essaim.core.models import TaxonomyTerm
from essaim.territories.places import Places


class OfferQuerySet(models.QuerySet["Offer"]):
    def published(self) -> OfferQuerySet:
        """Offers the public may see."""
        return self.filter(status=Offer.Status.PUBLISHED)

    def not_expired_on(self, day: date) -> OfferQuerySet:
        """Offers whose deadline has not passed that day, or that are permanent."""
        return self.filter(Q(deadline__isnull=True) | Q(deadline__gte=day) | Q(recurrence=Offer.Recurrence.PERMANENTE))

    def open_on(self, day: date) -> OfferQuerySet:
        """Offers one can apply to that day: already opened and not expired."""
        return self.not_expired_on(day).filter(Q(opens_on__isnull=True) | Q(opens_on__lte=day))

    def visible_on(self, day: date) -> OfferQuerySet:
        """What the public finds: published and not expired (an offer that opens later is shown
        with its opening date)."""
        return self.published().not_expired_on(day)

    def covering(self, places: Places) -> OfferQuerySet:
        """Offers with at least one territory that contains this commune (`Commune.places`)."""
        territories = (
            Q(territories__kind="france")
            | Q(territories__kind="region", territories__code=places.region)
            | Q(territories__kind="departement", territories__code=places.departement)
            | Q(territories__kind="commune", territories__code=places.commune)
        )
        if places.epci:
            territories |= Q(territories__kind="epci", territories__code=places.epci)
        return self.filter(territories).distinct()

    def covering_region(self, region: str) -> OfferQuerySet:
        """Offers with at least one territory in the région (or all of France)."""
        from essaim.territories.models import Commune, Departement

        communes = Commune.objects.filter(departement__region__code=region)
        territories = (
            Q(territories__kind="france")
            | Q(territories__kind="region", territories__code=region)
            | Q(
                territories__kind="departement",
                territories__code__in=Departement.objects.filter(region__code=region).values("code"),
            )
            | Q(territories__kind="epci", territories__code__in=communes.exclude(epci=None).values("epci__code"))
            | Q(territories__kind="commune", territories__code__in=communes.values("code"))
        )
        return self.filter(territories).distinct()

    def due_for_review(self, day: date) -> OfferQuerySet:
        """Published offers whose review period has run out by that day."""
        return self.published().filter(review_due_on__lte=day)

    def with_relations(self) -> OfferQuerySet:
        """Everything a list of offers displays, in a fixed number of queries."""
        # Without the columns no list shows: the search's stems and the commune's outline.
        return (
            self.select_related("operator__commune")
            .defer(
                "search_document", "search_title", "search_summary", "search_description", "operator__commune__outline"
            )
            .prefetch_related("offer_types", "stages", "needs", "audiences", "sectors", "territories")
        )


# The offer's own content as its editors write it, in the order forms and files show it: every
# list of an offer's fields (form, history, import and export columns, API) starts from this one.
CONTENT_FIELDS = (
    "title",
    "summary",
    "description",
    "amount_min",
    "amount_max",
    "fees",
    "url",
    "application_url",
    "contact_email",
    "contact_phone",
    "opens_on",
    "deadline",
    "recurrence",
    "review_every_months",
    "min_years",
    "max_years",
    "min_employees",
    "max_employees",
)
# The taxonomies an offer is described with: field name → model of its terms.
TAXONOMY_MODELS: dict[str, type[TaxonomyTerm]] = {
    "offer_types": OfferType,
    "stages": Stage,
    "needs": Need,
    "audiences": Audience,
    "sectors": Sector,
}


class Offer(models.Model):
    class Status(models.TextChoices):
        SUGGESTION = "suggestion", "Suggestion"
        DRAFT = "draft", "Brouillon"
        REVIEW = "review", "En revue"
        PUBLISHED = "published", "Publiée"
        ARCHIVED = "archived", "Archivée"

    class Fees(models.TextChoices):
        GRATUIT = "gratuit", "Gratuit"
        PAYANT = "payant", "Payant"
        SOUS_CONDITIONS = "sous_conditions", "Gratuit sous conditions"

    class Recurrence(models.TextChoices):
        PERMANENTE = "permanente", "Permanente"
        PONCTUELLE = "ponctuelle", "Ponctuelle"
        RECURRENTE = "recurrente", "Récurrente"

    REVIEW_PERIODS = [(1, "Tous les mois"), (3, "Tous les 3 mois"), (6, "Tous les 6 mois"), (12, "Tous les ans")]

    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("adresse de la page", max_length=220, unique=True)
    summary = models.CharField("résumé", max_length=300)
    description = models.TextField("description", blank=True)
    operator = models.ForeignKey(
        "organisations.Organisation", verbose_name="opérateur", on_delete=models.PROTECT, related_name="offers"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="offre générique",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="instances",
        help_text="Pour une déclinaison locale d'une offre nationale (un DLA départemental, par exemple).",
    )
    external_id = models.CharField("identifiant externe", max_length=100, unique=True, null=True, blank=True)

    offer_types = models.ManyToManyField(OfferType, verbose_name="types d'offre", related_name="offers")
    stages = models.ManyToManyField(Stage, verbose_name="étapes", related_name="offers", blank=True)
    needs = models.ManyToManyField(Need, verbose_name="besoins", related_name="offers", blank=True)
    audiences = models.ManyToManyField(Audience, verbose_name="publics", related_name="offers", blank=True)
    sectors = models.ManyToManyField(Sector, verbose_name="secteurs", related_name="offers", blank=True)
    # Its history (essaim.core.history), deleted with the offer.
    history_entries = GenericRelation("core.HistoryEntry")
    required_answers = models.JSONField(
        "réponses exigées", default=dict, blank=True, help_text='Questions d\'affinage : {"identifiant": true}.'
    )

    amount_min = models.PositiveIntegerField("montant minimum (€)", null=True, blank=True)
    amount_max = models.PositiveIntegerField("montant maximum (€)", null=True, blank=True)
    fees = models.CharField("coût", max_length=20, choices=Fees.choices, default=Fees.GRATUIT)
    url = WebsiteField("page d'information", blank=True)
    application_url = WebsiteField("lien pour candidater", blank=True)
    contact_email = models.EmailField("e-mail de contact", blank=True)
    contact_phone = models.CharField("téléphone de contact", max_length=30, blank=True)
    opens_on = models.DateField("ouverture le", null=True, blank=True)
    deadline = models.DateField("date limite", null=True, blank=True)
    recurrence = models.CharField(
        "récurrence", max_length=20, choices=Recurrence.choices, default=Recurrence.PERMANENTE
    )
    min_years = models.PositiveSmallIntegerField("ancienneté minimale (années)", null=True, blank=True)
    max_years = models.PositiveSmallIntegerField("ancienneté maximale (années)", null=True, blank=True)
    min_employees = models.PositiveIntegerField("effectif minimum (salariés)", null=True, blank=True)
    max_employees = models.PositiveIntegerField("effectif maximum (salariés)", null=True, blank=True)

    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    review_every_months = models.PositiveSmallIntegerField("à revoir tous les", choices=REVIEW_PERIODS, default=12)
    reviewed_on = models.DateField("dernière mise à jour", default=date.today)
    review_due_on = models.DateField("à revoir avant le", editable=False, db_index=True)
    broken_link = models.BooleanField("lien cassé", default=False)
    links_checked_at = models.DateTimeField("liens vérifiés le", null=True, blank=True)
    # The stems of the title, summary and description in order, repeats kept (ranking); the
    # document holds every distinct stem of the offer, operator and labels included (matching).
    search_title = models.TextField("titre indexé", blank=True, editable=False)
    search_summary = models.TextField("résumé indexé", blank=True, editable=False)
    search_description = models.TextField("description indexée", blank=True, editable=False)
    search_document = models.TextField("texte indexé", blank=True, editable=False)
    # The one-time token of the form that created the offer: the same form sent twice (a double
    # click, a reload) finds the draft it already created instead of making a second one.
    creation_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    # Indexed: the in-memory index of the catalogue watches the latest change (catalog/index.py).
    updated_at = models.DateTimeField("modifiée le", auto_now=True, db_index=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = "offre"
        verbose_name_plural = "offres"
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True)
                | Q(amount_max__isnull=True)
                | Q(amount_min__lte=models.F("amount_max")),
                name="offer_amounts_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Months are counted as 30 days: a reminder a few days early does no harm.
        self.review_due_on = self.reviewed_on + timedelta(days=30 * self.review_every_months)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("catalog:offer", kwargs={"slug": self.slug})

    @property
    def is_permanent(self) -> bool:
        return self.recurrence == self.Recurrence.PERMANENTE

    def is_open_on(self, day: date) -> bool:
        if self.opens_on and self.opens_on > day:
            return False
        return self.is_permanent or self.deadline is None or self.deadline >= day


class OfferTerritory(models.Model):
    """A territory an offer covers, by official code (see catalog/matching.py for the rule)."""

    class Kind(models.TextChoices):
        FRANCE = "france", "France entière"
        REGION = "region", "Région"
        DEPARTEMENT = "departement", "Département"
        EPCI = "epci", "Intercommunalité"
        COMMUNE = "commune", "Commune"

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="territories")
    kind = models.CharField("échelle", max_length=20, choices=Kind.choices)
    code = models.CharField("code officiel", max_length=9, blank=True)
    name = models.CharField("nom", max_length=200, blank=True)

    class Meta:
        verbose_name = "territoire couvert"
        verbose_name_plural = "territoires couverts"
        constraints = [
            models.UniqueConstraint(fields=["offer", "kind", "code"], name="offer_territory_unique"),
        ]
        indexes = [models.Index(fields=["kind", "code"], name="offer_territory_lookup")]

    def __str__(self) -> str:
        return self.name or self.get_kind_display()

    @property
    def token(self) -> str:
        """The form used in imports and exports: "france", "departement:44"."""
        return self.kind if self.kind == self.Kind.FRANCE else f"{self.kind}:{self.code}"
