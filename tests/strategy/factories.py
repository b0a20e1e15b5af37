"""A small strategy to test against, and the YAML file that describes it.

Usage: world = strategy_world(region) → world.strategy, world.action, world.lead, world.copilot…
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from essaim.accounts.models import User
from essaim.strategy.models import (
    Action,
    Body,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Strategy,
    StrategyMember,
    StrategyNode,
)
from tests.accounts.factories import UserFactory
from tests.organisations.factories import OrganisationFactory

SAMPLE_FILE = """\
strategy:
  code: sress-test
  title: Stratégie régionale de l'ESS de test
  short_title: SRESS test
  region: "52"
  starts_on: 2017-01-01
  ends_on: 2021-12-31
  status: running
  public: true
  levels: [Axe, Proposition, Action]
  copilots: [CRESS de test]
  members:
    - {email: copilote@example.org, name: Claire Copilote, role: copilot}
plans:
  - {code: "2017-2019", title: Plan 2017-2019, starts_on: 2017-01-01, ends_on: 2019-06-30}
  - {code: "2019-2021", title: Plan 2019-2021, starts_on: 2019-07-01, ends_on: 2021-12-31}
bodies:
  - code: gp-financement
    kind: groupe
    name: Accompagnement et financement
    pilot: CRESS de test
    leads: [{email: animatrice@example.org, name: Anne Animatrice}]
nodes:
  - code: "1"
    title: Accompagner les structures
    children:
      - code: "1.1"
        title: Mieux orienter
        actions:
          - code: "1.1.1"
            title: Un parcours d'orientation commun
            pilot: CRESS de test
            group: gp-financement
            leads: [referente@example.org]
            plans: ["2017-2019", "2019-2021"]
            starts_on: 2017-09-01
            ends_on: 2018-12-31
            status: en_cours
            weather: atteignable
            milestones:
              - {title: Premier comité, due_on: 2017-12-01, done_on: 2017-12-05}
            budget:
              - {year: 2018, kind: fonctionnement, funder: CRESS de test, planned: 20000, actual: "18 500"}
          - code: "1.1.2"
            title: Un annuaire des accompagnateurs
            status: realisee
            public: false
indicators:
  - code: orientations
    name: Porteurs de projet orientés
    kind: activite
    unit: personnes
    actions: ["1.1.1"]
    baseline: {value: 0, on: 2017-01-01}
    targets:
      - {on: 2021-12-31, value: 400}
    source: CRESS, suivi des orientations
    values:
      - {on: 2018-12-31, value: 120, vintage: "2018"}
"""


@dataclass
class StrategyWorld:
    strategy: Strategy
    axis: StrategyNode
    proposition: StrategyNode
    group: Body
    action: Action
    other_action: Action
    indicator: Indicator
    copilot: User
    lead: User
    other_lead: User
    reader: User


def strategy_world(region: object, *, public: bool = True) -> StrategyWorld:
    """A strategy with one axis, one proposition, two actions led by two different people."""
    strategy = Strategy.objects.create(
        code="sress-test",
        title="Stratégie régionale de test",
        short_title="SRESS test",
        region=region.region,  # type: ignore[attr-defined]
        starts_on=date(2017, 1, 1),
        ends_on=date(2030, 12, 31),
        status=Strategy.Status.RUNNING,
        level_labels=["Axe", "Proposition", "Action"],
        is_public=public,
    )
    strategy.copilots.add(OrganisationFactory(name="CRESS de test"))
    copilot, lead, other_lead, reader = (UserFactory() for _ in range(4))
    StrategyMember.objects.create(strategy=strategy, user=copilot, role=StrategyMember.Role.COPILOT)
    StrategyMember.objects.create(strategy=strategy, user=reader, role=StrategyMember.Role.READER)
    axis = StrategyNode.objects.create(strategy=strategy, level=1, code="1", title="Accompagner les structures")
    proposition = StrategyNode.objects.create(
        strategy=strategy, parent=axis, level=2, code="1.1", title="Mieux orienter", order=1
    )
    group = Body.objects.create(strategy=strategy, code="gp", kind=Body.Kind.PROJECT_GROUP, name="Financement")
    action = Action.objects.create(
        strategy=strategy,
        node=proposition,
        code="1.1.1",
        title="Un parcours d'orientation commun",
        public_summary="Un parcours unique pour orienter les porteurs de projet.",
        status=Action.Status.RUNNING,
        group=group,
        planned_start=date(2017, 9, 1),
        planned_end=date(2030, 6, 30),
    )
    action.leads.add(lead)
    other_action = Action.objects.create(
        strategy=strategy, node=proposition, code="1.1.2", title="Un annuaire des accompagnateurs", order=1
    )
    other_action.leads.add(other_lead)
    indicator = Indicator.objects.create(
        strategy=strategy,
        code="orientations",
        name="Porteurs de projet orientés",
        kind=Indicator.Kind.ACTIVITY,
        unit="personnes",
        baseline_value=Decimal(0),
        baseline_on=date(2017, 1, 1),
        source="CRESS, suivi des orientations",
    )
    indicator.actions.add(action)
    indicator.leads.add(lead)
    IndicatorTarget.objects.create(indicator=indicator, due_on=date(2030, 12, 31), value=Decimal(400))
    return StrategyWorld(
        strategy, axis, proposition, group, action, other_action, indicator, copilot, lead, other_lead, reader
    )


def validated_value(indicator: Indicator, on: date, value: int, *, source: str, vintage: str) -> IndicatorValue:
    """A value the co-pilots already validated, as the public sees it."""
    return IndicatorValue.objects.create(
        indicator=indicator,
        measured_on=on,
        value=Decimal(value),
        source=source,
        vintage=vintage,
        state=IndicatorValue.State.VALIDATED,
    )


def grow(world: StrategyWorld, *, propositions: int, actions_each: int = 2, prefix: str = "9") -> None:
    """Add `propositions` nodes under the world's axis, each with `actions_each` actions (every
    other one internal, each with a lead, a milestone and a report), in a few bulk inserts: the
    size of a strategy, for tests that check a page's cost does not grow with it."""
    from essaim.strategy.models import Milestone

    strategy = world.strategy
    nodes = StrategyNode.objects.bulk_create(
        StrategyNode(
            strategy=strategy,
            parent=world.axis,
            level=2,
            code=f"{prefix}.{n}",
            title=f"Proposition {prefix}.{n}",
            order=10 + n,
        )
        for n in range(propositions)
    )
    actions = Action.objects.bulk_create(
        Action(
            strategy=strategy,
            node=node,
            code=f"{node.code}.{k}",
            title=f"Action {node.code}.{k}",
            is_public=k % 2 == 0,
            group=world.group,
            order=100 + n * actions_each + k,
        )
        for n, node in enumerate(nodes)
        for k in range(actions_each)
    )
    Action.leads.through.objects.bulk_create(Action.leads.through(action=action, user=world.lead) for action in actions)
    Milestone.objects.bulk_create(Milestone(action=action, title="Comité") for action in actions)
    world.indicator.actions.add(*actions)
