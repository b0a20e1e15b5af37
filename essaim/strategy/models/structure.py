"""A strategy, its tree (axes, propositions...), its action plans, its project groups and its actions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.core.fields import WebsiteField
from essaim.strategy.vocabulary import (
    ACTION_STATUS,
    BODY_KIND,
    BUDGET_KIND,
    DOCUMENT_KIND,
    MEMBER_ROLE,
    STRATEGY_STATUS,
    WEATHER,
    strategy_status_shown,
)

MIN_DEPTH, MAX_DEPTH = 2, 4


def validate_level_labels(value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(label, str) and label.strip() for label in value):
        raise ValidationError('Donnez la liste des noms de niveaux, par exemple ["Axe", "Proposition", "Action"].')
    if not MIN_DEPTH <= len(value) <= MAX_DEPTH:
        raise ValidationError(f"Une stratégie compte de {MIN_DEPTH} à {MAX_DEPTH} niveaux, actions comprises.")


class StrategyQuerySet(models.QuerySet["Strategy"]):
    def public(self) -> StrategyQuerySet:
        return self.filter(is_public=True)

    def with_role_of(self, user: Any) -> StrategyQuerySet:
        """Each strategy with the role `user` holds in it (`viewer_role`, None without one), read in
        the same query, so that the permission checks of a page ask the database nothing more."""
        if not getattr(user, "is_authenticated", False):
            return self
        role = StrategyMember.objects.filter(strategy=models.OuterRef("pk"), user=user).values("role")[:1]
        return self.annotate(viewer_role=models.Subquery(role), viewer_pk=models.Value(user.pk))


class Strategy(models.Model):
    Status = models.TextChoices("Status", STRATEGY_STATUS.choices(), module=__name__, qualname="Strategy.Status")

    code = models.SlugField("identifiant", max_length=80, unique=True)
    title = models.CharField("titre", max_length=250)
    short_title = models.CharField("titre court", max_length=80, help_text="Par exemple « SRESS 2017-2021 ».")
    region = models.ForeignKey("territories.Region", verbose_name="région", on_delete=models.PROTECT)
    summary = models.TextField("présentation", blank=True)
    starts_on = models.DateField("début")
    ends_on = models.DateField("fin")
    adopted_on = models.DateField("adoptée le", null=True, blank=True)
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.DRAFT)
    level_labels = models.JSONField(
        "noms des niveaux",
        validators=[validate_level_labels],
        help_text='Du plus général à l\'action, de 2 à 4 niveaux : ["Axe", "Proposition", "Action"].',
    )
    copilots = models.ManyToManyField(
        "organisations.Organisation", verbose_name="copilotes", related_name="copiloted_strategies", blank=True
    )
    is_public = models.BooleanField("visible du public", default=False)
    document_url = WebsiteField("document adopté", blank=True)
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    objects = StrategyQuerySet.as_manager()

    class Meta:
        verbose_name = "stratégie"
        verbose_name_plural = "stratégies"
        ordering = ["-starts_on", "title"]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="strategy_dates")]

    def __str__(self) -> str:
        return self.short_title

    def get_absolute_url(self) -> str:
        return reverse("strategy:detail", kwargs={"code": self.code})

    @property
    def action_label(self) -> str:
        return str(self.level_labels[-1])

    def label_of_level(self, level: int) -> str:
        return str(self.level_labels[level - 1])

    def is_ended_on(self, day: date) -> bool:
        """Past its end date: no campaign runs any more, and actions still open are "non réalisées"."""
        return self.ends_on < day

    @property
    def status_shown(self) -> str:
        """The state as shown today (`vocabulary.strategy_status_shown`): ended past its end date."""
        return strategy_status_shown(status=self.status, ended=self.is_ended_on(timezone.localdate()))

    @property
    def status_shown_label(self) -> str:
        return STRATEGY_STATUS.labels[self.status_shown]


class StrategyMember(models.Model):
    """A person's place in the steering of one strategy. Leads of actions need no membership:
    leading an action is enough to report on it."""

    Role = models.TextChoices("Role", MEMBER_ROLE.choices(), module=__name__, qualname="StrategyMember.Role")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="strategy_roles")
    role = models.CharField("rôle", max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = "membre du pilotage"
        verbose_name_plural = "membres du pilotage"
        constraints = [models.UniqueConstraint(fields=["strategy", "user"], name="strategy_member_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"


class StrategyNode(models.Model):
    """An axis, a proposition, an objective: a level of the tree above the actions. Nodes carry
    no status of their own; what they show is summed up from their actions."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children")
    level = models.PositiveSmallIntegerField("niveau")
    code = models.CharField("numéro", max_length=20)
    title = models.CharField("titre", max_length=300)
    description = models.TextField("description", blank=True)
    order = models.PositiveIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "niveau de la stratégie"
        verbose_name_plural = "arborescence des stratégies"
        ordering = ["strategy", "order"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="strategy_node_unique_code")]

    def __str__(self) -> str:
        return f"{self.strategy.label_of_level(self.level)} {self.code} — {self.title}"

    @property
    def level_label(self) -> str:
        return self.strategy.label_of_level(self.level)


