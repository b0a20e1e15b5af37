"""A project leader's request for support (`Referral`) and each team it was sent to (`Dispatch`)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.referrals.models.partners import Team

# The timeline of a request, in days from its sending (see services/reminders.py).
REMINDER_DAYS = (3, 7)  # the receivers are reminded while nobody took it in hand
FLAGGED_DAYS = 10  # the CRESS's board shows it "à traiter"
ABANDON_DAYS = 30  # nobody took it: abandoned, the requester gets an apology
SATISFACTION_DAYS = 45  # after being taken in hand: "was it useful?"
MERGE_HOURS = 24  # the same address and need again within this delay: the same request
DESCRIPTION_MAX = 5000


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Source(models.TextChoices):
    FORM = "formulaire", "Formulaire « Être accompagné »"
    ORIENTATION = "parcours", "Résultats du parcours guidé"
    OFFER = "offre", "Page d'une offre"
    DIAGNOSTIC = "autodiagnostic", "Autodiagnostic"
    CRESS = "cress", "Saisie par la CRESS"


class Outcome(models.TextChoices):
    SUPPORTED = "accompagne", "Accompagné·e"
    REDIRECTED = "oriente", "Orienté·e vers un autre partenaire"
    NO_HELP = "pas_d_aide", "Pas d'aide disponible"
    UNREACHABLE = "injoignable", "Injoignable"


class DeclineReason(models.TextChoices):
    TERRITORY = "territoire", "Hors de notre territoire"
    SKILLS = "competences", "Hors de nos compétences"
    AUDIENCE = "public", "Public que nous n'accompagnons pas"
    CAPACITY = "disponibilite", "Pas de disponibilité en ce moment"
    OTHER = "autre", "Autre raison"


class ReferralQuerySet(models.QuerySet["Referral"]):
    def open(self) -> ReferralQuerySet:
        """Requests still waiting for an answer or being handled."""
        return self.filter(status__in=Referral.OPEN_STATES)

    def waiting(self) -> ReferralQuerySet:
        """Requests nobody has taken in hand yet."""
        return self.filter(status__in=(Referral.Status.SENT, Referral.Status.TO_ROUTE))

    def flagged(self, now: datetime) -> ReferralQuerySet:
        """Waiting for FLAGGED_DAYS or more: "à traiter" on the CRESS's board."""
        return self.waiting().filter(sent_at__lte=now - timedelta(days=FLAGGED_DAYS))

    def for_team(self, teams: Any) -> ReferralQuerySet:
        """Requests sent to one of these teams (a queryset or ids)."""
        return self.filter(dispatches__team__in=teams).distinct()

    def in_region(self, region_code: str) -> ReferralQuerySet:
        return self.filter(commune__departement__region__code=region_code)

    def answered_by_teams(self, teams: Any, statuses: Any) -> ReferralQuerySet:
        """Requests sent to one of these teams whose dispatch there is in one of these states
        (`Dispatch.Status` values)."""
        return self.filter(
            models.Exists(Dispatch.objects.filter(referral=models.OuterRef("pk"), team__in=teams, status__in=statuses))
        )


