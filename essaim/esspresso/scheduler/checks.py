"""Consistency of an instance: every rule an input must follow, with a French message naming
the faulty element. Used on instances read from JSON and on those built by the web app."""

from __future__ import annotations

import math

from essaim.esspresso.scheduler.model import Instance, InstanceError


def check_instance(instance: Instance) -> None:
    """Raise InstanceError on the first inconsistency found."""
    slots = set()
    for slot in instance.slots:
        if slot in slots:
            raise InstanceError(f"Le créneau « {slot} » apparaît deux fois dans la liste des créneaux.")
        slots.add(slot)
    tables = instance.tables
    if tables is not None and (isinstance(tables, bool) or not isinstance(tables, int) or tables < 1):
        raise InstanceError(f"Le nombre de tables doit être un entier positif ou null (reçu : {tables!r}).")
    known: set[str] = set()
    for person in instance.people:
        if person.id in known:
            raise InstanceError(f"L'identifiant de participant « {person.id} » apparaît deux fois.")
        known.add(person.id)
        for slot in sorted(person.available or ()):
            if slot not in slots:
                raise InstanceError(
                    f"Le créneau « {slot} » indiqué dans les disponibilités de « {person.id} » "
                    "ne fait pas partie des créneaux de l'événement."
                )
        cap = person.max_meetings
        if cap is not None and (isinstance(cap, bool) or not isinstance(cap, int) or cap < 0):
            raise InstanceError(
                f"Le nombre maximum de rendez-vous de « {person.id} » doit être un entier positif "
                f"ou nul (reçu : {cap!r})."
            )
    _check_wishes(instance, known)
    _check_hosts(instance, known)
    _check_locked(instance, known, slots)


def _check_wishes(instance: Instance, known: set[str]) -> None:
    seen: set[tuple[str, str]] = set()
    for wish in instance.wishes:
        label = f"La demande de « {wish.a} » vers « {wish.b} »"
        for end in (wish.a, wish.b):
            if end not in known:
                raise InstanceError(f"{label} cite un participant inconnu : « {end} ».")
        if wish.a == wish.b:
            raise InstanceError(f"{label} vise son propre auteur.")
        weight = wish.weight
        if isinstance(weight, bool) or not isinstance(weight, int | float) or not math.isfinite(weight):
            raise InstanceError(f"{label} a un poids invalide : {weight!r}.")
        if weight <= 0:
            raise InstanceError(f"{label} a un poids de {weight:g} : il doit être strictement positif.")
        if (wish.a, wish.b) in seen:
            raise InstanceError(f"{label} apparaît deux fois.")
        seen.add((wish.a, wish.b))


def _check_hosts(instance: Instance, known: set[str]) -> None:
    for person_id, table in sorted(instance.host_tables.items()):
        if person_id not in known:
            raise InstanceError(f"La table fixe n° {table} est attribuée à un participant inconnu : « {person_id} ».")
        if isinstance(table, bool) or not isinstance(table, int) or table < 1:
            raise InstanceError(f"La table fixe de « {person_id} » doit être un entier positif (reçu : {table!r}).")
        if instance.tables is not None and table > instance.tables:
            raise InstanceError(
                f"La table fixe de « {person_id} » (n° {table}) dépasse le nombre de tables ({instance.tables})."
            )


def _check_locked(instance: Instance, known: set[str], slots: set[str]) -> None:
    available = {p.id: p.available for p in instance.people}
    busy: set[tuple[str, str]] = set()
    pairs: set[frozenset[str]] = set()
    used_tables: set[tuple[str, int]] = set()
    per_slot: dict[str, int] = {}
    for meeting in instance.locked:
        a, b = meeting.participants
        label = f"Le rendez-vous verrouillé de « {a} » et « {b} » au créneau « {meeting.slot} »"
        if meeting.slot not in slots:
            raise InstanceError(f"{label} est placé sur un créneau inconnu.")
        for end in (a, b):
            if end not in known:
                raise InstanceError(f"{label} cite un participant inconnu : « {end} ».")
            slots_of = available[end]
            if slots_of is not None and meeting.slot not in slots_of:
                raise InstanceError(f"{label} tombe hors des disponibilités de « {end} ».")
            if (end, meeting.slot) in busy:
                raise InstanceError(f"{label} tombe en même temps qu'un autre rendez-vous de « {end} ».")
            busy.add((end, meeting.slot))
        if a == b:
            raise InstanceError(f"{label} réunit une personne avec elle-même.")
        if frozenset((a, b)) in pairs:
            raise InstanceError(f"{label} double un autre rendez-vous verrouillé de la même paire.")
        pairs.add(frozenset((a, b)))
        per_slot[meeting.slot] = per_slot.get(meeting.slot, 0) + 1
        if instance.tables is not None and per_slot[meeting.slot] > instance.tables:
            raise InstanceError(f"{label} dépasse le nombre de tables ({instance.tables}) de ce créneau.")
        table = meeting.table
        if table is None:
            hosts = {instance.host_tables[p] for p in (a, b) if p in instance.host_tables}
            if len(hosts) > 1:
                raise InstanceError(
                    f"{label} réunit deux personnes qui ont chacune une table fixe : précisez la table."
                )
            table = hosts.pop() if hosts else None
        elif (
            isinstance(table, bool)
            or not isinstance(table, int)
            or table < 1
            or (instance.tables is not None and table > instance.tables)
        ):
            raise InstanceError(f"{label} a un numéro de table invalide : {table!r}.")
        if table is not None:
            if (meeting.slot, table) in used_tables:
                raise InstanceError(f"{label} occupe la table n° {table}, déjà prise à ce créneau.")
            used_tables.add((meeting.slot, table))
