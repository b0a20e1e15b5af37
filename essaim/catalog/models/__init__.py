from essaim.catalog.models.activity import Alert, OfferEvent, SearchLog
from essaim.catalog.models.offers import CONTENT_FIELDS, TAXONOMY_MODELS, Offer, OfferQuerySet, OfferTerritory
from essaim.catalog.models.revisions import (
    LOW_RISK_CANDIDATES,
    NEVER_LOW_RISK,
    OfferRevision,
    OfferRevisionQuerySet,
    RevisionPolicy,
    columns_apply,
)
from essaim.catalog.models.taxonomies import Audience, Need, OfferType, RefinementQuestion, Sector, Stage, Synonym

__all__ = [
    "CONTENT_FIELDS",
    "LOW_RISK_CANDIDATES",
    "NEVER_LOW_RISK",
    "TAXONOMY_MODELS",
    "Alert",
    "Audience",
    "Need",
    "Offer",
    "OfferEvent",
    "OfferQuerySet",
    "OfferRevision",
    "OfferRevisionQuerySet",
    "OfferTerritory",
    "OfferType",
    "RefinementQuestion",
    "RevisionPolicy",
    "SearchLog",
    "Sector",
    "Stage",
    "Synonym",
    "columns_apply",
]
