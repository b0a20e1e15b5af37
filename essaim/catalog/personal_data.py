"""What the catalogue holds about a person, for `core.personal_data`: e-mail alerts (no account
needed) and offers that give the address as contact. Alert subscribers reach the same export and
erasure through the link in every alert e-mail (`views/alert_data.py`)."""

from __future__ import annotations

from typing import Any

from essaim.catalog.models import Alert, Offer
from essaim.core.registries import PersonalDataHandler, personal_data


def _when(moment: Any) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def alerts_export(email: str) -> list[dict[str, Any]]:
    """The person's alerts, the secret token aside."""
    return [
        {
            "intitulé": alert.label,
            "origine": alert.get_kind_display(),
            "recherche": alert.query,
            "fréquence": alert.get_frequency_display(),
            "créée le": _when(alert.created_at),
            "confirmée le": _when(alert.confirmed_at),
            "dernier envoi": _when(alert.last_sent_at),
        }
        for alert in Alert.objects.filter(email__iexact=email).order_by("created_at", "pk")
    ]


def alerts_erase(email: str) -> int:
    """Delete every alert of the address; the address goes with them."""
    deleted, _ = Alert.objects.filter(email__iexact=email).delete()
    return deleted


def catalogue_export(email: str, user: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    alerts = alerts_export(email)
    if alerts:
        data["alertes par e-mail"] = alerts
    contacts = list(Offer.objects.filter(contact_email__iexact=email).order_by("title").values_list("title", flat=True))
    if contacts:
        data["contact de ces offres"] = contacts
    return data


def catalogue_erase(email: str, user: Any) -> list[str]:
    lines = []
    alerts = alerts_erase(email)
    if alerts:
        lines.append(f"{alerts} alerte(s) par e-mail supprimée(s).")
    contacts = Offer.objects.filter(contact_email__iexact=email).count()
    if contacts:
        lines.append(
            f"À faire par la CRESS : l'adresse reste le contact de {contacts} offre(s) ; "
            "demandez à leur opérateur une adresse de remplacement."
        )
    return lines


personal_data.add(
    "catalog", PersonalDataHandler("Aides et accompagnement", export=catalogue_export, erase=catalogue_erase), order=30
)
