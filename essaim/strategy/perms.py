"""Who may see and do what in the steering of a strategy (scoped to objects, as in the State's
PILOTE and Territoires en Transitions' "piloted by me" role):

- co-pilots (and CRESS staff) see and validate everything of their strategy;
- readers (elected officials, COTECH) see everything, internal included, and change nothing;
- a lead edits and reports on the actions they lead (directly or as lead of the action's
  project group) and proposes values for the indicators they lead;
- the public sees what is marked public in a public strategy.

A page that checks several rules on one strategy fetches it with
`Strategy.objects.with_role_of(user)`: the person's role then comes with the strategy, and the
rules below read it instead of asking the database each time.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from essaim.accounts.models import User
from essaim.strategy.models import Action, Body, Decision, Indicator, Meeting, ProgressReport, Strategy, StrategyMember


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _role(user: Any, strategy: Strategy) -> str | None:
    """The person's role in the strategy: read from the strategy when it was fetched
    `with_role_of` this person, else one small query."""
    if not _signed_in(user):
        return None
    if getattr(strategy, "viewer_pk", None) == user.pk:
        role: str | None = getattr(strategy, "viewer_role", None)
        return role
    return StrategyMember.objects.filter(strategy=strategy, user=user).values_list("role", flat=True).first()


def is_copilot(user: Any, strategy: Strategy) -> bool:
    """Co-pilots run the campaigns, validate reports and values, and take bilans; the platform's
    administrators (the CRESS team) may always step in for them."""
    return bool(getattr(user, "is_platform_admin", False)) or _role(user, strategy) == StrategyMember.Role.COPILOT


def can_read_internal(user: Any, strategy: Strategy) -> bool:
    """Those who steer (co-pilots) and those who must be told (elected officials, COTECH
    readers) see the internal actions, reports and indicators; the public does not."""
    if getattr(user, "is_platform_admin", False):
        return True
    return _role(user, strategy) in {StrategyMember.Role.COPILOT, StrategyMember.Role.READER}


def copiloted_strategies(user: Any) -> Any:
    """The strategies whose board this person opens: those they co-pilot, every one for the
    platform's administrators (same rule as `is_copilot`)."""
    if getattr(user, "is_platform_admin", False):
        return Strategy.objects.all()
    return Strategy.objects.filter(members__user=user, members__role=StrategyMember.Role.COPILOT)


def can_view_board(user: Any, strategy: Strategy) -> bool:
    """The steering board (campaigns, reports awaiting review, actions behind, bilans) is read by
    whoever reads the strategy's internals: elected officials and COTECH readers follow the
    steering without doing it. Only co-pilots act on it (`is_copilot`)."""
    return can_read_internal(user, strategy)


def read_strategies(user: Any) -> Any:
    """The strategies this person follows as a reader (elected officials, COTECH): their
    workspace leads to each one's dashboard and read-only board."""
    if not _signed_in(user):
        return Strategy.objects.none()
    return Strategy.objects.filter(members__user=user, members__role=StrategyMember.Role.READER)


def leads_action(user: Any, action: Action) -> bool:
    """A lead answers for the actions given to them, and for every action of a project group
    they lead."""
    if not _signed_in(user):
        return False
    return Action.objects.led_by(user).filter(pk=action.pk).exists()


def can_edit_action(user: Any, action: Action) -> bool:
    """An action sheet and its report are written by its leads, or by the co-pilots for them."""
    return is_copilot(user, action.strategy) or leads_action(user, action)


def recordable_bodies(user: Any, strategy: Strategy) -> Any:
    """The groups and bodies whose meetings this person records: all for co-pilots, their own
    project groups for group leads (they run those meetings and write their minutes)."""
    bodies = strategy.bodies.all()
    if is_copilot(user, strategy):
        return bodies
    if not _signed_in(user):
        return bodies.none()
    return bodies.filter(leads=user)


def can_record_meeting(user: Any, strategy: Strategy) -> bool:
    """Whoever runs at least one of the strategy's groups or bodies records its meetings."""
    return bool(recordable_bodies(user, strategy).exists())


def can_record_decision(user: Any, meeting: Meeting) -> bool:
    """A decision is added by those who may record the meeting it was taken at."""
    body: Body = meeting.body
    return bool(recordable_bodies(user, body.strategy).filter(pk=body.pk).exists())


def can_follow_up_decision(user: Any, decision: Decision) -> bool:
    """A decision is followed up by the person named to carry it out, or by the co-pilots."""
    if _signed_in(user) and decision.owner_id == user.pk:
        return True
    return is_copilot(user, decision.meeting.body.strategy)


