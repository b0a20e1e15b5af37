from essaim.strategy.models.bilans import Bilan, BilanFile
from essaim.strategy.models.governance import Decision, Meeting
from essaim.strategy.models.indicators import Indicator, IndicatorTarget, IndicatorValue
from essaim.strategy.models.reporting import Campaign, ProgressReport
from essaim.strategy.models.structure import (
    Action,
    ActionDocument,
    ActionPlan,
    Body,
    BudgetLine,
    Milestone,
    Strategy,
    StrategyMember,
    StrategyNode,
)

__all__ = [
    "Action",
    "ActionDocument",
    "ActionPlan",
    "Bilan",
    "BilanFile",
    "Body",
    "BudgetLine",
    "Campaign",
    "Decision",
    "Indicator",
    "IndicatorTarget",
    "IndicatorValue",
    "Meeting",
    "Milestone",
    "ProgressReport",
    "Strategy",
    "StrategyMember",
    "StrategyNode",
]
