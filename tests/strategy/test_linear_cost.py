"""The cost of a strategy's pages and API grows with its size, never with the product of its
sizes: the number of database queries is the same for 3 propositions as for 30 (the actions are
collected once and grouped in Python, not collected again for each node of the tree)."""

import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaim.strategy import bilan_data
from tests.strategy.factories import grow

# (page, its arguments, who reads it): the public, those who steer, and a lead (who sees the
# internal actions they lead beside the public ones).
PAGES = [
    ("strategy:detail", ["sress-test"], "public"),
    ("strategy:detail", ["sress-test"], "copilot"),
    ("strategy:detail", ["sress-test"], "lead"),
    ("strategy:indicators", ["sress-test"], "public"),
    ("strategy:governance", ["sress-test"], "copilot"),
    ("strategy:governance", ["sress-test"], "lead"),
    ("strategy:board", ["sress-test"], "copilot"),
    ("strategy:action_plan", ["sress-test", "csv"], "public"),
    ("strategy:action_plan", ["sress-test", "xlsx"], "copilot"),
    ("strategy:index", [], "lead"),
    ("api:strategy", ["sress-test"], "public"),
    ("api:strategies", [], "public"),
]


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("name", "args", "who"), PAGES)
def test_the_number_of_queries_does_not_grow_with_the_strategy(client, world, name, args, who):
    if who != "public":
        client.force_login(getattr(world, who))
    url = reverse(name, args=args)
    grow(world, propositions=3)
    small = _queries(client, url)
    grow(world, propositions=27, prefix="8")  # 30 propositions in all
    assert _queries(client, url) == small


def _data(propositions, actions):
    """A bilan's data: one axis, `propositions` nodes under it, `actions` spread over them."""
    nodes = [{"code": "1", "title": "Axe", "level": 1, "level_label": "Axe", "parent": ""}]
    nodes += [
        {"code": f"1.{n}", "title": "Proposition", "level": 2, "level_label": "Proposition", "parent": "1"}
        for n in range(propositions)
    ]
    rows = [
        {
            "code": f"a{k}",
            "node": f"1.{k % propositions}",
            "public": k % 2 == 0,
            "status": "en_cours",
            "weather": "",
            "late": False,
            "leads": [],
        }
        for k in range(actions)
    ]
    return {"nodes": nodes, "actions": rows, "indicators": [], "counts": bilan_data.counts(rows)}


def _steps(function, data):
    """How many lines of `bilan_data` run for `function(data)`: a measure of work, exact and
    repeatable (unlike a time)."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != bilan_data.__file__:
            return None
        if event == "line":
            count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        function(data)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("function", [bilan_data.with_node_counts, bilan_data.public_view])
def test_counting_the_actions_of_every_node_is_linear_in_the_size_of_the_tree(function):
    few = _steps(function, _data(propositions=10, actions=400))
    many = _steps(function, _data(propositions=100, actions=400))
    # Ten times the nodes for the same actions: a little more work for the nodes themselves, not
    # ten times as much (as when every node went through every action).
    assert many < 1.5 * few


def test_the_dashboard_links_each_action_to_its_page(client, world):
    page = client.get(reverse("strategy:detail", args=["sress-test"])).content.decode()
    url = reverse("strategy:action", args=["sress-test", "1.1.1"])
    assert f'<a href="{url}">Un parcours d&#x27;orientation commun</a>' in page
    assert client.get(url).status_code == 200
