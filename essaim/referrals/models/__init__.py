from essaim.referrals.models.partners import ReferralSettings, Team, TeamTerritory, TerritoryKind
from essaim.referrals.models.requests import (
    ABANDON_DAYS,
    DESCRIPTION_MAX,
    FLAGGED_DAYS,
    MERGE_HOURS,
    REMINDER_DAYS,
    SATISFACTION_DAYS,
    DeclineReason,
    Dispatch,
    Outcome,
    Referral,
    Source,
)

__all__ = [
    "ABANDON_DAYS",
    "DESCRIPTION_MAX",
    "FLAGGED_DAYS",
    "MERGE_HOURS",
    "REMINDER_DAYS",
    "SATISFACTION_DAYS",
    "DeclineReason",
    "Dispatch",
    "Outcome",
    "Referral",
    "ReferralSettings",
    "Source",
    "Team",
    "TeamTerritory",
    "TerritoryKind",
]
