"""State machines of every module, in one shape: a table of allowed moves and one error.

A workflow names its states (value → French label) and the moves allowed between them, each
with the role that may make it. A service asks `workflow.check(...)` before it changes a state:
a move that is not in the table raises `TransitionRefused`, whose message is French and meant
for the person who asked (shown as is, with a 409 or a form error). No other exception is used
for control flow, and an unknown state is refused like any other move, never an internal error.

Pure module: no Django import, so that a table can be read and tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


class TransitionRefused(Exception):
    """The move is not allowed now, or not by this person; the message says why, in French."""


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    label: str  # what the button says: "Publier", "Valider"
    roles: frozenset[str]  # who may make it; the workflow's own names ("operator", "cress")


class Workflow:
    """`Workflow(name, states, [(source, target, label, roles), …])`.

    `states` maps each state's value to its French label (a Django `TextChoices` gives it with
    `dict(Model.Status.choices)`). `roles` of a move is a role name or an iterable of them."""

    def __init__(
        self,
        name: str,
        states: Mapping[str, str],
        transitions: Iterable[tuple[str, str, str, str | Iterable[str]]],
    ) -> None:
        self.name = name
        self.states = dict(states)
        self.transitions: dict[tuple[str, str], Transition] = {}
        for source, target, label, roles in transitions:
            for state in (source, target):
                if state not in self.states:
                    raise ValueError(f"{name}: unknown state {state!r} in the transition table")
            who = frozenset([roles] if isinstance(roles, str) else roles)
            self.transitions[(source, target)] = Transition(source, target, label, who)

    def label(self, state: str) -> str:
        """The French label of a state; a value the workflow does not know is shown quoted."""
        return self.states.get(state, f"« {state[:40]} »")

    def allowed(self, source: str, *, roles: Iterable[str]) -> list[Transition]:
        """The moves from `source` that someone holding `roles` may make, in table order."""
        held = set(roles)
        return [move for move in self.transitions.values() if move.source == source and move.roles & held]

    def check(self, source: str, target: str, *, roles: Iterable[str]) -> Transition:
        """The move from `source` to `target`, or `TransitionRefused` with a French message."""
        if target not in self.states:
            raise TransitionRefused(f"État inconnu : {self.label(target)}.")
        move = self.transitions.get((source, target))
        if move is None:
            raise TransitionRefused(
                f"Impossible de passer de « {self.label(source).lower()} » à « {self.label(target).lower()} »."
            )
        if not move.roles & set(roles):
            raise TransitionRefused(f"Vous ne pouvez pas faire ce changement : « {move.label} ».")
        return move
