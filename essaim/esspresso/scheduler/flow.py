"""Maximum-gain flow of bounded value, by the primal-dual method: Dijkstra with potentials finds
the cheapest augmenting cost, then a blocking flow (Dinic) saturates every augmenting path of
that cost at once. Path costs only grow, so it stops as soon as one more unit would not gain
anything or the value reaches `limit`; the flow is then optimal among flows of value <= limit
(successive shortest paths). With small integer gains there are few phases, which makes it far
faster than a general network simplex on the b-matching graphs of the scheduler.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Sequence

INFINITY = float("inf")


class _Network:
    def __init__(self, nodes: int) -> None:
        self.head: list[int] = []
        self.residual: list[int] = []
        self.cost: list[int] = []
        self.out: list[list[int]] = [[] for _ in range(nodes)]

    def add(self, tail: int, head: int, capacity: int, cost: int) -> int:
        arc = len(self.head)
        self.head += [head, tail]
        self.residual += [capacity, 0]
        self.cost += [cost, -cost]
        self.out[tail].append(arc)
        self.out[head].append(arc + 1)
        return arc


def max_gain_flow(
    nodes: int, source: int, sink: int, arcs: Sequence[tuple[int, int, int, int]], limit: int
) -> tuple[int, list[int]]:
    """The total gain and the flow on each arc (tail, head, capacity, gain >= 0) of a flow from
    `source` to `sink` of value at most `limit` that maximises the gain. The arcs must form a
    layered graph (no cycle); node numbers are 0..nodes-1."""
    net = _Network(nodes)
    ids = [net.add(tail, head, capacity, -gain) for tail, head, capacity, gain in arcs]
    potential = _initial_potentials(net, nodes, source)
    value = 0
    while value < limit:
        distance = _dijkstra(net, nodes, source, sink, potential)
        if distance[sink] == INFINITY:
            break
        reach = distance[sink]
        for node in range(nodes):
            potential[node] += int(min(distance[node], reach))
        if potential[sink] - potential[source] >= 0:
            break
        value += _blocking_flows(net, nodes, source, sink, potential, limit - value)
    flows = [net.residual[arc + 1] for arc in ids]
    gain = sum(flow * g for flow, (_, _, _, g) in zip(flows, arcs, strict=True))
    return gain, flows


def _initial_potentials(net: _Network, nodes: int, source: int) -> list[int]:
    """Shortest distances from the source over the arcs with capacity (Bellman-Ford, which
    ends in a few passes on a layered graph); unreachable nodes get 0."""
    distance: list[float] = [INFINITY] * nodes
    distance[source] = 0
    changed = True
    while changed:
        changed = False
        for tail in range(nodes):
            if distance[tail] == INFINITY:
                continue
            for arc in net.out[tail]:
                if net.residual[arc] > 0 and distance[tail] + net.cost[arc] < distance[net.head[arc]]:
                    distance[net.head[arc]] = distance[tail] + net.cost[arc]
                    changed = True
    return [0 if d == INFINITY else int(d) for d in distance]


def _dijkstra(net: _Network, nodes: int, source: int, sink: int, potential: list[int]) -> list[float]:
    """Reduced distances from the source, exact up to the sink's: the search stops there, since
    potentials only rise by min(distance, the sink's distance)."""
    distance: list[float] = [INFINITY] * nodes
    distance[source] = 0
    queue: list[tuple[float, int]] = [(0, source)]
    head, residual, cost, out = net.head, net.residual, net.cost, net.out
    while queue:
        d, node = heapq.heappop(queue)
        if d > distance[node]:
            continue
        if node == sink:
            break
        base = d + potential[node]
        for arc in out[node]:
            if residual[arc] > 0:
                other = head[arc]
                candidate = base + cost[arc] - potential[other]
                if candidate < distance[other]:
                    distance[other] = candidate
                    heapq.heappush(queue, (candidate, other))
    return distance


def _blocking_flows(net: _Network, nodes: int, source: int, sink: int, potential: list[int], room: int) -> int:
    """Push flow along arcs of zero reduced cost (Dinic) until none is left or `room` is used."""
    head, residual, cost = net.head, net.residual, net.cost
    # Potentials are fixed during the phase: which arcs have zero reduced cost does not change.
    out = net.out
    zero_lists: dict[int, list[int]] = {}

    def zero(node: int) -> list[int]:
        found = zero_lists.get(node)
        if found is None:
            base = potential[node]
            found = zero_lists[node] = [arc for arc in out[node] if cost[arc] + base == potential[head[arc]]]
        return found

    pushed = 0
    while pushed < room:
        level = [-1] * nodes
        level[source] = 0
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for arc in zero(node):
                if residual[arc] > 0 and level[head[arc]] < 0:
                    level[head[arc]] = level[node] + 1
                    queue.append(head[arc])
        if level[sink] < 0:
            break
        pointer = [0] * nodes
        while pushed < room:
            path = _find_path(zero, head, residual, source, sink, level, pointer)
            if path is None:
                break
            amount = min(room - pushed, min(residual[arc] for arc in path))
            for arc in path:
                residual[arc] -= amount
                residual[arc ^ 1] += amount
            pushed += amount
    return pushed


def _find_path(
    zero: Callable[[int], list[int]],
    head: list[int],
    residual: list[int],
    source: int,
    sink: int,
    level: list[int],
    pointer: list[int],
) -> list[int] | None:
    """One source-sink path along increasing levels (iterative DFS with current-arc pointers)."""
    path: list[int] = []
    node = source
    while node != sink:
        arcs = zero(node)
        step = pointer[node]
        wanted = level[node] + 1
        while step < len(arcs):
            arc = arcs[step]
            if residual[arc] > 0 and level[head[arc]] == wanted:
                break
            step += 1
        pointer[node] = step
        if step < len(arcs):
            path.append(arcs[step])
            node = head[arcs[step]]
            continue
        if node == source:
            return None
        level[node] = -1  # dead end: not visited again in this round
        arc = path.pop()
        node = head[arc ^ 1]
        pointer[node] += 1
    return path
