"""An ESSpresso event: where and when, who it is for, its sessions cut into slots, and its tables."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.core.models import TaxonomyTerm
from essaim.core.slugs import unique_slug


class ParticipantKind(models.TextChoices):
    """Who takes part, for the rules of who may meet whom and the CRESS's statistics."""

    ESS = "ess", "Entreprise de l'ESS"
    COMPANY = "entreprise", "Entreprise (hors ESS)"
    AUTHORITY = "collectivite", "Collectivité ou EPCI"
    SUPPORT = "accompagnement", "Réseau ou structure d'accompagnement"


class Sector(TaxonomyTerm):
    """Sectors of activity of the participants (a taxonomy the CRESS edits)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "secteur d'activité (ESSpresso)"
        verbose_name_plural = "secteurs d'activité (ESSpresso)"


class Topic(TaxonomyTerm):
    """What a participant offers or seeks ("achats responsables", "locaux", "mécénat de
    compétences"...), a taxonomy the CRESS edits; free text completes it."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "thème d'offre ou de besoin (ESSpresso)"
        verbose_name_plural = "thèmes d'offre ou de besoin (ESSpresso)"


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        return self.filter(is_published=True)

    def coming(self, today: date) -> EventQuerySet:
        return self.filter(date__gte=today).order_by("date", "pk")

    def past(self, today: date) -> EventQuerySet:
        return self.filter(date__lt=today).order_by("-date", "-pk")

    def organised_by(self, user: Any) -> EventQuerySet:
        """Events this person organises; the CRESS team organises them all."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if getattr(user, "is_platform_admin", False):
            return self
        return self.filter(organisers=user)


class Event(models.Model):
    class Scope(models.TextChoices):
        REGION = "region", "Région"
        DEPARTEMENT = "departement", "Département"
        EPCI = "epci", "Intercommunalité (EPCI)"
        SECTOR = "sector", "Filière ou thématique"

    class Format(models.TextChoices):
        REQUESTS = "requests", "Rendez-vous demandés par les participants"
        SPEED = "speed", "Speed-meeting : chacun rencontre le plus de monde possible"

    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("adresse de la page", max_length=220, unique=True)
    description = models.TextField("présentation", max_length=5000, blank=True)
    date = models.DateField("date")
    place = models.CharField("lieu", max_length=200)
    address = models.CharField("adresse", max_length=250, blank=True)
    commune = models.ForeignKey(
        "territories.Commune", verbose_name="commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    scope = models.CharField("échelle", max_length=20, choices=Scope.choices, default=Scope.REGION)
    scope_code = models.CharField(
        "code du territoire",
        max_length=9,
        blank=True,
        help_text="Code INSEE du département ou SIREN de l'EPCI, selon l'échelle.",
    )
    sector = models.ForeignKey(
        Sector, verbose_name="filière", on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    format = models.CharField("format", max_length=20, choices=Format.choices, default=Format.REQUESTS)
    group_size = models.PositiveSmallIntegerField(
        "personnes par table (speed-meeting)", default=2, help_text="2 pour des tête-à-tête, 3 ou plus pour des tables."
    )
    allowed_pairs = models.JSONField(
        "qui peut rencontrer qui",
        default=list,
        blank=True,
        help_text="Paires de types de participants autorisées (« ess:collectivite ») ; vide : tout le monde.",
    )
    registration_closes_on = models.DateField("fin des inscriptions")
    requests_close_on = models.DateField("fin des demandes de rendez-vous")
    needs_validation = models.BooleanField("inscriptions validées par l'organisateur", default=False)
    default_max_meetings = models.PositiveSmallIntegerField("rendez-vous par personne au plus", null=True, blank=True)
    is_published = models.BooleanField("page publique en ligne", default=False)
    timetable_published_at = models.DateTimeField("agendas publiés le", null=True, blank=True)
    reminder_sent_at = models.DateTimeField("rappel de la veille envoyé le", null=True, blank=True)
    organisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="organisateurs", related_name="esspresso_events", blank=True
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    history_entries = GenericRelation("core.HistoryEntry")

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "rendez-vous ESSpresso"
        verbose_name_plural = "rendez-vous ESSpresso"
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(requests_close_on__lte=models.F("date")) & Q(registration_closes_on__lte=models.F("date")),
                name="esspresso_event_deadlines_before_event",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.slug:
            self.slug = unique_slug(
                f"{self.title} {self.date:%Y}", Event.objects.exclude(pk=self.pk), fallback="esspresso"
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("esspresso:event", kwargs={"slug": self.slug})

    def registration_open(self, today: date) -> bool:
        return self.is_published and today <= self.registration_closes_on

    def requests_open(self, today: date) -> bool:
        return self.format == self.Format.REQUESTS and today <= self.requests_close_on

    def is_past(self, today: date) -> bool:
        return self.date < today

    def may_meet(self, kind_a: str, kind_b: str) -> bool:
        """Whether the organiser's rules let these two types of participant meet."""
        if not self.allowed_pairs:
            return True
        return f"{kind_a}:{kind_b}" in self.allowed_pairs or f"{kind_b}:{kind_a}" in self.allowed_pairs


class Session(models.Model):
    """A stretch of the day given to meetings ("Matinée"), cut into slots of equal length."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    label = models.CharField("nom", max_length=100)
    starts_at = models.TimeField("début")
    ends_at = models.TimeField("fin")
    meeting_minutes = models.PositiveSmallIntegerField("durée d'un rendez-vous (minutes)", default=20)
    break_minutes = models.PositiveSmallIntegerField("pause entre deux rendez-vous (minutes)", default=5)

    class Meta:
        verbose_name = "session"
        verbose_name_plural = "sessions"
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="esspresso_session_ends_after"),
            models.CheckConstraint(condition=Q(meeting_minutes__gte=5), name="esspresso_session_meeting_minutes"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.starts_at:%H:%M}–{self.ends_at:%H:%M})"

    def slot_times(self) -> list[tuple[Any, Any]]:
        """The (start, end) of each slot that fits in the session."""
        day = date(2000, 1, 1)
        start = datetime.combine(day, self.starts_at)
        end = datetime.combine(day, self.ends_at)
        length = timedelta(minutes=self.meeting_minutes)
        step = length + timedelta(minutes=self.break_minutes)
        times = []
        while start + length <= end:
            times.append((start.time(), (start + length).time()))
            start += step
        return times


class Slot(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.TimeField("début")
    ends_at = models.TimeField("fin")

    class Meta:
        verbose_name = "créneau"
        verbose_name_plural = "créneaux"
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def code(self) -> str:
        return f"s{self.pk}"


class Table(models.Model):
    """A table of the room; a host (a collectivité, say) may keep one for all their meetings."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField("numéro")
    name = models.CharField("nom", max_length=100, blank=True)
    host = models.OneToOneField(
        "esspresso.Participant",
        verbose_name="réservée à",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fixed_table",
    )

    class Meta:
        verbose_name = "table"
        verbose_name_plural = "tables"
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="esspresso_table_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="esspresso_table_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Table {self.number}" + (f" — {self.name}" if self.name else "")
