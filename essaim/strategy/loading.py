"""Writing a checked strategy file into the database: all of it, or nothing."""

from __future__ import annotations

from typing import Any

from essaim.accounts.models import User
from essaim.core import history
from essaim.core.history import tracking
from essaim.core.imports import ImportReport, Noun, RowError
from essaim.core.imports.report import Outcome
from essaim.core.imports.writing import all_or_nothing, set_related, upsert
from essaim.core.registries import platform_metrics
from essaim.organisations.models import Organisation
from essaim.strategy import strategy_file
from essaim.strategy.models import (
    Action,
    ActionDocument,
    ActionPlan,
    Body,
    BudgetLine,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Milestone,
    Strategy,
    StrategyMember,
    StrategyNode,
)
from essaim.strategy.storable import unstorable
from essaim.strategy.strategy_file import PersonSpec, StrategySpec
from essaim.territories.models import Region

FILE_AUTHOR = "chargement de fichier"
MAX_FILE_BYTES = 2 * 1024 * 1024  # a strategy is a few hundred lines; more is not one

STRATEGY = Noun("stratégie", "stratégies", feminine=True)
PLAN = Noun("plan d'actions", "plans d'actions")
BODY = Noun("groupe ou instance", "groupes et instances")
NODE = Noun("élément de l'arborescence", "éléments de l'arborescence")
ACTION = Noun("action", "actions", feminine=True)
INDICATOR = Noun("indicateur", "indicateurs")


class LoadReport(ImportReport):
    """The report of a strategy load: counts by kind of element (created, updated, unchanged)
    and what the file no longer names (kept, never deleted, said in the notes)."""

    def __init__(self, *, dry_run: bool) -> None:
        super().__init__(STRATEGY, PLAN, BODY, NODE, ACTION, INDICATOR, dry_run=dry_run)


def load_strategy_file(*, text: str, dry_run: bool = False) -> LoadReport:
    """Check the file, resolve its references, then write everything in one transaction.
    With `dry_run` the writes are made and rolled back, so the report counts are true."""
    spec, errors = strategy_file.parse(text)
    report = LoadReport(dry_run=dry_run)
    report.errors.extend(errors or unstorable(spec))
    if report.errors:
        return report
    resolver = _Resolver(spec, report)
    if report.errors:
        return report
    with all_or_nothing(dry_run=dry_run):
        _write(spec, resolver, report)
    return report


class _Resolver:
    """Looks up what the file names outside itself: the région and the directory's structures."""

    def __init__(self, spec: StrategySpec, report: LoadReport) -> None:
        self.region = Region.objects.filter(code=spec.region).first()
        if self.region is None:
            report.errors.append(RowError(0, f'la région « {spec.region} » est inconnue (code INSEE, ex. "52").'))
        names: list[tuple[str, int]] = list(spec.copilots)
        names += [(body.pilot, body.line) for body in spec.bodies if body.pilot]
        for action in spec.actions:
            names += [(name, action.line) for name in [action.pilot, *action.partners] if name]
            names += [(line.funder, line.line) for line in action.budget if line.funder]
        self.organisations: dict[str, Organisation] = {}
        wanted = {name for name, _line in names}
        for organisation in Organisation.objects.filter(name__in=wanted):
            self.organisations[organisation.name] = organisation
        for name, line in names:
            if name not in self.organisations:
                report.errors.append(RowError(line, f"la structure « {name} » n'est pas dans l'annuaire (nom exact)."))
                self.organisations[name] = Organisation()  # report each unknown name once
        for indicator in spec.indicators:
            if indicator.platform_metric and indicator.platform_metric not in platform_metrics:
                known = ", ".join(key for key, _label in platform_metrics.choices())
                report.errors.append(
                    RowError(indicator.line, f"mesure « {indicator.platform_metric} » inconnue (mesures : {known}).")
                )

    def organisation(self, name: str) -> Organisation | None:
        return self.organisations.get(name) if name else None

    @staticmethod
    def user(person: PersonSpec) -> User:
        """The account of a person named in the file; created without a password when new
        (they choose one with "mot de passe oublié")."""
        user = User.objects.filter(email__iexact=person.email).first()
        if user is None:
            user = User.objects.create_user(email=person.email, full_name=person.name or "")
        elif person.name and not user.full_name:
            user.full_name = person.name
            user.save(update_fields=["full_name"])
        return user