class ActionPlan(models.Model):
    """A programming period inside the strategy ("Plan d'actions 2017-2019"). An action carried
    over to the next plan keeps its identity: it belongs to both."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="plans")
    code = models.SlugField("identifiant", max_length=40)
    title = models.CharField("titre", max_length=200)
    starts_on = models.DateField("début")
    ends_on = models.DateField("fin")

    class Meta:
        verbose_name = "plan d'actions"
        verbose_name_plural = "plans d'actions"
        ordering = ["strategy", "starts_on"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="action_plan_unique_code")]

    def __str__(self) -> str:
        return self.title


class Body(models.Model):
    """A project group or a governance body (COTECH, COPIL, regional conference)."""

    Kind = models.TextChoices("Kind", BODY_KIND.choices(), module=__name__, qualname="Body.Kind")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="bodies")
    code = models.SlugField("identifiant", max_length=40)
    kind = models.CharField("type", max_length=12, choices=Kind.choices)
    name = models.CharField("nom", max_length=200)
    description = models.TextField("mission", blank=True)
    pilot = models.ForeignKey(
        "organisations.Organisation", verbose_name="structure pilote", on_delete=models.PROTECT, null=True, blank=True
    )
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="animateurs", related_name="led_bodies", blank=True
    )
    cadence = models.CharField("rythme des réunions", max_length=100, blank=True)

    class Meta:
        verbose_name = "groupe ou instance"
        verbose_name_plural = "groupes-projets et instances"
        ordering = ["strategy", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="body_unique_code")]

    def __str__(self) -> str:
        return self.name


class ActionQuerySet(models.QuerySet["Action"]):
    def public(self) -> ActionQuerySet:
        return self.filter(is_public=True, strategy__is_public=True)

    def late_on(self, day: date) -> ActionQuerySet:
        """Still open after their planned end, or after the end of their strategy (`is_late_on`)."""
        return self.filter(Q(planned_end__lt=day) | Q(strategy__ends_on__lt=day)).exclude(
            status__in=Action.CLOSED_STATUSES
        )

    def led_by(self, user: Any) -> ActionQuerySet:
        """Actions the user leads, directly or as lead of the action's project group."""
        return self.filter(Q(leads=user) | Q(group__leads=user)).distinct()

    def in_progress(self) -> ActionQuerySet:
        return self.exclude(status__in=Action.CLOSED_STATUSES)


