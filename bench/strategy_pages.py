"""Benchmark: a strategy of 15,000 actions, its dashboard and its API, before and after the
linear node counts (issue 10).

Usage (from the project root):
    .venv/bin/python bench/strategy_pages.py                      # SQLite, temporary file
    createdb -h 127.0.0.1 -U postgres essaim_bench_strategy
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/essaim_bench_strategy .venv/bin/python bench/strategy_pages.py

The PostgreSQL database must exist and be empty (it is migrated here). Requests go through
Django's test client in this process (no network, no server): what is measured is the page's
own work, queries and rendering. Baselines, measured in the same run: the trivial endpoint
(`/sante/`) and the same pages for a strategy of 100 actions. "Before" puts back, in this
process only, the old way of counting a node's actions (every node going through every action).

The large strategy: 6 axes × 10 propositions × 10 objectives (666 nodes), 25 actions under each
objective (15,000), every other one public, each with a lead and a milestone; 10 indicators.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.update({"DEBUG": "false", "ALLOWED_HOSTS": "testserver", "LOG_LEVEL": "WARNING"})
import tests.environment  # noqa: E402, F401  (the publisher identity production settings demand)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from essaim.accounts.models import User  # noqa: E402
from essaim.strategy import bilan_data  # noqa: E402
from essaim.strategy.models import Action, Indicator, Milestone, Strategy, StrategyMember, StrategyNode  # noqa: E402
from tests.territories.factories import small_region  # noqa: E402


def make_strategy(code: str, *, axes: int, propositions: int, objectives: int, actions_each: int, region: Any) -> None:
    strategy = Strategy.objects.create(
        code=code,
        title=f"Stratégie {code}",
        short_title=code,
        region=region,
        starts_on=date(2024, 1, 1),
        ends_on=date(2030, 12, 31),
        status=Strategy.Status.RUNNING,
        level_labels=["Axe", "Proposition", "Objectif", "Action"],
        is_public=True,
    )
    copilot = User.objects.create(email=f"copilote-{code}@bench.test", full_name="Claire Copilote")
    lead = User.objects.create(email=f"referent-{code}@bench.test", full_name="Romain Référent")
    StrategyMember.objects.create(strategy=strategy, user=copilot, role=StrategyMember.Role.COPILOT)

    def level(parents: list[StrategyNode | None], count: int, depth: int) -> list[StrategyNode]:
        return StrategyNode.objects.bulk_create(
            StrategyNode(
                strategy=strategy,
                parent=parent,
                level=depth,
                code=f"{parent.code}.{n + 1}" if parent else str(n + 1),
                title=f"Nœud {depth}-{n + 1}",
                order=n,
            )
            for parent in parents
            for n in range(count)
        )

    leaves = level(level(level([None], axes, 1), propositions, 2), objectives, 3)
    statuses = list(Action.Status.values)
    actions = Action.objects.bulk_create(
        Action(
            strategy=strategy,
            node=node,
            code=f"{node.code}.{k + 1}",
            title=f"Action {node.code}.{k + 1}",
            is_public=k % 2 == 0,
            status=statuses[k % len(statuses)],
            order=n * actions_each + k,
        )
        for n, node in enumerate(leaves)
        for k in range(actions_each)
    )
    Action.leads.through.objects.bulk_create(Action.leads.through(action=action, user=lead) for action in actions)
    Milestone.objects.bulk_create(Milestone(action=action, title="Comité") for action in actions)
    for n in range(10):
        indicator = Indicator.objects.create(
            strategy=strategy, code=f"i{n}", name=f"Indicateur {n}", kind=Indicator.Kind.ACTIVITY, unit="personnes"
        )
        indicator.actions.add(*actions[n::500])
    print(
        f"  {code}: {len(leaves) * (1 + 1 / objectives + 1 / objectives / propositions):.0f} nœuds, {len(actions)} actions"
    )


def old_node_counts(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The counts as they were computed before: for each node, every action of the strategy."""

    def actions_under(code: str) -> list[dict[str, Any]]:
        children: dict[str, list[str]] = {}
        for node in data["nodes"]:
            children.setdefault(node["parent"], []).append(node["code"])
        codes, stack = set(), [code]
        while stack:
            current = stack.pop()
            codes.add(current)
            stack.extend(children.get(current, []))
        return [action for action in data["actions"] if action["node"] in codes]

    return [{**node, "counts": bilan_data.counts(actions_under(node["code"]))} for node in data["nodes"]]


def timed(client: Client, url: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{url} : {response.status_code}")
    return statistics.median(times)


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor}; Python {platform.python_version()}; {os.cpu_count()} cores")
    region = small_region().region
    make_strategy("petite", axes=2, propositions=2, objectives=1, actions_each=25, region=region)
    make_strategy("grande", axes=6, propositions=10, objectives=10, actions_each=25, region=region)
    public = Client()
    copilot = Client()
    copilot.force_login(User.objects.get(email="copilote-grande@bench.test"))
    small_copilot = Client()
    small_copilot.force_login(User.objects.get(email="copilote-petite@bench.test"))
    trivial = timed(public, "/sante/", 20)
    print(f"{'trivial (/sante/)':<48} {trivial * 1000:9.1f} ms")
    rows = [
        ("tableau de bord, public", public, "/strategie/{code}/"),
        ("tableau de bord, copilote", copilot, "/strategie/{code}/"),
        ("API /api/v1/strategies/{code}", public, "/api/v1/strategies/{code}"),
    ]
    results: dict[str, dict[str, float]] = {}
    for label, client, pattern in rows:
        small_client = small_copilot if client is copilot else public
        small = timed(small_client, pattern.format(code="petite"), 5)
        large = timed(client, pattern.format(code="grande"), 3)
        results[label] = {"small": small, "large": large}
    after = bilan_data.with_node_counts
    bilan_data.with_node_counts = old_node_counts  # "before", in this process only
    try:
        for label, client, pattern in rows:
            results[label]["before"] = timed(client, pattern.format(code="grande"), 1)
    finally:
        bilan_data.with_node_counts = after
    print(f"{'':<36} {'100 act.':>10} {'15 000 av.':>11} {'15 000 ap.':>11} {'ap./trivial':>12} {'ap./100':>8}")
    for label, figures in results.items():
        print(
            f"{label:<36} {figures['small'] * 1000:8.0f} ms {figures['before']:9.2f} s {figures['large']:9.2f} s"
            f" {figures['large'] / trivial:11.0f}× {figures['large'] / figures['small']:7.0f}×"
        )


if __name__ == "__main__":
    main()
