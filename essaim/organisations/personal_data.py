"""A person's place in the directory, for `core.personal_data`: their memberships, and the
structures that give their address as contact (the structure's record, not the person's)."""

from __future__ import annotations

from typing import Any

from essaim.core.registries import PersonalDataHandler, personal_data
from essaim.organisations.models import Membership, Organisation


def directory_export(email: str, user: Any) -> dict[str, Any]:
    memberships = (
        Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")
        if user is not None
        else Membership.objects.none()
    )
    data: dict[str, Any] = {}
    if memberships:
        data["structures"] = [
            {"structure": membership.organisation.name, "rôle": membership.get_role_display()}
            for membership in memberships
        ]
    contacts = list(Organisation.objects.filter(email__iexact=email).order_by("name").values_list("name", flat=True))
    if contacts:
        data["contact de ces structures"] = contacts
    return data


def directory_erase(email: str, user: Any) -> list[str]:
    lines = []
    if user is not None:
        deleted, _ = Membership.objects.filter(user=user).delete()
        if deleted:
            lines.append(f"{deleted} rattachement(s) à une structure supprimé(s).")
    contacts = list(Organisation.objects.filter(email__iexact=email).order_by("name").values_list("name", flat=True))
    if contacts:
        lines.append(
            "À faire par la CRESS : l'adresse reste le contact public de "
            + ", ".join(contacts)
            + " ; demandez à la structure une adresse de remplacement."
        )
    return lines


personal_data.add(
    "organisations",
    PersonalDataHandler("Annuaire des structures", export=directory_export, erase=directory_erase),
    order=20,
)
