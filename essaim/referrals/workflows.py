"""The life of a request for support, in one table (see docs/architecture.md, "Workflows").

Roles: "adviser" (an adviser of a team the request was sent to), "cress" (the platform's
administrators), "requester" (the project leader, through their private link) and "system"
(the daily reminders command, and re-routing when every receiver declined)."""

from __future__ import annotations

from essaim.core.workflows import Workflow
from essaim.referrals.models import Referral

S = Referral.Status
REFERRAL = Workflow(
    "referral",
    dict(S.choices),
    [
        (S.SENT, S.TAKEN, "Prendre en charge", ("adviser", "cress")),
        (S.SENT, S.TO_ROUTE, "Renvoyer à la CRESS", "system"),
        (S.SENT, S.SENT, "Transmettre à d'autres partenaires", ("cress", "system")),
        (S.TO_ROUTE, S.SENT, "Transmettre", "cress"),
        (S.TO_ROUTE, S.TAKEN, "Prendre en charge", "cress"),
        (S.TAKEN, S.CLOSED, "Clore", ("adviser", "cress")),
        (S.SENT, S.CLOSED, "Clore", "cress"),
        (S.TO_ROUTE, S.CLOSED, "Clore", "cress"),
        (S.SENT, S.WITHDRAWN, "Retirer ma demande", "requester"),
        (S.TO_ROUTE, S.WITHDRAWN, "Retirer ma demande", "requester"),
        (S.TAKEN, S.WITHDRAWN, "Retirer ma demande", "requester"),
        (S.SENT, S.ABANDONED, "Marquer sans réponse", "system"),
        (S.TO_ROUTE, S.ABANDONED, "Marquer sans réponse", "system"),
        (S.ABANDONED, S.SENT, "Transmettre à nouveau", "cress"),
    ],
)