def _write(spec: StrategySpec, resolver: _Resolver, report: LoadReport) -> Strategy:
    if spec.starts_on is None or spec.ends_on is None or resolver.region is None:
        raise RuntimeError("parse() and _Resolver report a missing date or région before anything is written.")
    strategy, outcome = upsert(
        Strategy,
        lookup={"code": spec.code},
        values={
            "title": spec.title,
            "short_title": spec.short_title,
            "region": resolver.region,
            "summary": spec.summary,
            "starts_on": spec.starts_on,
            "ends_on": spec.ends_on,
            "adopted_on": spec.adopted_on,
            "status": spec.status,
            "level_labels": spec.levels,
            "is_public": spec.public,
            "document_url": spec.document_url,
        },
    )
    if set_related(strategy.copilots, [resolver.organisations[name] for name, _line in spec.copilots]):
        outcome = _at_least_updated(outcome)
    for person in spec.members:
        _member, member_outcome = upsert(
            StrategyMember, lookup={"strategy": strategy, "user": resolver.user(person)}, values={"role": person.role}
        )
        if member_outcome != "unchanged":
            outcome = _at_least_updated(outcome)
    report.count(outcome, STRATEGY)

    plans = {}
    for plan in spec.plans:
        plans[plan.code], outcome = upsert(
            ActionPlan,
            lookup={"strategy": strategy, "code": plan.code},
            values={"title": plan.title, "starts_on": plan.starts_on, "ends_on": plan.ends_on},
        )
        report.count(outcome, PLAN)

    bodies = {}
    for body in spec.bodies:
        bodies[body.code], outcome = upsert(
            Body,
            lookup={"strategy": strategy, "code": body.code},
            values={
                "kind": body.kind,
                "name": body.name,
                "pilot": resolver.organisation(body.pilot),
                "cadence": body.cadence,
                "description": body.description,
            },
        )
        if set_related(bodies[body.code].leads, [resolver.user(person) for person in body.leads]):
            outcome = _at_least_updated(outcome)
        report.count(outcome, BODY)

    nodes: dict[str, StrategyNode] = {}
    for order, node in enumerate(spec.nodes):
        nodes[node.code], outcome = upsert(
            StrategyNode,
            lookup={"strategy": strategy, "code": node.code},
            values={
                "parent": nodes.get(node.parent_code),
                "level": node.level,
                "title": node.title,
                "description": node.description,
                "order": order,
            },
        )
        report.count(outcome, NODE)

    actions: dict[str, Action] = {}
    for order, spec_action in enumerate(spec.actions):
        actions[spec_action.code] = _write_action(strategy, spec_action, order, nodes, plans, bodies, resolver, report)

    for spec_indicator in spec.indicators:
        _write_indicator(strategy, spec_indicator, nodes, actions, resolver, report)

    in_file = {action.code for action in spec.actions}
    kept = [f"action {code}" for code in strategy.actions.exclude(code__in=in_file).values_list("code", flat=True)]
    in_file_nodes = {node.code for node in spec.nodes}
    kept += [f"niveau {code}" for code in strategy.nodes.exclude(code__in=in_file_nodes).values_list("code", flat=True)]
    report.notes += [f"Conservé, absent du fichier : {what}" for what in kept]
    return strategy


def _write_action(
    strategy: Strategy,
    spec: strategy_file.ActionSpec,
    order: int,
    nodes: dict[str, StrategyNode],
    plans: dict[str, ActionPlan],
    bodies: dict[str, Body],
    resolver: _Resolver,
    report: LoadReport,
) -> Action:
    action = Action.objects.filter(strategy=strategy, code=spec.code).first()
    created = action is None
    action = action or Action(strategy=strategy, code=spec.code)
    before = history.snapshot(action)
    fields: dict[str, Any] = {
        "node": nodes[spec.node_code],
        "order": order,
        "title": spec.title,
        "description": spec.description,
        "public_summary": spec.public_summary,
        "pilot": resolver.organisation(spec.pilot),
        "group": bodies.get(spec.group),
        "planned_start": spec.starts_on,
        "planned_end": spec.ends_on,
        "is_public": spec.public,
    }
    # Once reports are validated, they say how the action stands, not the file.
    if created or not action.reports.validated().exists():
        fields.update(status=spec.status, weather=spec.weather)
    moved = action.order != order
    for name, value in fields.items():
        setattr(action, name, value)
    action.save()
    action.plans.set([plans[code] for code in spec.plans])
    action.leads.set([resolver.user(person) for person in spec.leads])
    action.partners.set([resolver.organisations[name] for name in spec.partners])
    entry = history.record(
        action, before, by=None, summary=f"{'Création' if created else 'Mise à jour'} ({FILE_AUTHOR})"
    )
    details_changed = _write_action_details(action, spec, resolver)
    report.count("created" if created else "updated" if entry or moved or details_changed else "unchanged", ACTION)
    return action


