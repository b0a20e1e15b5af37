from essaim.observatory.models.figures import Establishment, SireneImport, TerritoryFigures
from essaim.observatory.models.official import OfficialFigure
from essaim.observatory.models.perimeter import ExcludedActivity, Perimeter, PerimeterCategory

__all__ = [
    "Establishment",
    "ExcludedActivity",
    "OfficialFigure",
    "Perimeter",
    "PerimeterCategory",
    "SireneImport",
    "TerritoryFigures",
]
