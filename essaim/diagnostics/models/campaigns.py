"""A structure's yearly self-diagnostic: the campaign, its respondents (no account: a personal
link), their answers, the pilot's consolidated position and the action plan."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.diagnostics.models.bank import Framework, Item, Theme
from essaim.diagnostics.vocabulary import ACTION_STATUS, ANSWERS, MODES, ROLES
from essaim.organisations.models import Membership

# Who runs a structure's self-diagnostic: its administrators and editors (not the CRESS).
EDITORS = (Membership.Role.ADMIN, Membership.Role.EDITOR)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def piloted_by(self, user: object) -> CampaignQuerySet:
        """The campaigns this account may run: those of the structures it currently edits or
        administers (the named pilot included, as long as they still do: someone who left the
        structure loses the access). Unlike the structure's other writes, the CRESS is not
        included: a diagnostic is private, the CRESS reads only anonymised aggregates."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            organisation__memberships__user=user,
            organisation__memberships__role__in=EDITORS,
        ).distinct()

    def readable_by(self, user: object) -> CampaignQuerySet:
        """Those it pilots, and those whose structure invited it as an adviser."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(pk__in=self.piloted_by(user).values("pk")) | Q(advisers__user=user)).distinct()


class Campaign(models.Model):
    class Status(models.TextChoices):
        OPEN = "ouverte", "Ouverte aux réponses"
        CLOSED = "close", "Close"

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name="structure", on_delete=models.CASCADE, related_name="diagnostics"
    )
    year = models.PositiveSmallIntegerField("année")
    framework = models.ForeignKey(Framework, verbose_name="référentiel", on_delete=models.PROTECT, related_name="+")
    mode = models.CharField("parcours", max_length=10, choices=MODES, default="rapide")
    themes = models.ManyToManyField(Theme, verbose_name="thèmes travaillés cette année", related_name="+")
    # An account erased on request leaves its campaigns to the structure (its editors still run them).
    pilot = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pilote",
        on_delete=models.SET_NULL,
        null=True,
        related_name="diagnostics_piloted",
    )
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.OPEN)
    closes_on = models.DateField("réponses attendues jusqu'au", null=True, blank=True)
    general_meeting_on = models.DateField("date de l'assemblée générale", null=True, blank=True)
    created_at = models.DateTimeField("ouverte le", auto_now_add=True)
    closed_at = models.DateTimeField("close le", null=True, blank=True)
    shares_with_peers = models.BooleanField("comparaison avec des structures semblables", default=False)
    # The items asked, fixed when the campaign opens: an item switched off, added or reworded
    # later (a rewording makes a new row, see `Item`) does not change a campaign under way, nor
    # last year's.
    asked = models.ManyToManyField(Item, verbose_name="items posés", related_name="asking_campaigns", editable=False)
    history_entries = GenericRelation("core.HistoryEntry")

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = "campagne d'autodiagnostic"
        verbose_name_plural = "campagnes d'autodiagnostic"
        ordering = ["-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="diagnostics_one_campaign_a_year"),
            models.CheckConstraint(condition=Q(year__gte=2016, year__lte=2200), name="diagnostics_campaign_year"),
        ]

    def __str__(self) -> str:
        return f"Autodiagnostic {self.year} — {self.organisation.name}"

    def get_absolute_url(self) -> str:
        return reverse("diagnostics:campaign", args=[self.pk])

    def items(self) -> models.QuerySet[Item]:
        """The items this campaign asks (fixed at its opening), in the guide's order."""
        return self.asked.select_related("domain__theme").order_by(
            "domain__theme__order", "domain__order", "order", "pk"
        )


