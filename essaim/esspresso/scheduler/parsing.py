"""The JSON form of an instance and of a result (issue #11), read strictly: a wrong type or an
inconsistent element raises InstanceError with a French message naming it."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from essaim.esspresso.scheduler.checks import check_instance
from essaim.esspresso.scheduler.model import Instance, InstanceError, Person, Placed, Result, Wish


def parse_instance(data: object) -> Instance:
    """The instance described by decoded JSON: keys "slots", "tables", "participants",
    "requests", and optionally "locked" and "host_tables"."""
    root = _mapping(data, "Le fichier")
    slots = tuple(_string(s, f"slots[{i}]") for i, s in enumerate(_list(root.get("slots"), "slots")))
    tables = root.get("tables")
    if tables is not None and not _is_int(tables):
        raise InstanceError(f"« tables » doit être un entier positif ou null (reçu : {tables!r}).")
    people = tuple(_person(p, i) for i, p in enumerate(_list(root.get("participants"), "participants")))
    wishes = tuple(_wish(r, i) for i, r in enumerate(_list(root.get("requests", []), "requests")))
    locked = tuple(_locked(m, i) for i, m in enumerate(_list(root.get("locked", []), "locked")))
    hosts_raw = _mapping(root.get("host_tables", {}), "« host_tables »")
    host_tables: dict[str, int] = {}
    for person_id, table in hosts_raw.items():
        if not _is_int(table):
            raise InstanceError(f"host_tables[« {person_id} »] doit être un numéro de table (reçu : {table!r}).")
        host_tables[str(person_id)] = int(table)  # type: ignore[call-overload]
    instance = Instance(
        slots=slots,
        tables=tables,  # type: ignore[arg-type]
        people=people,
        wishes=wishes,
        locked=locked,
        host_tables=MappingProxyType(host_tables),
    )
    check_instance(instance)
    return instance


def result_as_json(result: Result) -> dict[str, object]:
    """The result in the issue's output format, plus each unplaced pair's cause code."""
    return {
        "meetings": [{"slot": m.slot, "table": m.table, "participants": list(m.participants)} for m in result.meetings],
        "value": result.value,
        "upper_bound": result.upper_bound,
        "unplaced": [
            {"participants": list(u.participants), "cause": u.cause, "reason": u.reason} for u in result.unplaced
        ],
    }


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise InstanceError(f"{where} doit être un objet JSON.")
    return value


def _list(value: object, where: str) -> list[object]:
    if not isinstance(value, list):
        raise InstanceError(f"« {where} » doit être une liste.")
    return value


def _string(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise InstanceError(f"« {where} » doit être une chaîne non vide (reçu : {value!r}).")
    return value


def _person(value: object, index: int) -> Person:
    where = f"participants[{index}]"
    item = _mapping(value, f"« {where} »")
    person_id = _string(item.get("id"), f"{where}.id")
    available: frozenset[str] | None = None
    if item.get("available") is not None:
        slots = _list(item["available"], f"{where}.available (« {person_id} »)")
        available = frozenset(_string(s, f"{where}.available[{i}]") for i, s in enumerate(slots))
    cap = item.get("max_meetings")
    if cap is not None and not _is_int(cap):
        raise InstanceError(f"« max_meetings » de « {person_id} » doit être un entier (reçu : {cap!r}).")
    return Person(id=person_id, available=available, max_meetings=cap)  # type: ignore[arg-type]


def _wish(value: object, index: int) -> Wish:
    where = f"requests[{index}]"
    item = _mapping(value, f"« {where} »")
    a = _string(item.get("from"), f"{where}.from")
    b = _string(item.get("to"), f"{where}.to")
    weight = item.get("weight", 1)
    if isinstance(weight, bool) or not isinstance(weight, int | float):
        raise InstanceError(f"La demande de « {a} » vers « {b} » a un poids invalide : {weight!r}.")
    return Wish(a=a, b=b, weight=float(weight))


def _locked(value: object, index: int) -> Placed:
    where = f"locked[{index}]"
    item = _mapping(value, f"« {where} »")
    slot = _string(item.get("slot"), f"{where}.slot")
    pair = _list(item.get("participants"), f"{where}.participants")
    if len(pair) != 2:
        raise InstanceError(f"« {where}.participants » doit contenir exactement deux participants.")
    a = _string(pair[0], f"{where}.participants[0]")
    b = _string(pair[1], f"{where}.participants[1]")
    table = item.get("table")
    if table is not None and not _is_int(table):
        raise InstanceError(f"« {where}.table » doit être un numéro de table ou null (reçu : {table!r}).")
    return Placed(slot=slot, table=table, participants=(a, b))  # type: ignore[arg-type]
