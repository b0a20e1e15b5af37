"""What the referral module holds about a person, for `core.personal_data`: the requests sent
from their address. On erasure an open request is withdrawn (the team in charge is told) and
every request is anonymised: the need, the commune, the dates and the outcome stay for the
CRESS's statistics, without contact or description (docs/registre-des-traitements.md)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from essaim.core.registries import PersonalDataHandler, personal_data
from essaim.referrals.models import Referral
from essaim.referrals.retention import referrals_anonymise
from essaim.referrals.services.answers import referral_withdraw
from essaim.referrals.services.common import need_label


def _when(moment: Any) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _requests(email: str) -> Any:
    return Referral.objects.filter(email__iexact=email, anonymised_at__isnull=True).select_related(
        "commune", "taken_team__organisation"
    )


def referrals_export(email: str, user: Any) -> dict[str, Any]:
    rows = [
        {
            "demande": str(referral),
            "reçue le": _when(referral.created_at),
            "besoin": need_label(referral.need),
            "commune": referral.commune.name,
            "nom": referral.name,
            "projet ou structure": referral.project_name,
            "e-mail": referral.email,
            "téléphone": referral.phone,
            "description": referral.description,
            "état": referral.get_status_display(),
            "prise en charge par": str(referral.taken_team) if referral.taken_team else None,
            "issue": referral.get_outcome_display() or None,
            "utile selon vous": referral.useful,
        }
        for referral in _requests(email).order_by("created_at")
    ]
    return {"demandes d'accompagnement": rows} if rows else {}


def referrals_erase(email: str, user: Any) -> list[str]:
    requests = _requests(email)
    if not requests.exists():
        return []
    now = timezone.now()
    for referral in requests.filter(status__in=Referral.OPEN_STATES):
        referral_withdraw(referral=referral, now=now)
    count = referrals_anonymise(_requests(email), now=now)
    return [
        f"Demandes d'accompagnement : {count} anonymisée{'s' if count > 1 else ''} (coordonnées et description effacées)."
    ]


personal_data.add(
    "referrals", PersonalDataHandler("Demandes d'accompagnement", referrals_export, referrals_erase), order=35
)
