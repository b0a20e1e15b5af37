from essaim.catalog.models.activity import Alert, OfferEvent, SearchLog
from essaim.catalog.models.offers import Offer, OfferQuerySet, OfferTerritory
from essaim.catalog.models.taxonomies import Audience, Need, OfferType, RefinementQuestion, Sector, Stage, Synonym

__all__ = [
    "Alert",
    "Audience",
    "Need",
    "Offer",
    "OfferEvent",
    "OfferQuerySet",
    "OfferTerritory",
    "OfferType",
    "RefinementQuestion",
    "SearchLog",
    "Sector",
    "Stage",
    "Synonym",
]