class Respondent(models.Model):
    """Someone invited to answer (the pilot included): their personal link is their key."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="respondents")
    email = models.EmailField("e-mail")
    name = models.CharField("nom", max_length=150, blank=True)
    role = models.CharField("rôle", max_length=20, choices=ROLES)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_at = models.DateTimeField("invité·e le", auto_now_add=True)
    last_answer_at = models.DateTimeField("dernière réponse le", null=True, blank=True)
    history_entries = GenericRelation("core.HistoryEntry")

    class Meta:
        verbose_name = "répondant·e"
        verbose_name_plural = "répondant·es"
        ordering = ["campaign", "invited_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "email"], name="diagnostics_invited_once")]

    def __str__(self) -> str:
        return self.name or self.email

    def get_absolute_url(self) -> str:
        return reverse("diagnostics:answer", args=[self.token])


class Answer(models.Model):
    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    item_version = models.PositiveSmallIntegerField("version de l'item répondue", default=1)
    level = models.CharField("niveau", max_length=20, choices=ANSWERS, blank=True)
    practices = models.TextField("pratiques actuelles", max_length=3000, blank=True)
    value = models.DecimalField("valeur", max_digits=14, decimal_places=2, null=True, blank=True)
    to_review = models.BooleanField("à revoir", default=False)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "réponse"
        verbose_name_plural = "réponses"
        constraints = [models.UniqueConstraint(fields=["respondent", "item"], name="diagnostics_one_answer_per_item")]

    def __str__(self) -> str:
        return f"{self.respondent} — {self.item.code}"


class Position(models.Model):
    """The pilot's consolidated position on an item, after reading the answers."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="positions")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    level = models.CharField("niveau retenu", max_length=20, choices=ANSWERS, blank=True)
    comment = models.TextField("constat partagé", max_length=3000, blank=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    history_entries = GenericRelation("core.HistoryEntry")

    class Meta:
        verbose_name = "position consolidée"
        verbose_name_plural = "positions consolidées"
        constraints = [models.UniqueConstraint(fields=["campaign", "item"], name="diagnostics_one_position_per_item")]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.item.code}"


class Action(models.Model):
    """A line of the action plan, from an item (or free) with its 1-year and 3-year objectives."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="actions")
    item = models.ForeignKey(
        Item, verbose_name="item", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    theme = models.ForeignKey(Theme, verbose_name="thème", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("action", max_length=250)
    objective_1y = models.TextField("objectif à un an", max_length=1000, blank=True)
    objective_3y = models.TextField("objectif à trois ans", max_length=1000, blank=True)
    responsible = models.CharField("responsable", max_length=150, blank=True)
    due_on = models.DateField("échéance", null=True, blank=True)
    status = models.CharField("état", max_length=20, choices=ACTION_STATUS, default="a_lancer")
    resources = models.TextField("moyens nécessaires", max_length=1000, blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    history_entries = GenericRelation("core.HistoryEntry")

    class Meta:
        verbose_name = "action du plan"
        verbose_name_plural = "actions du plan"
        ordering = ["campaign", "theme__order", "pk"]

    def __str__(self) -> str:
        return self.title


class CampaignAdviser(models.Model):
    """An adviser the structure invited (from a partner network, the CRESS's accompaniment…): they
    read the consolidated diagnostic and the plan and comment on them, and nothing else."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="advisers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="conseiller·ère", on_delete=models.CASCADE, related_name="+"
    )
    invited_at = models.DateTimeField("invité·e le", auto_now_add=True)

    class Meta:
        verbose_name = "conseiller·ère invité·e"
        verbose_name_plural = "conseiller·ères invité·es"
        constraints = [models.UniqueConstraint(fields=["campaign", "user"], name="diagnostics_adviser_once")]

    def __str__(self) -> str:
        return str(self.user)


class Comment(models.Model):
    """A comment on the campaign, one of its items or one action of its plan."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, null=True, blank=True, related_name="comments")
    text = models.TextField("commentaire", max_length=2000)
    created_at = models.DateTimeField("écrit le", auto_now_add=True)

    class Meta:
        verbose_name = "commentaire"
        verbose_name_plural = "commentaires"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
