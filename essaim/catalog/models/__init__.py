from essaim.catalog.models.activity import Alert, OfferEvent, SearchLog
from essaim.catalog.models.offers import CONTENT_FIELDS, TAXONOMY_MODELS, Offer, OfferQuerySet, OfferTerritory
from essaim.catalog.models.taxonomies import Audience, Need, OfferType, RefinementQuestion, Sector, Stage, Synonym

__all__ = [
    "CONTENT_FIELDS",
    "TAXONOMY_MODELS",
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
