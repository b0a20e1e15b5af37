"""What the history follows in the self-diagnostic (read by `essaim.core.history`): a campaign's
settings and state, who was invited, each position the team retained and each action of the plan."""

from __future__ import annotations

from essaim.core.history import track
from essaim.diagnostics.models import Action, Campaign, Position, Respondent

track(Campaign, fields=["year", "mode", "status", "closes_on", "general_meeting_on", "shares_with_peers"])
track(Respondent, fields=["email", "role"])
track(Action, fields=["title", "objective_1y", "objective_3y", "responsible", "due_on", "status", "resources"])
track(Position, fields=["level", "comment"])
