"""Why a requested pair is not in the timetable: one cause code and a French sentence for the
organiser, checked in this order: fixed tables of two hosts, no common slot, a person who reached
their cap or has more requests than slots, every common free slot without a free table, and
otherwise a conflict with the other meetings of the two people."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from essaim.esspresso.scheduler.model import Unplaced
from essaim.esspresso.scheduler.problem import Problem
from essaim.esspresso.scheduler.timetable import Timetable


def unplaced_pairs(problem: Problem, table: Timetable, labels: Mapping[str, str]) -> list[Unplaced]:
    def name(person: str) -> str:
        return labels.get(person, person)

    total = {p: table.count[p] + len(problem.held[p]) for p in problem.people}
    found: list[Unplaced] = []
    for u, v, _ in problem.host_clashes:
        found.append(
            Unplaced(
                (u, v),
                "tables",
                f"{name(u)} et {name(v)} ont chacun une table fixe (n° {problem.hosts[u]} et n° "
                f"{problem.hosts[v]}) : ils ne peuvent pas se rencontrer.",
            )
        )
    for edge in problem.edges:
        if edge.index not in table.slot_of:
            cause, reason = _why(problem, table, total, edge.index, name)
            found.append(Unplaced((edge.u, edge.v), cause, reason))
    return found


def _why(
    problem: Problem, table: Timetable, total: dict[str, int], index: int, name: Callable[[str], str]
) -> tuple[str, str]:
    edge = table.edges[index]
    u, v = edge.u, edge.v
    if not problem.available[u] & problem.available[v]:
        return "no_common_slot", (
            f"Aucun créneau commun : {name(u)} et {name(v)} ne sont jamais disponibles en même temps."
        )
    if not edge.slots:
        return "conflict", (
            f"Les créneaux communs de {name(u)} et {name(v)} sont tous pris par des rendez-vous verrouillés."
        )
    for person in (u, v):
        cap = problem.caps[person]
        slots = len(problem.available[person])
        if cap is not None and cap < slots and total[person] >= cap:
            return "cap", (
                f"{name(person)} a atteint son maximum de {cap} rendez-vous ({problem.degree[person]} demandes)."
            )
        if total[person] >= slots:
            return "over_requested", (f"{name(person)} a {problem.degree[person]} demandes pour {slots} créneaux.")
    both_free = [s for s in edge.slots if u not in table.at[s] and v not in table.at[s]]
    if both_free:
        return "tables", (
            f"Toutes les tables sont prises aux créneaux où {name(u)} et {name(v)} sont libres tous les deux."
        )
    return "conflict", (
        f"Les créneaux communs de {name(u)} et {name(v)} sont déjà pris par d'autres rendez-vous de l'un ou de l'autre."
    )
