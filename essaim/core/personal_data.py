"""A person's data, exported and erased on request (RGPD, articles 15, 17 and 20).

Each module registers, in `registries.personal_data`, what it holds about a person and how it
forgets them; this module runs them all, for one e-mail address. What is kept after an erasure,
and why, is written in docs/registre-des-traitements.md.

The history of changes (`HistoryEntry`) is core's own part: entries a person wrote keep their
content for the institution's records but lose their author, and the person's address or name
recorded as a value (an action's leads) is replaced by `ERASED`.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from essaim.core.models import HistoryEntry
from essaim.core.registries import PersonalDataHandler, personal_data

ERASED = "[personne effacée]"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def person_account(email: str) -> Any:
    """The account of this address, or None (an alert subscriber has none)."""
    return get_user_model().objects.filter(email__iexact=normalise_email(email)).first()


def personal_data_export(*, email: str) -> dict[str, Any]:
    """Everything the platform holds about the person of this address, module by module
    (modules holding nothing are left out), as a JSON-ready dict with French keys."""
    email = normalise_email(email)
    user = person_account(email)
    sections = {handler.label: handler.export(email, user) for handler in personal_data.ordered()}
    return {
        "adresse e-mail": email,
        "exporté le": timezone.localtime().isoformat(timespec="seconds"),
        "données": {label: data for label, data in sections.items() if data},
    }


@transaction.atomic
def personal_data_erase(*, email: str) -> list[tuple[str, list[str]]]:
    """Erase or anonymise everything about the person of this address, in every module, in one
    transaction; returns, module by module, what was done and what is left to the CRESS."""
    email = normalise_email(email)
    user = person_account(email)
    done = [(handler.label, handler.erase(email, user)) for handler in reversed(personal_data.ordered())]
    return [(label, lines) for label, lines in done if lines]


def _naming(names: list[str]) -> re.Pattern[str]:
    """Whole occurrences of the names, case aside: `a@b.fr` is not in `ba@b.fr`, nor "Le Gall" in
    "Le Gallo" (an address ends before a letter, a digit, a dot or a hyphen; a name before a letter)."""
    parts = [
        rf"(?<![\w.+-]){re.escape(name)}(?![\w.-])" if "@" in name else rf"(?<!\w){re.escape(name)}(?!\w)"
        for name in names
        if name
    ]
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)


def _names(email: str, user: Any) -> list[str]:
    return [email] + ([user.full_name.strip()] if user is not None and user.full_name.strip() else [])


def _mentioning(email: str, user: Any) -> list[HistoryEntry]:
    """History entries that name the person in their label, summary or recorded values: narrowed
    in the database, then kept only where the name stands whole."""
    names = _names(email, user)
    entries = HistoryEntry.objects.annotate(changes_text=Cast("changes", TextField()))
    query = Q()
    for name in names:
        query |= Q(changes_text__icontains=name) | Q(object_label__icontains=name) | Q(summary__icontains=name)
    pattern = _naming(names)
    return [
        entry
        for entry in entries.filter(query)
        if pattern.search(entry.changes_text) or pattern.search(entry.object_label) or pattern.search(entry.summary)
    ]


def _history_export(email: str, user: Any) -> dict[str, Any]:
    authored = HistoryEntry.objects.filter(author=user) if user is not None else HistoryEntry.objects.none()
    made = [
        {"le": entry.created_at.isoformat(timespec="seconds"), "objet": entry.object_label, "résumé": entry.summary}
        for entry in authored.order_by("created_at", "pk")
    ]
    mentions = len(_mentioning(email, user))
    if not made and not mentions:
        return {}
    return {"modifications faites": made, "modifications qui vous mentionnent": mentions}


def _replace(value: Any, names: set[str]) -> Any:
    """The value with every string equal to one of `names` (case aside) replaced by ERASED."""
    if isinstance(value, str):
        return ERASED if value.strip().lower() in names else value
    if isinstance(value, list):
        return [_replace(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, names) for key, item in value.items()}
    return value


def _history_erase(email: str, user: Any) -> list[str]:
    lines = []
    if user is not None:
        authored = HistoryEntry.objects.filter(author=user).update(author=None)
        if authored:
            lines.append(f"{authored} modification(s) conservée(s) sans le nom de leur auteur.")
    names = {name.lower() for name in _names(email, user)}
    pattern = _naming(_names(email, user))
    mentioned = 0
    for entry in _mentioning(email, user):
        entry.changes = _replace(entry.changes, names)
        entry.object_label = pattern.sub(ERASED, entry.object_label)
        entry.summary = pattern.sub(ERASED, entry.summary)
        entry.save(update_fields=["changes", "object_label", "summary"])
        mentioned += 1
    if mentioned:
        lines.append(f"Nom ou adresse remplacé par « {ERASED} » dans {mentioned} modification(s).")
    return lines


personal_data.add(
    "core",
    PersonalDataHandler("Historique des modifications", export=_history_export, erase=_history_erase),
    order=90,
)


def _sent_emails(email: str) -> Any:
    """Finished e-mail tasks of the database queue sent to the address (their arguments hold
    the rendered message until `prune_db_task_results` removes them)."""
    candidates = (
        DBTaskResult.objects.finished()
        .filter(task_path="essaim.core.emails.deliver_email")
        .annotate(arguments=Cast("args_kwargs", TextField()))
        .filter(arguments__icontains=email)
    )
    sent_to = [
        task.pk
        for task in candidates
        if email in [str(address).strip().lower() for address in task.args_kwargs.get("kwargs", {}).get("to", [])]
    ]
    return DBTaskResult.objects.filter(pk__in=sent_to)


def _emails_export(email: str, user: Any) -> dict[str, Any]:
    sent = [
        {
            "envoyé le": (task.finished_at or task.enqueued_at).isoformat(timespec="seconds"),
            "objet": task.args_kwargs.get("kwargs", {}).get("subject", ""),
        }
        for task in _sent_emails(email).order_by("enqueued_at")
    ]
    return {"e-mails envoyés encore dans la file": sent} if sent else {}


def _emails_erase(email: str, user: Any) -> list[str]:
    deleted, _ = _sent_emails(email).delete()
    return [f"{deleted} e-mail(s) envoyé(s) effacé(s) de la file de tâches."] if deleted else []


personal_data.add("emails", PersonalDataHandler("E-mails", export=_emails_export, erase=_emails_erase), order=95)
