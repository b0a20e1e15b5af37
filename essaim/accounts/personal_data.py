"""The account itself and the failed-login records of its address, for `core.personal_data`."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from essaim.accounts.models import User
from essaim.core.registries import PersonalDataHandler, personal_data

LOGIN_RECORDS = (AccessAttempt, AccessFailureLog, AccessLog)


def _when(moment: Any) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def account_export(email: str, user: User | None) -> dict[str, Any]:
    failures = [
        {"le": _when(record.attempt_time), "adresse IP": record.ip_address}
        for model in LOGIN_RECORDS
        for record in model.objects.filter(username__iexact=email).order_by("attempt_time")
    ]
    if user is None and not failures:
        return {}
    data: dict[str, Any] = {}
    if user is not None:
        data["compte"] = {
            "adresse e-mail": user.email,
            "nom": user.full_name,
            "actif": user.is_active,
            "administration de la plateforme": user.is_platform_admin,
            "accès à l'administration technique": user.is_staff,
            "inscrit le": _when(user.date_joined),
            "dernière connexion": _when(user.last_login),
        }
    if failures:
        data["échecs de connexion récents"] = failures
    return data


def account_erase(email: str, user: User | None) -> list[str]:
    lines = []
    failures = sum(model.objects.filter(username__iexact=email).delete()[0] for model in LOGIN_RECORDS)
    if failures:
        lines.append(f"{failures} trace(s) d'échec de connexion effacée(s).")
    if user is not None:
        user.delete()
        lines.append("Compte supprimé : l'adresse, le nom et le mot de passe sont effacés.")
    return lines


personal_data.add("accounts", PersonalDataHandler("Compte", export=account_export, erase=account_erase), order=10)
