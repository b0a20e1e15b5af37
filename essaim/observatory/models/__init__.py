from essaim.observatory.models.figures import Establishment, SireneImport, TerritoryFigures
from essaim.observatory.models.perimeter import ExcludedActivity, Perimeter, PerimeterCategory

__all__ = [
    "Establishment",
    "ExcludedActivity",
    "Perimeter",
    "PerimeterCategory",
    "SireneImport",
    "TerritoryFigures",
]
