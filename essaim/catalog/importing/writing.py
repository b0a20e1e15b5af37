"""Writing one checked row of an offers file, through the catalogue's one way of saving an offer."""

from __future__ import annotations

from typing import Any

from essaim.catalog.importing.operators import OperatorResolver
from essaim.catalog.importing.rows import OfferRow
from essaim.catalog.models import Offer
from essaim.catalog.services import offer_save
from essaim.core.imports.report import Outcome


def write_offer(
    offer_row: OfferRow, *, operators: OperatorResolver, parent: Offer | None, by: Any
) -> tuple[Offer, Outcome]:
    """Create or update the row's offer (with its generic offer `parent`, already saved); return
    it with "created", "updated" or "unchanged"."""
    kinds = {offer_type.kind for offer_type in offer_row.relations["offer_types"]}
    offer = Offer.objects.filter(external_id=offer_row.external_id).first() or Offer(external_id=offer_row.external_id)
    for name, value in offer_row.fields.items():
        setattr(offer, name, value)
    offer.operator = operators.get(offer_row.operator_name, offer_row.operator_siret, kinds)
    offer.parent = parent
    saved = offer_save(
        offer=offer,
        relations=offer_row.relations,
        territories=offer_row.territories,
        by=by,
        summary="Import" if offer.pk else "Création par import",
        # The content changed: that is an update the public sees as the offer's freshness.
        counts_as_review=True,
    )
    if saved.created:
        return saved.offer, "created"
    return saved.offer, "updated" if saved.changed else "unchanged"
