"""Partners as the referral module sees them: teams (antennes) of the directory's structures, what
each handles (needs, territories, audiences, filters) and the advisers who answer for it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q

from essaim.core.models import SettingsRow


class TerritoryKind(models.TextChoices):
    FRANCE = "france", "France entière"
    REGION = "region", "Région"
    DEPARTEMENT = "departement", "Département"
    EPCI = "epci", "Intercommunalité"
    COMMUNE = "commune", "Commune"


class TeamQuerySet(models.QuerySet["Team"]):
    def active(self) -> TeamQuerySet:
        """Teams that receive requests: switched on, of a structure still in the directory."""
        return self.filter(is_active=True, organisation__is_active=True)

    def of_adviser(self, user: Any) -> TeamQuerySet:
        """The teams this account answers for."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(advisers=user)


class Team(models.Model):
    """A partner's local team (an antenne, a département's DLA): it receives the requests it
    handles. Empty audiences or legal forms, and empty bounds, accept every request."""

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name="structure", on_delete=models.PROTECT, related_name="referral_teams"
    )
    name = models.CharField("nom de l'équipe", max_length=200)
    email = models.EmailField("e-mail de l'équipe", blank=True, help_text="Donné au porteur de projet pour la joindre.")
    phone = models.CharField("téléphone de l'équipe", max_length=30, blank=True)
    needs = models.JSONField("besoins traités", default=list, blank=True)
    audiences = models.JSONField("publics accompagnés", default=list, blank=True)
    legal_forms = models.JSONField("formes juridiques acceptées", default=list, blank=True)
    min_years = models.PositiveSmallIntegerField("ancienneté minimale (années)", null=True, blank=True)
    max_years = models.PositiveSmallIntegerField("ancienneté maximale (années)", null=True, blank=True)
    min_employees = models.PositiveIntegerField("effectif minimal", null=True, blank=True)
    max_employees = models.PositiveIntegerField("effectif maximal", null=True, blank=True)
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="conseillers", related_name="referral_teams", blank=True
    )
    is_active = models.BooleanField("reçoit des demandes", default=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    history_entries = GenericRelation("core.HistoryEntry")
    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = "équipe partenaire"
        verbose_name_plural = "équipes partenaires"
        ordering = ["organisation__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_years__isnull=True)
                | Q(max_years__isnull=True)
                | Q(min_years__lte=models.F("max_years")),
                name="referrals_team_years_ordered",
            ),
            models.CheckConstraint(
                condition=Q(min_employees__isnull=True)
                | Q(max_employees__isnull=True)
                | Q(min_employees__lte=models.F("max_employees")),
                name="referrals_team_employees_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name} — {self.name}"


class TeamTerritory(models.Model):
    """A territory a team covers, by official code (INSEE code, EPCI SIREN; empty for France)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="territories")
    kind = models.CharField("échelle", max_length=20, choices=TerritoryKind.choices)
    code = models.CharField("code officiel", max_length=9, blank=True)
    name = models.CharField("nom", max_length=200, blank=True)

    class Meta:
        verbose_name = "territoire couvert"
        verbose_name_plural = "territoires couverts"
        ordering = ["kind", "code"]
        constraints = [models.UniqueConstraint(fields=["team", "kind", "code"], name="referrals_team_territory_once")]

    def __str__(self) -> str:
        return self.name or self.get_kind_display()


class ReferralSettings(SettingsRow):
    """The module's settings, edited by the CRESS on its partners' page."""

    max_partners = models.PositiveSmallIntegerField(
        "nombre maximal de partenaires destinataires",
        default=3,
        help_text="Une demande est transmise au plus à ce nombre de structures partenaires à la fois.",
    )
    retention_months = models.PositiveSmallIntegerField(
        "durée de conservation après clôture (mois)",
        default=18,
        help_text="Passé ce délai, les coordonnées et la description des demandes closes sont effacées.",
    )

    history_entries = GenericRelation("core.HistoryEntry")

    class Meta:
        verbose_name = "réglage des demandes d'accompagnement"
        verbose_name_plural = "réglages des demandes d'accompagnement"
        constraints = [
            models.CheckConstraint(
                condition=Q(max_partners__gte=1, max_partners__lte=10), name="referrals_max_partners"
            ),
            models.CheckConstraint(
                condition=Q(retention_months__gte=1, retention_months__lte=120), name="referrals_retention_months"
            ),
        ]

    def __str__(self) -> str:
        return "Demandes d'accompagnement"
