"""Changes an operator makes to an offer that is already published.

The public keeps reading the published version while the CRESS has not approved the change: a
`PENDING` revision holds it, as the history writes changes ({field: [before, after]}, values as
stored), and only those fields are applied on approval. Fields the CRESS declares low-risk
(`RevisionPolicy`) go live at once; the change is then kept as a `LIVE` revision, for the CRESS
to look at and dismiss.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from essaim.catalog.models.offers import CONTENT_FIELDS, TAXONOMY_MODELS, Offer
from essaim.core.models import SettingsRow

# Never low-risk, whatever the CRESS ticks: what the public reads first, who offers it, and
# every way out of the platform (a link or an address the public follows from our domain).
NEVER_LOW_RISK = frozenset(
    {"title", "operator_id", "parent_id", "status", "reviewed_on"}
    | {name for name in CONTENT_FIELDS if isinstance(Offer._meta.get_field(name), (models.URLField, models.EmailField))}
)
# The fields a CRESS may declare low-risk: what an operator edits, minus the above.
LOW_RISK_CANDIDATES = tuple(
    name
    for name in (*CONTENT_FIELDS, *TAXONOMY_MODELS, "territories", "required_answers")
    if name not in NEVER_LOW_RISK
)
# The default: facts that go stale fast and carry neither a link nor free text for the public.
DEFAULT_LOW_RISK = ("contact_phone", "opens_on", "deadline", "review_every_months")


def default_low_risk() -> list[str]:
    return list(DEFAULT_LOW_RISK)


class RevisionPolicy(SettingsRow):
    """The settings for changes to published offers, edited by the CRESS in the admin."""

    low_risk_fields = models.JSONField(
        "champs publiés sans attente",
        default=default_low_risk,
        blank=True,
        help_text=(
            "Une modification qui ne touche que ces champs est publiée aussitôt, puis signalée à la CRESS "
            "(« modifiée après publication »). Toute autre modification attend l'accord de la CRESS. Le titre, "
            "les liens et les adresses e-mail attendent toujours."
        ),
    )

    class Meta:
        verbose_name = "réglage des modifications après publication"
        verbose_name_plural = "réglages des modifications après publication"

    def __str__(self) -> str:
        return "Modifications d'offres publiées"

    def clean(self) -> None:
        refused = sorted(set(self.low_risk_fields or []) - set(LOW_RISK_CANDIDATES))
        if refused:
            raise ValidationError({"low_risk_fields": "Ces champs attendent toujours l'accord de la CRESS."})

    def low_risk(self) -> frozenset[str]:
        """The fields that go live at once (never one of `NEVER_LOW_RISK`, whatever is stored)."""
        return frozenset(self.low_risk_fields or []) & frozenset(LOW_RISK_CANDIDATES)


class OfferRevisionQuerySet(models.QuerySet["OfferRevision"]):
    def pending(self) -> OfferRevisionQuerySet:
        """Changes waiting for the CRESS's decision (the public still reads the published version)."""
        return self.filter(status=OfferRevision.Status.PENDING)

    def to_review(self) -> OfferRevisionQuerySet:
        """What the CRESS should look at: pending changes and low-risk ones already live."""
        return self.filter(status__in=[OfferRevision.Status.PENDING, OfferRevision.Status.LIVE])


class OfferRevision(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "En attente de la CRESS"
        APPROVED = "approved", "Acceptée"
        REFUSED = "refused", "Refusée"
        LIVE = "live", "Modifiée après publication"
        SEEN = "seen", "Vue par la CRESS"

    offer = models.ForeignKey(Offer, verbose_name="offre", on_delete=models.CASCADE, related_name="revisions")
    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.PENDING)
    # As the history writes them: {field: [published value, proposed value]}, values as stored.
    changes = models.JSONField("modifications", default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="proposée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField("motif du refus", max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="décidée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    created_at = models.DateTimeField("proposée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = OfferRevisionQuerySet.as_manager()

    class Meta:
        verbose_name = "modification d'une offre publiée"
        verbose_name_plural = "modifications d'offres publiées"
        ordering = ["updated_at"]
        constraints = [
            # One pending change per offer: the operator edits it again rather than adding one.
            models.UniqueConstraint(fields=["offer"], condition=Q(status="pending"), name="offer_revision_one_pending"),
            # One flag "modified after publication" per offer, gathering its low-risk changes.
            models.UniqueConstraint(fields=["offer"], condition=Q(status="live"), name="offer_revision_one_live"),
        ]

    def __str__(self) -> str:
        return f"{self.offer} — {self.get_status_display()}"

    def proposed_offer(self) -> Offer:
        """The offer as the revision would make it, in memory (its columns only: the relations
        and territories are in `changes`)."""
        offer = Offer.objects.get(pk=self.offer_id)
        columns_apply(offer, self.changes)
        return offer


def columns_apply(offer: Offer, changes: dict[str, Any]) -> None:
    """Set on the offer, in memory, the new value of each of its columns in `changes` (history
    format: {field: [before, after]}, values as stored); other names (relations) are left."""
    columns = {field.attname: field for field in Offer._meta.concrete_fields}
    for name, values in changes.items():
        if name in columns:
            setattr(offer, name, columns[name].to_python(values[1]))
