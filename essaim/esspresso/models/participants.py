"""Who registers for an event, what they offer and seek, and the meetings they ask for."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.esspresso.models.events import Event, ParticipantKind, Sector, Session, Topic


def new_token() -> str:
    return secrets.token_urlsafe(24)


class ParticipantQuerySet(models.QuerySet["Participant"]):
    def confirmed(self) -> ParticipantQuerySet:
        """Those who take part: registered and, where the organiser validates, accepted."""
        return self.filter(status=Participant.Status.CONFIRMED)

    def listed(self) -> ParticipantQuerySet:
        """Those shown in the event's directory to the other participants."""
        return self.confirmed().filter(listed=True)

    def matching(self, text: str) -> ParticipantQuerySet:
        """Participants whose name, organisation, offer or need contains every word typed."""
        query = Q()
        for word in text.split()[:10]:
            query &= (
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(organisation__search_name__icontains=word)
                | Q(organisation__name__icontains=word)
                | Q(offers_text__icontains=word)
                | Q(seeks_text__icontains=word)
                | Q(offers__label__icontains=word)
                | Q(seeks__label__icontains=word)
            )
        return self.filter(query).distinct()


class Participant(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "En attente de validation"
        CONFIRMED = "confirmed", "Inscription confirmée"
        REFUSED = "refused", "Inscription refusée"
        CANCELLED = "cancelled", "Inscription annulée"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="structure",
        on_delete=models.PROTECT,
        related_name="esspresso_participations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="esspresso_participations",
    )
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    job_title = models.CharField("fonction", max_length=150, blank=True)
    email = models.EmailField("e-mail", max_length=254)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    kind = models.CharField("vous représentez", max_length=20, choices=ParticipantKind.choices)
    offers = models.ManyToManyField(Topic, verbose_name="ce que nous proposons", related_name="offered_by", blank=True)
    offers_text = models.TextField("ce que nous proposons, en quelques mots", max_length=1000, blank=True)
    seeks = models.ManyToManyField(Topic, verbose_name="ce que nous cherchons", related_name="sought_by", blank=True)
    seeks_text = models.TextField("ce que nous cherchons, en quelques mots", max_length=1000, blank=True)
    sectors = models.ManyToManyField(
        Sector, verbose_name="secteurs d'activité", related_name="participants", blank=True
    )
    sessions = models.ManyToManyField(Session, verbose_name="disponible pendant", related_name="participants")
    max_meetings = models.PositiveSmallIntegerField("nombre de rendez-vous souhaités au plus", null=True, blank=True)
    listed = models.BooleanField(
        "visible des autres participants",
        default=True,
        help_text="Votre profil apparaît dans l'annuaire de l'événement.",
    )
    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    arrived = models.BooleanField("arrivé(e) sur place", default=False)
    created_at = models.DateTimeField("inscrit(e) le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    history_entries = GenericRelation("core.HistoryEntry")

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = "participant"
        verbose_name_plural = "participants"
        ordering = ["last_name", "first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="esspresso_participant_unique_email"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.organisation})"

    def get_absolute_url(self) -> str:
        """The personal space, reached through the link sent by e-mail."""
        return reverse("esspresso:space", kwargs={"token": self.token})

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def capacity(self) -> int:
        """How many meetings this person can have: their slots, within their cap."""
        slots = sum(len(session.slot_times()) for session in self.sessions.all())
        return min(slots, self.max_meetings) if self.max_meetings else slots


class Priority(models.TextChoices):
    MUST = "must", "Indispensable"
    LIKE = "like", "Souhaité"


class WishQuerySet(models.QuerySet["Wish"]):
    def between(self, a: Participant, b: Participant) -> WishQuerySet:
        return self.filter(Q(sender=a, recipient=b) | Q(sender=b, recipient=a))

    def involving(self, participant: Participant) -> WishQuerySet:
        return self.filter(Q(sender=participant) | Q(recipient=participant))

    def to_schedule(self) -> WishQuerySet:
        """Wishes the timetable honours: accepted ones, between people still taking part."""
        return self.filter(
            status=Wish.Status.ACCEPTED,
            sender__status=Participant.Status.CONFIRMED,
            recipient__status=Participant.Status.CONFIRMED,
        )


class Wish(models.Model):
    """A request to meet someone ("demande de rendez-vous"). "Non merci" forbids the pair."""

    class Status(models.TextChoices):
        PENDING = "pending", "En attente de réponse"
        ACCEPTED = "accepted", "Acceptée"
        DECLINED = "declined", "Non merci"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="wishes")
    sender = models.ForeignKey(Participant, verbose_name="de", on_delete=models.CASCADE, related_name="wishes_sent")
    recipient = models.ForeignKey(
        Participant, verbose_name="à", on_delete=models.CASCADE, related_name="wishes_received"
    )
    priority = models.CharField("priorité", max_length=10, choices=Priority.choices, default=Priority.LIKE)
    message = models.TextField("message", max_length=500, blank=True)
    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField("demandé le", auto_now_add=True)
    answered_at = models.DateTimeField("répondu le", null=True, blank=True)

    objects = WishQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de rendez-vous"
        verbose_name_plural = "demandes de rendez-vous"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["sender", "recipient"], name="esspresso_wish_unique_pair"),
            models.CheckConstraint(condition=~Q(sender=models.F("recipient")), name="esspresso_wish_not_to_self"),
        ]

    def __str__(self) -> str:
        return f"{self.sender.full_name} → {self.recipient.full_name}"
