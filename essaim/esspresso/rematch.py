"""On the day, pair the people left free (a no-show, a cancelled meeting) on the spot. Pure
Python, no Django.

Candidate pairs are the pairs of free people whose score is above `minimum` and which are not
`forbidden` (a « non merci », colleagues, a pair that already met). Among them, the pairs chosen
are those of a maximum-weight matching (Edmonds' blossom algorithm, networkx): nobody is in two
pairs and the sum of the scores is as large as possible. With `most_pairs`, as many people as
possible are paired first, and the scores decide between the ways of pairing that many.

Scores are compared as integers (millionths), so that the matching is exact: scores closer than
a millionth count as equal.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence

import networkx as nx

SCALE = 1_000_000


def rematch(
    free: Sequence[str],
    score: Callable[[str, str], float],
    *,
    forbidden: Collection[frozenset[str]] = (),
    minimum: float = 0.0,
    most_pairs: bool = False,
) -> list[tuple[str, str]]:
    """The pairs to form among `free` (see the module's rule), each pair in the order of `free`
    and the pairs in the order of their first person. `score(a, b)` is asked once per pair,
    with a before b in `free`, and should not depend on the order."""
    people = list(dict.fromkeys(free))
    position = {person: index for index, person in enumerate(people)}
    refused = {pair for pair in forbidden if len(pair) == 2}
    graph: nx.Graph[str] = nx.Graph()
    for index, a in enumerate(people):
        for b in people[index + 1 :]:
            if frozenset((a, b)) in refused:
                continue
            value = score(a, b)
            if not math.isfinite(value):
                raise ValueError(f"Score non fini pour la paire {a} – {b} : {value}.")
            if value <= minimum:
                continue
            # With most_pairs every matching compared has the same size, so lifting all weights
            # by the same amount keeps the best one and keeps every weight positive.
            weight = round((value - minimum) * SCALE) + 1 if most_pairs else round(value * SCALE)
            if weight > 0:
                graph.add_edge(a, b, weight=weight)
    matching = nx.max_weight_matching(graph, maxcardinality=most_pairs, weight="weight")
    pairs = [tuple(sorted(pair, key=position.__getitem__)) for pair in matching]
    return sorted(((a, b) for a, b in pairs), key=lambda pair: position[pair[0]])
