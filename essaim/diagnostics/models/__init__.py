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

__all__ = [
    "Action",
    "Answer",
    "Campaign",
    "CampaignAdviser",
    "Comment",
    "Domain",
    "Framework",
    "Item",
    "Position",
    "Respondent",
    "Theme",
]
