"""What the history follows on requests for support (read by `essaim.core.history`): a
request's state, who took it in hand and its outcome; a team's referencing."""

from __future__ import annotations

from essaim.core.history import track
from essaim.referrals.models import Dispatch, Referral, Team

track(Referral, fields=["status", "taken_team_id", "taken_by_id", "outcome"])
track(Dispatch, fields=["status", "decline_reason"])
track(
    Team,
    fields=[
        "name",
        "email",
        "phone",
        "needs",
        "audiences",
        "legal_forms",
        "min_years",
        "max_years",
        "min_employees",
        "max_employees",
        "is_active",
    ],
)
