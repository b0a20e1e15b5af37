"""Edge colouring of a bipartite graph whose degrees are at most `colours` (König): every edge
gets a colour, no two edges at a vertex share one, and the colour classes are then balanced so
that none holds more than ceil(edges / colours) edges (equitable edge colouring, de Werra).
"""

from __future__ import annotations

from collections.abc import Sequence


def bipartite_edge_colouring(pairs: Sequence[tuple[str, str]], colours: int) -> list[int]:
    """A colour in range(colours) per pair, for a bipartite simple graph of max degree <= colours."""
    at: dict[tuple[str, int], int] = {}
    colour = [-1] * len(pairs)
    for index, (u, v) in enumerate(pairs):
        alpha = next(c for c in range(colours) if (u, c) not in at)
        if (v, alpha) in at:
            beta = next(c for c in range(colours) if (v, c) not in at)
            _swap_path(pairs, colour, at, v, alpha, beta)
        colour[index] = alpha
        at[(u, alpha)] = index
        at[(v, alpha)] = index
    _balance(pairs, colour, at, colours)
    return colour


def _other(pair: tuple[str, str], person: str) -> str:
    return pair[1] if pair[0] == person else pair[0]


def _walk(
    pairs: Sequence[tuple[str, str]], at: dict[tuple[str, int], int], start: str, first: int, second: int
) -> list[int]:
    """The edges of the path from `start` alternating colours first, second, first..."""
    path: list[int] = []
    person, wanted, following = start, first, second
    while (person, wanted) in at:
        edge = at[(person, wanted)]
        path.append(edge)
        person = _other(pairs[edge], person)
        wanted, following = following, wanted
    return path


def _recolour(
    pairs: Sequence[tuple[str, str]],
    colour: list[int],
    at: dict[tuple[str, int], int],
    path: list[int],
    alpha: int,
    beta: int,
) -> None:
    for edge in path:
        for person in pairs[edge]:
            del at[(person, colour[edge])]
    for edge in path:
        colour[edge] = beta if colour[edge] == alpha else alpha
        for person in pairs[edge]:
            at[(person, colour[edge])] = edge


def _swap_path(
    pairs: Sequence[tuple[str, str]],
    colour: list[int],
    at: dict[tuple[str, int], int],
    start: str,
    alpha: int,
    beta: int,
) -> None:
    """Free colour alpha at `start` by swapping alpha and beta along its alternating path."""
    _recolour(pairs, colour, at, _walk(pairs, at, start, alpha, beta), alpha, beta)


def _balance(pairs: Sequence[tuple[str, str]], colour: list[int], at: dict[tuple[str, int], int], colours: int) -> None:
    """Move edges from the largest class to the smallest along paths of the two colours that
    start and end with the larger one, until classes differ by one at most."""
    if colours < 2:
        return
    size = [0] * colours
    for c in colour:
        size[c] += 1
    while True:
        big = max(range(colours), key=lambda c: (size[c], -c))
        small = min(range(colours), key=lambda c: (size[c], c))
        if size[big] - size[small] <= 1:
            return
        moves = wanted = (size[big] - size[small]) // 2
        for edge in [e for e in range(len(pairs)) if colour[e] == big]:
            if moves == 0:
                break
            if colour[edge] != big:
                continue
            u, v = pairs[edge]
            if (u, small) in at and (v, small) in at:
                continue  # inside a path: only its ends can start a swap
            end = u if (u, small) not in at else v
            path = _walk(pairs, at, end, big, small)
            if len(path) % 2 == 1:
                _recolour(pairs, colour, at, path, big, small)
                size[big] -= 1
                size[small] += 1
                moves -= 1
        if moves == wanted:  # cannot happen on a bipartite graph; guards against a loop
            return
