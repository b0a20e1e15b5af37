"""The timetable: rendez-vous placed in slots and at tables, who sat at each, and each run of the
scheduler with its figures."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q

from essaim.esspresso.models.events import Event, Slot, Table
from essaim.esspresso.models.participants import Participant


class AppointmentQuerySet(models.QuerySet["Appointment"]):
    def planned(self) -> AppointmentQuerySet:
        return self.filter(status=Appointment.Status.PLANNED)

    def of(self, participant: Participant) -> AppointmentQuerySet:
        return self.filter(seats__participant=participant)

    def held(self) -> AppointmentQuerySet:
        """Rendez-vous that took place: planned, nobody at the table marked absent, and nobody
        saying afterwards that it did not happen (one "no" is enough, as Swapcard counts)."""
        return self.planned().exclude(seats__attended=False).exclude(seats__happened=False)


class Appointment(models.Model):
    """One rendez-vous of the timetable: two people (or a speed-meeting table) in one slot."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Prévu"
        CANCELLED = "cancelled", "Annulé"

    class Origin(models.TextChoices):
        SCHEDULER = "scheduler", "Placé par le planificateur"
        MANUAL = "manual", "Placé par l'organisateur"
        ON_SITE = "on_site", "Proposé sur place"
        ROTATION = "rotation", "Rotation de speed-meeting"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="appointments")
    # Deleting a slot that holds a rendez-vous is refused; deleting the whole event takes both.
    slot = models.ForeignKey(Slot, verbose_name="créneau", on_delete=models.RESTRICT, related_name="appointments")
    table = models.ForeignKey(
        Table, verbose_name="table", on_delete=models.SET_NULL, null=True, blank=True, related_name="appointments"
    )
    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.PLANNED)
    origin = models.CharField("origine", max_length=20, choices=Origin.choices, default=Origin.SCHEDULER)
    locked = models.BooleanField("verrouillé", default=False, help_text="Un nouveau calcul le garde tel quel.")
    participants = models.ManyToManyField(Participant, through="Seat", related_name="appointments")
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    history_entries = GenericRelation("core.HistoryEntry")

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = "rendez-vous"
        verbose_name_plural = "rendez-vous"
        ordering = ["slot__starts_at", "table__number", "pk"]

    def __str__(self) -> str:
        return f"{self.slot} — " + " / ".join(seat.participant.full_name for seat in self.seats.all())


class Seat(models.Model):
    """A participant at a rendez-vous: whether they came, and what they said of it afterwards."""

    class Usefulness(models.TextChoices):
        VERY = "very", "Très utile"
        RATHER = "rather", "Plutôt utile"
        LITTLE = "little", "Peu utile"
        NOT = "not", "Pas utile"

    class FollowUp(models.TextChoices):
        NONE = "none", "Pas de suite prévue"
        CONTACT = "contact", "Nous restons en contact"
        PROPOSAL = "proposal", "Un devis ou une proposition est attendu"
        PARTNERSHIP = "partnership", "Un partenariat ou un marché se prépare"

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="seats")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="seats")
    attended = models.BooleanField("présent(e)", null=True, blank=True)
    happened = models.BooleanField("le rendez-vous a eu lieu", null=True, blank=True)
    usefulness = models.CharField("utilité", max_length=20, choices=Usefulness.choices, blank=True)
    follow_up = models.CharField("suite", max_length=20, choices=FollowUp.choices, blank=True)
    feedback_at = models.DateTimeField("avis donné le", null=True, blank=True)

    class Meta:
        verbose_name = "place à un rendez-vous"
        verbose_name_plural = "places aux rendez-vous"
        constraints = [
            models.UniqueConstraint(fields=["appointment", "participant"], name="esspresso_seat_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} — {self.appointment.slot}"


class ScheduleRun(models.Model):
    """One run of the scheduler (or of the speed-meeting rotations) and what it achieved."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField("le", auto_now_add=True)
    placed = models.PositiveIntegerField("rendez-vous placés")
    possible = models.PositiveIntegerField("rendez-vous possibles au plus")
    value = models.FloatField("valeur")
    upper_bound = models.FloatField("borne supérieure")
    unplaced = models.JSONField("non placés", default=list, blank=True)
    repeated_pairs = models.PositiveIntegerField("paires qui se revoient", default=0)
    seconds = models.FloatField("durée du calcul (s)")

    class Meta:
        verbose_name = "calcul du planning"
        verbose_name_plural = "calculs du planning"
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(placed__gte=0), name="esspresso_run_placed")]

    def __str__(self) -> str:
        return f"{self.placed} rendez-vous placés sur {self.possible} possibles"
