"""The CRESS's export of requests: one row per request of the period, without what identifies
the requester (name, project, e-mail, phone, description): the figures the CRESS reports on,
which anyone it shares the file with may read."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from essaim.referrals.models import Dispatch, Referral
from essaim.referrals.presentation import legal_form_label
from essaim.referrals.services.common import Labels
from essaim.referrals.statistics import days_between, received_between

COLUMNS = [
    "numéro",
    "reçue le",
    "transmise le",
    "origine",
    "besoin",
    "étape",
    "statut du porteur",
    "forme juridique",
    "commune",
    "code commune",
    "département",
    "état",
    "équipes sollicitées",
    "équipes ayant décliné",
    "équipe en charge",
    "structure en charge",
    "prise en charge le",
    "délai de prise en charge (jours)",
    "close le",
    "issue",
    "utile",
]


def _day(moment: Any) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def export_rows(start: date, end: date) -> list[dict[str, Any]]:
    referrals = (
        received_between(start, end)
        .select_related("commune__departement", "taken_team__organisation")
        .prefetch_related("dispatches")
        .order_by("created_at", "pk")
    )
    rows = []
    labels = Labels()
    for referral in referrals:
        dispatches = list(referral.dispatches.all())
        delay = days_between(referral.sent_at, referral.taken_at) if referral.taken_at else None
        rows.append(
            {
                "numéro": referral.pk,
                "reçue le": _day(referral.created_at),
                "transmise le": _day(referral.sent_at),
                "origine": referral.get_source_display(),
                "besoin": labels.need(referral.need),
                "étape": labels.of("stages", referral.stage),
                "statut du porteur": labels.of("audiences", referral.audience),
                "forme juridique": legal_form_label(referral.legal_form),
                "commune": referral.commune.name,
                "code commune": referral.commune.code,
                "département": referral.commune.departement.code,
                "état": referral.get_status_display(),
                "équipes sollicitées": len(dispatches),
                "équipes ayant décliné": sum(d.status == Dispatch.Status.DECLINED for d in dispatches),
                "équipe en charge": referral.taken_team.name if referral.taken_team else "",
                "structure en charge": referral.taken_team.organisation.name if referral.taken_team else "",
                "prise en charge le": _day(referral.taken_at),
                "délai de prise en charge (jours)": round(delay, 1) if delay is not None else "",
                "close le": _day(referral.closed_at) if referral.status != Referral.Status.TAKEN else "",
                "issue": referral.get_outcome_display() if referral.outcome else "",
                "utile": "" if referral.useful is None else ("oui" if referral.useful else "non"),
            }
        )
    return rows
