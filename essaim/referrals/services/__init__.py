"""The referral module's writes, and its public service for other modules: `referral_create`
(with a `ReferralContext`) receives a request from anywhere on the platform."""

from essaim.referrals.models import Source
from essaim.referrals.services.answers import (
    referral_close,
    referral_decline,
    referral_delete,
    referral_rate,
    referral_route,
    referral_take,
    referral_withdraw,
)
from essaim.referrals.services.requests import (
    ReferralContext,
    ReferralInvalid,
    ReferralReceipt,
    ReferralState,
    needs_requested,
    referral_create,
    referral_problems,
    referral_states,
)

__all__ = [
    "ReferralContext",
    "ReferralInvalid",
    "ReferralReceipt",
    "ReferralState",
    "needs_requested",
    "Source",
    "referral_close",
    "referral_create",
    "referral_decline",
    "referral_delete",
    "referral_problems",
    "referral_rate",
    "referral_route",
    "referral_states",
    "referral_take",
    "referral_withdraw",
]