def _write_action_details(action: Action, spec: strategy_file.ActionSpec, resolver: _Resolver) -> bool:
    """Milestones, budget and documents of the action as the file gives them; True when any moved."""
    changed = False
    # Milestones are matched by title: a milestone reached in Essaim stays reached.
    known = {milestone.title: milestone for milestone in action.milestones.all()}
    for item in spec.milestones:
        milestone = known.get(item.title) or Milestone(action=action, title=item.title)
        done_on = milestone.done_on or item.done_on
        if milestone.pk is None or (milestone.due_on, milestone.done_on) != (item.due_on, done_on):
            milestone.due_on, milestone.done_on = item.due_on, done_on
            milestone.save()
            changed = True
    # The budget is described by the file as a whole.
    wanted = [
        BudgetLine(
            action=action,
            year=item.year,
            kind=item.kind,
            funder=resolver.organisation(item.funder),
            planned_amount=item.planned,
            actual_amount=item.actual,
        )
        for item in spec.budget
    ]

    def budget_key(line: BudgetLine) -> tuple[Any, ...]:
        return (line.year, line.kind, line.funder_id, line.planned_amount, line.actual_amount)

    if sorted(map(budget_key, action.budget_lines.all()), key=str) != sorted(map(budget_key, wanted), key=str):
        action.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(wanted)
        changed = True
    known_urls = set(action.documents.values_list("url", flat=True))
    added = ActionDocument.objects.bulk_create(
        ActionDocument(
            action=action, title=item.title, url=item.url, kind=item.kind, dated=item.dated, is_public=item.public
        )
        for item in spec.documents
        if item.url not in known_urls
    )
    return changed or bool(added)


def _write_indicator(
    strategy: Strategy,
    spec: strategy_file.IndicatorSpec,
    nodes: dict[str, StrategyNode],
    actions: dict[str, Action],
    resolver: _Resolver,
    report: LoadReport,
) -> None:
    indicator, outcome = upsert(
        Indicator,
        lookup={"strategy": strategy, "code": spec.code},
        values={
            "name": spec.name,
            "definition": spec.definition,
            "kind": spec.kind,
            "unit": spec.unit,
            "decimals": spec.decimals,
            "node": nodes.get(spec.node),
            "baseline_value": spec.baseline_value,
            "baseline_on": spec.baseline_on,
            "source": spec.source,
            "platform_metric": spec.platform_metric,
            "is_public": spec.public,
        },
    )
    moved = set_related(indicator.actions, [actions[code] for code in spec.actions])
    moved |= set_related(indicator.leads, [resolver.user(person) for person in spec.leads])
    if sorted(indicator.targets.values_list("due_on", "value")) != sorted(spec.targets):
        indicator.targets.all().delete()
        IndicatorTarget.objects.bulk_create(
            IndicatorTarget(indicator=indicator, due_on=on, value=value) for on, value in spec.targets
        )
        moved = True
    known = set(indicator.values.values_list("measured_on", "vintage"))
    for item in spec.values:
        if (item.on, item.vintage) in known:
            continue
        moved = True
        value = IndicatorValue(indicator=indicator)
        with tracking(value, by=None, summary=f"Valeur reprise ({FILE_AUTHOR})"):
            value.measured_on, value.value, value.vintage = item.on, item.value, item.vintage
            value.source, value.comment, value.state = item.source, item.comment, IndicatorValue.State.VALIDATED
            value.save()
    report.count(_at_least_updated(outcome) if moved else outcome, INDICATOR)


def _at_least_updated(outcome: Outcome) -> Outcome:
    """An element whose relations changed is updated, unless it was just created."""
    return "created" if outcome == "created" else "updated"
