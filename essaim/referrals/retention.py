"""How long a request's personal data is kept: a request closed, withdrawn or left unanswered
loses its contact, its description and its notes `ReferralSettings.retention_months` after it
ended (18 by default), and so does one taken in hand that long ago and never closed. What stays (need, commune, dates, outcome) makes the CRESS's statistics.
Applied daily by `purge_personal_data` (registered into `core.registries.retention_policies`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils.translation import ngettext

from essaim.core.registries import retention_policies
from essaim.referrals.models import Dispatch, Referral, ReferralSettings

ERASED_FIELDS = {"name": "", "project_name": "", "email": "", "phone": "", "description": "", "closing_note": ""}


@transaction.atomic
def referrals_anonymise(referrals: object, *, now: datetime) -> int:
    """Erase the personal data of these requests (a queryset); how many were erased."""
    ids = list(referrals.filter(anonymised_at__isnull=True).values_list("pk", flat=True))  # type: ignore[attr-defined]
    Dispatch.objects.filter(referral_id__in=ids).update(decline_note="")
    return Referral.objects.filter(pk__in=ids).update(**ERASED_FIELDS, anonymised_at=now)


def retention_apply(now: datetime) -> list[str]:
    months = ReferralSettings.current().retention_months
    ended_before = now - timedelta(days=round(months * 30.44))
    ended = Referral.objects.exclude(status__in=Referral.OPEN_STATES).filter(closed_at__lt=ended_before)
    # A request taken in hand and never closed does not keep its data for ever either.
    left_in_hand = Referral.objects.filter(status=Referral.Status.TAKEN, taken_at__lt=ended_before)
    count = referrals_anonymise(ended, now=now) + referrals_anonymise(left_in_hand, now=now)
    return [
        ngettext(
            "%(n)d demande d'accompagnement close anonymisée.",
            "%(n)d demandes d'accompagnement closes anonymisées.",
            count,
        )
        % {"n": count}
    ]


retention_policies.add("demandes d'accompagnement", retention_apply, order=30)
