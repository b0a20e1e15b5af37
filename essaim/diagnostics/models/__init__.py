from essaim.diagnostics.models.bank import Domain, Framework, Item, Theme
from essaim.diagnostics.models.campaigns import (
    Action,
    Answer,
    Campaign,
    CampaignAdviser,
    Comment,
    Position,
    Respondent,
)
from essaim.diagnostics.models.settings import DiagnosticSettings

__all__ = [
    "Action",
    "Answer",
    "Campaign",
    "CampaignAdviser",
    "Comment",
    "DiagnosticSettings",
    "Domain",
    "Framework",
    "Item",
    "Position",
    "Respondent",
    "Theme",
]