def followable_decisions(user: Any, strategy: Strategy) -> Any:
    """The strategy's decisions this person may follow up (the same rule as
    `can_follow_up_decision`)."""
    decisions = Decision.objects.filter(meeting__body__strategy=strategy)
    if is_copilot(user, strategy):
        return decisions
    if not _signed_in(user):
        return decisions.none()
    return decisions.filter(owner=user)


def visible_meetings(user: Any, strategy: Strategy) -> Any:
    """The meetings this person may see: all of them for those who read the strategy's
    internals; the public ones and those of the groups they run for the others."""
    meetings = Meeting.objects.filter(body__strategy=strategy)
    if can_read_internal(user, strategy):
        return meetings
    if not can_view_strategy(user, strategy):
        return meetings.none()
    return meetings.filter(Q(is_public=True) | Q(body__in=recordable_bodies(user, strategy)))


def assignable_people(user: Any, strategy: Strategy) -> Any:
    """The people this person may name to carry out a decision, among those they may see: for
    those who read the strategy's internals, everyone who takes part in it (members, leads of
    actions and of groups); for a group lead, the people they work with (themselves, the leads of
    the groups they run and of the actions they lead). Names are personal data: nobody is shown
    the people of actions they may not read."""
    if can_read_internal(user, strategy):
        return User.objects.filter(
            Q(strategy_roles__strategy=strategy) | Q(led_actions__strategy=strategy) | Q(led_bodies__strategy=strategy)
        ).distinct()
    if not _signed_in(user):
        return User.objects.none()
    led = Action.objects.led_by(user).filter(strategy=strategy).values("pk")
    return User.objects.filter(
        Q(pk=user.pk) | Q(led_bodies__in=recordable_bodies(user, strategy)) | Q(led_actions__in=led)
    ).distinct()


def can_view_strategy(user: Any, strategy: Strategy) -> bool:
    """A public strategy is open to all; a private one to those who steer it, read it or lead
    one of its actions."""
    if strategy.is_public or can_read_internal(user, strategy):
        return True
    return _signed_in(user) and strategy.actions.led_by(user).exists()


def can_view_action(user: Any, action: Action) -> bool:
    """A public action is seen by whoever may see its strategy; an internal one by the
    people who steer and by its leads."""
    if action.is_public and can_view_strategy(user, action.strategy):
        return True
    return can_read_internal(user, action.strategy) or leads_action(user, action)


def can_propose_value(user: Any, indicator: Indicator) -> bool:
    """Values are proposed by the people named responsible for the indicator, or by the
    co-pilots; a co-pilot validates them before they count. Nobody types the values of an
    indicator the platform measures itself."""
    if indicator.platform_metric:
        return False
    if is_copilot(user, indicator.strategy):
        return True
    return _signed_in(user) and indicator.leads.filter(pk=user.pk).exists()


def can_view_indicator_history(user: Any, indicator: Indicator) -> bool:
    """Every value of an indicator, proposed and set aside included, is for those who steer or
    read the strategy, and for the people who feed the indicator."""
    return can_read_internal(user, indicator.strategy) or can_propose_value(user, indicator)


def can_open_report(user: Any, report: ProgressReport) -> bool:
    """A report is read by those who may write it (its leads, the co-pilots) and by the
    strategy's readers."""
    return can_edit_action(user, report.action) or can_read_internal(user, report.action.strategy)


def roles_in(
    user: Any, strategy: Strategy, *, action: Action | None = None, decision: Decision | None = None
) -> set[str]:
    """The workflow roles (see `strategy/workflows.py`) this person holds for a change: "copilot",
    "lead" of `action`, "owner" of `decision`."""
    roles = set()
    if is_copilot(user, strategy):
        roles.add("copilot")
    if action is not None and leads_action(user, action):
        roles.add("lead")
    if decision is not None and _signed_in(user) and decision.owner_id == user.pk:
        roles.add("owner")
    return roles


def visible_actions(user: Any, strategy: Strategy) -> Any:
    """The strategy's actions this person may see (the same rule as `can_view_action`)."""
    actions = strategy.actions.all()
    if can_read_internal(user, strategy):
        return actions
    if not can_view_strategy(user, strategy):
        return actions.none()
    if _signed_in(user):
        return actions.filter(Q(is_public=True) | Q(pk__in=Action.objects.led_by(user).values("pk")))
    return actions.filter(is_public=True)


def visible_indicators(user: Any, strategy: Strategy) -> Any:
    """The public sees the indicators marked public; those who steer or read see them all."""
    indicators = strategy.indicators.all()
    return indicators if can_read_internal(user, strategy) else indicators.filter(is_public=True)
