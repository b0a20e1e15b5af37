"""The strategy's state machines, each a table of the moves allowed and who may make them.

Roles are the ones `perms.roles_in` hands out: "copilot" (co-pilots and CRESS staff), "lead"
(the leads of the action concerned), "owner" (the person following a decision up), and
"platform" for what the daily commands do on their own (closing the campaigns of an ended strategy). A service
asks the table before it changes a state (`REPORT_FLOW.check(report.state, target, roles=…)`);
a refused move raises `TransitionRefused` with a French message, shown as is."""

from __future__ import annotations

from django.db.models import TextChoices

from essaim.core.workflows import Workflow
from essaim.strategy.models import Campaign, Decision, IndicatorValue, ProgressReport


def _labels(states: type[TextChoices]) -> dict[str, str]:
    return {value: str(label) for value, label in states.choices}


Report = ProgressReport.State
REPORT_FLOW = Workflow(
    "progress report",
    _labels(Report),
    [
        (Report.DRAFT, Report.SUBMITTED, "Transmettre aux copilotes", ("lead", "copilot")),
        (Report.RETURNED, Report.SUBMITTED, "Transmettre aux copilotes", ("lead", "copilot")),
        (Report.SUBMITTED, Report.VALIDATED, "Valider", "copilot"),
        (Report.SUBMITTED, Report.RETURNED, "Renvoyer pour complément", "copilot"),
    ],
)

CAMPAIGN_FLOW = Workflow(
    "campaign",
    _labels(Campaign.Status),
    [
        (Campaign.Status.PLANNED, Campaign.Status.OPEN, "Ouvrir la campagne", "copilot"),
        (Campaign.Status.OPEN, Campaign.Status.CLOSED, "Clore la campagne", ("copilot", "platform")),
    ],
)

Value = IndicatorValue.State
VALUE_FLOW = Workflow(
    "indicator value",
    _labels(Value),
    [
        (Value.PROPOSED, Value.VALIDATED, "Valider la valeur", "copilot"),
        (Value.PROPOSED, Value.REJECTED, "Écarter la valeur", "copilot"),
    ],
)

# A decision's follow-up may be corrected either way: a decision marked done too early is
# reopened, one dropped is taken up again.
Followup = Decision.Status
DECISION_FLOW = Workflow(
    "decision",
    _labels(Followup),
    [
        (source, target, label, ("copilot", "owner"))
        for source in Followup.values
        for target, label in [
            (Followup.DONE, "Marquer comme mise en œuvre"),
            (Followup.DROPPED, "Abandonner"),
            (Followup.OPEN, "Rouvrir"),
        ]
        if source != target
    ],
)
