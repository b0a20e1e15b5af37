"""The flow behind `upper_bound` gives the same optimum as networkx's network simplex on the same
b-matching graph (an independent min-cost flow), with and without a table capacity."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings, strategies as st

from essaim.esspresso.scheduler.flow import max_gain_flow


@st.composite
def layered(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, int, int]], int]:
    """A source (0), a sink (1), left nodes with capacities from the source, right nodes with
    capacities to the sink, and unit arcs with gains between them."""
    left = draw(st.integers(1, 6))
    right = draw(st.integers(1, 6))
    arcs = [(0, 2 + i, draw(st.integers(0, 3)), 0) for i in range(left)]
    arcs += [(2 + left + j, 1, draw(st.integers(0, 3)), 0) for j in range(right)]
    pairs = draw(st.lists(st.tuples(st.integers(0, left - 1), st.integers(0, right - 1)), unique=True, max_size=20))
    arcs += [(2 + i, 2 + left + j, 1, draw(st.integers(1, 9))) for i, j in pairs]
    return 2 + left + right, arcs, draw(st.integers(0, 12))


def network_simplex_gain(nodes: int, arcs: list[tuple[int, int, int, int]], limit: int) -> int:
    graph = nx.DiGraph()
    graph.add_node(0, demand=-limit)
    graph.add_node(1, demand=limit)
    graph.add_edge(0, 1, weight=0, capacity=limit)  # flow that gains nothing goes straight through
    for tail, head, capacity, gain in arcs:
        graph.add_edge(tail, head, weight=-gain, capacity=capacity)
    cost, _ = nx.network_simplex(graph)
    return int(-cost)


@settings(max_examples=200, deadline=None)
@given(layered())
def test_the_primal_dual_flow_finds_the_same_optimum_as_the_network_simplex(case):
    nodes, arcs, limit = case
    gain, flows = max_gain_flow(nodes, 0, 1, arcs, limit)
    assert gain == network_simplex_gain(nodes, arcs, limit)
    assert all(0 <= flow <= capacity for flow, (_, _, capacity, _) in zip(flows, arcs, strict=True))
    assert sum(flow for flow, (tail, _, _, _) in zip(flows, arcs, strict=True) if tail == 0) <= limit
    for node in range(2, nodes):
        inflow = sum(f for f, (_, head, _, _) in zip(flows, arcs, strict=True) if head == node)
        outflow = sum(f for f, (tail, _, _, _) in zip(flows, arcs, strict=True) if tail == node)
        assert inflow == outflow