class Referral(models.Model):
    """A request for support. The requester needs no account: a private link (`token`) lets
    them follow it, withdraw it or delete it."""

    class Status(models.TextChoices):
        SENT = "transmise", "Transmise, en attente de prise en charge"
        TO_ROUTE = "a_orienter", "À orienter par la CRESS"
        TAKEN = "prise_en_charge", "Prise en charge"
        CLOSED = "close", "Close"
        WITHDRAWN = "retiree", "Retirée par le porteur de projet"
        ABANDONED = "sans_reponse", "Restée sans réponse"

    OPEN_STATES = (Status.SENT, Status.TO_ROUTE, Status.TAKEN)

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    need = models.CharField("besoin", max_length=60)
    stage = models.CharField("étape du projet", max_length=60, blank=True)
    audience = models.CharField("statut", max_length=60, blank=True)
    legal_form = models.CharField("forme juridique", max_length=4, blank=True)
    years = models.PositiveSmallIntegerField("ancienneté (années)", null=True, blank=True)
    employees = models.PositiveIntegerField("salariés", null=True, blank=True)
    commune = models.ForeignKey(
        "territories.Commune", verbose_name="commune", on_delete=models.PROTECT, related_name="referrals"
    )
    description = models.TextField("description", max_length=DESCRIPTION_MAX, blank=True)
    name = models.CharField("nom", max_length=150, blank=True)
    project_name = models.CharField("projet ou structure", max_length=200, blank=True)
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    consent = models.BooleanField("accord pour transmettre la demande", default=False)
    source = models.CharField("origine", max_length=20, choices=Source.choices, default=Source.FORM)
    context_kind = models.CharField("contexte", max_length=30, blank=True)
    context_id = models.PositiveBigIntegerField("identifiant du contexte", null=True, blank=True)
    context_label = models.CharField("libellé du contexte", max_length=250, blank=True)
    context_url = models.CharField("adresse du contexte", max_length=500, blank=True)
    preferred_partner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="structure demandée",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="L'opérateur de l'offre d'où part la demande : ses équipes la reçoivent en premier.",
    )

    status = models.CharField("état", max_length=20, choices=Status.choices, default=Status.SENT, db_index=True)
    outcome = models.CharField("issue", max_length=20, choices=Outcome.choices, blank=True)
    closing_note = models.TextField("note de clôture", max_length=2000, blank=True)
    taken_team = models.ForeignKey(
        Team, verbose_name="équipe en charge", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pris en charge par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_taken",
    )
    created_at = models.DateTimeField("reçue le", auto_now_add=True)
    sent_at = models.DateTimeField("transmise le", db_index=True)
    taken_at = models.DateTimeField("prise en charge le", null=True, blank=True)
    closed_at = models.DateTimeField("close le", null=True, blank=True)
    abandon_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)
    satisfaction_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    useful = models.BooleanField("utile", null=True, blank=True)
    useful_answered_at = models.DateTimeField("avis donné le", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisée le", null=True, blank=True)

    history_entries = GenericRelation("core.HistoryEntry")
    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = "demande d'accompagnement"
        verbose_name_plural = "demandes d'accompagnement"
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="", phone="") | Q(anonymised_at__isnull=False), name="referrals_referral_reachable"
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(status="close"), name="referrals_referral_outcome_when_closed"
            ),
        ]

    def __str__(self) -> str:
        return f"Demande n° {self.pk}"

    def get_absolute_url(self) -> str:
        """The requester's private page."""
        return reverse("referrals:follow", args=[self.token])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES


class DispatchQuerySet(models.QuerySet["Dispatch"]):
    def pending(self) -> DispatchQuerySet:
        return self.filter(status=Dispatch.Status.PENDING)


class Dispatch(models.Model):
    """A request as one team received it, and what that team answered."""

    class Status(models.TextChoices):
        PENDING = "a_traiter", "À traiter"
        TAKEN = "prise_en_charge", "Prise en charge"
        DECLINED = "declinee", "Pas pour nous"
        CLOSED = "close", "Close"
        ENDED = "terminee", "Sans suite pour l'équipe"

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="dispatches")
    team = models.ForeignKey(Team, verbose_name="équipe", on_delete=models.PROTECT, related_name="dispatches")
    status = models.CharField("état", max_length=20, choices=Status.choices, default=Status.PENDING)
    decline_reason = models.CharField("raison", max_length=20, choices=DeclineReason.choices, blank=True)
    decline_note = models.TextField("précision", max_length=1000, blank=True)
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="orientée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_at = models.DateTimeField("transmise le")
    answered_at = models.DateTimeField("réponse le", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="réponse de", on_delete=models.SET_NULL, null=True, blank=True
    )
    first_reminder_at = models.DateTimeField("première relance", null=True, blank=True, editable=False)
    second_reminder_at = models.DateTimeField("seconde relance", null=True, blank=True, editable=False)

    history_entries = GenericRelation("core.HistoryEntry")
    objects = DispatchQuerySet.as_manager()

    class Meta:
        verbose_name = "transmission"
        verbose_name_plural = "transmissions"
        ordering = ["sent_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["referral", "team"], name="referrals_dispatch_once")]

    def __str__(self) -> str:
        return f"{self.referral} → {self.team}"