class Action(models.Model):
    """A "fiche action": who carries it, when, how it stands (status) and how it looks (météo)."""

    Status = models.TextChoices("Status", ACTION_STATUS.choices(), module=__name__, qualname="Action.Status")

    Weather = models.TextChoices("Weather", WEATHER.choices(), module=__name__, qualname="Action.Weather")

    CLOSED_STATUSES = (Status.DONE, Status.ABANDONED)

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="actions")
    node = models.ForeignKey(StrategyNode, verbose_name="rattachée à", on_delete=models.PROTECT, related_name="actions")
    plans = models.ManyToManyField(ActionPlan, verbose_name="plans d'actions", related_name="actions", blank=True)
    code = models.CharField("numéro", max_length=20)
    order = models.PositiveIntegerField("ordre", default=0)
    title = models.CharField("titre", max_length=300)
    description = models.TextField("description", blank=True)
    public_summary = models.TextField(
        "résumé pour le public", blank=True, help_text="Ce que le tableau de bord public montre de l'action."
    )
    pilot = models.ForeignKey(
        "organisations.Organisation",
        verbose_name="structure pilote",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="piloted_actions",
    )
    group = models.ForeignKey(
        Body,
        verbose_name="groupe-projet",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        limit_choices_to={"kind": Body.Kind.PROJECT_GROUP},
    )
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="référents", related_name="led_actions", blank=True
    )
    partners = models.ManyToManyField(
        "organisations.Organisation", verbose_name="partenaires", related_name="partner_actions", blank=True
    )
    planned_start = models.DateField("début prévu", null=True, blank=True)
    planned_end = models.DateField("fin prévue", null=True, blank=True)
    status = models.CharField("état", max_length=12, choices=Status.choices, default=Status.TO_START)
    weather = models.CharField("météo", max_length=12, choices=Weather.choices, default="", blank=True)
    is_public = models.BooleanField("visible du public", default=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = ActionQuerySet.as_manager()

    history_entries = GenericRelation("core.HistoryEntry")  # its history, deleted with it

    class Meta:
        verbose_name = "action"
        verbose_name_plural = "actions"
        ordering = ["strategy", "order"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="action_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:action", kwargs={"code": self.strategy.code, "action": self.code})

    def is_late_on(self, day: date) -> bool:
        """Late is computed, never typed: the planned end (or the strategy's end) has passed and the
        action is still open. Once the strategy has ended, such an action reads "non réalisée"."""
        if self.status in self.CLOSED_STATUSES:
            return False
        return bool(self.planned_end and self.planned_end < day) or self.strategy.is_ended_on(day)

    def budget_total(self) -> Decimal | None:
        """Planned euros over the budget lines (staff time, in ETP, is not money); None without any."""
        amounts = [
            line.planned_amount
            for line in self.budget_lines.all()
            if line.kind != BudgetLine.Kind.STAFF and line.planned_amount is not None
        ]
        return sum(amounts, Decimal(0)) if amounts else None

    def ancestors(self) -> list[StrategyNode]:
        """The nodes above the action, from the top level down."""
        chain: list[StrategyNode] = []
        node: StrategyNode | None = self.node
        while node is not None:
            node.strategy = self.strategy  # the same strategy: spares a query per level label
            chain.insert(0, node)
            node = node.parent
        return chain


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("jalon", max_length=250)
    due_on = models.DateField("échéance", null=True, blank=True)
    done_on = models.DateField("atteint le", null=True, blank=True)

    class Meta:
        verbose_name = "jalon"
        verbose_name_plural = "jalons"
        ordering = ["action", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class BudgetLine(models.Model):
    Kind = models.TextChoices("Kind", BUDGET_KIND.choices(), module=__name__, qualname="BudgetLine.Kind")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField("année")
    kind = models.CharField("nature", max_length=15, choices=Kind.choices, default=Kind.OPERATING)
    funder = models.ForeignKey(
        "organisations.Organisation", verbose_name="financeur", on_delete=models.PROTECT, null=True, blank=True
    )
    planned_amount = models.DecimalField("prévu", max_digits=12, decimal_places=2, null=True, blank=True)
    actual_amount = models.DecimalField("réalisé", max_digits=12, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "ligne de budget"
        verbose_name_plural = "lignes de budget"
        ordering = ["action", "year", "pk"]

    def __str__(self) -> str:
        return f"{self.year} — {self.get_kind_display()}"

    @property
    def unit(self) -> str:
        return "ETP" if self.kind == self.Kind.STAFF else "€"


class ActionDocument(models.Model):
    """Evidence of what was done: minutes, deliverables, press, photos (as links)."""

    Kind = models.TextChoices("Kind", DOCUMENT_KIND.choices(), module=__name__, qualname="ActionDocument.Kind")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField("titre", max_length=250)
    url = WebsiteField("adresse", max_length=500)
    kind = models.CharField("nature", max_length=15, choices=Kind.choices, default=Kind.OTHER)
    dated = models.DateField("date", null=True, blank=True)
    is_public = models.BooleanField("visible du public", default=False)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    added_at = models.DateTimeField("ajouté le", auto_now_add=True)

    class Meta:
        verbose_name = "document justificatif"
        verbose_name_plural = "documents justificatifs"
        ordering = ["action", "-dated", "-pk"]

    def __str__(self) -> str:
        return self.title
