"""Who may see and do what in the steering of a strategy (scoped to objects, as in the State's
PILOTE and Territoires en Transitions' "piloted by me" role):

- co-pilots (and CRESS staff) see and validate everything of their strategy;
- readers (elected officials, COTECH) see everything, internal included, and change nothing;
- a lead edits and reports on the actions they lead (directly or as lead of the action's
  project group) and proposes values for the indicators they lead;
- the public sees what is marked public in a public strategy.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from essaim.strategy.models import Action, Indicator, Strategy, StrategyMember


def _role(user: Any, strategy: Strategy) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_strategy_roles", {})
    if strategy.pk not in cache:
        cache[strategy.pk] = (
            StrategyMember.objects.filter(strategy=strategy, user=user).values_list("role", flat=True).first()
        )
    role: str | None = cache[strategy.pk]
    return role


def is_copilot(user: Any, strategy: Strategy) -> bool:
    return bool(getattr(user, "is_platform_admin", False)) or _role(user, strategy) == StrategyMember.Role.COPILOT


def can_read_internal(user: Any, strategy: Strategy) -> bool:
    return is_copilot(user, strategy) or _role(user, strategy) == StrategyMember.Role.READER


def leads_action(user: Any, action: Action) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Action.objects.led_by(user).filter(pk=action.pk).exists()


def can_edit_action(user: Any, action: Action) -> bool:
    return is_copilot(user, action.strategy) or leads_action(user, action)


def recordable_bodies(user: Any, strategy: Strategy) -> Any:
    """The groups and bodies whose meetings this person records: all for co-pilots, their own
    project groups for group leads."""
    bodies = strategy.bodies.all()
    if is_copilot(user, strategy):
        return bodies
    if not getattr(user, "is_authenticated", False):
        return bodies.none()
    return bodies.filter(leads=user)


def can_view_strategy(user: Any, strategy: Strategy) -> bool:
    if strategy.is_public or can_read_internal(user, strategy):
        return True
    return bool(getattr(user, "is_authenticated", False)) and strategy.actions.led_by(user).exists()


def can_view_action(user: Any, action: Action) -> bool:
    """A public action is seen by whoever may see its strategy; an internal one by the
    people who steer and by its leads."""
    if action.is_public and can_view_strategy(user, action.strategy):
        return True
    return can_read_internal(user, action.strategy) or leads_action(user, action)


def can_propose_value(user: Any, indicator: Indicator) -> bool:
    if is_copilot(user, indicator.strategy):
        return True
    return bool(getattr(user, "is_authenticated", False)) and indicator.leads.filter(pk=user.pk).exists()


def visible_actions(user: Any, strategy: Strategy) -> Any:
    """The strategy's actions this person may see (the same rule as `can_view_action`)."""
    actions = strategy.actions.all()
    if can_read_internal(user, strategy):
        return actions
    if not can_view_strategy(user, strategy):
        return actions.none()
    if getattr(user, "is_authenticated", False):
        return actions.filter(Q(is_public=True) | Q(pk__in=Action.objects.led_by(user).values("pk")))
    return actions.filter(is_public=True)


def visible_indicators(user: Any, strategy: Strategy) -> Any:
    indicators = strategy.indicators.all()
    return indicators if can_read_internal(user, strategy) else indicators.filter(is_public=True)
