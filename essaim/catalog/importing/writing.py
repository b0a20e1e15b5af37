"""Writing one checked row of an offers file: the only place where the import saves an offer.

`write_offer` is kept on its own so that the catalogue's one way of saving an offer (save,
territories, search index, revision) can take its place whole.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from essaim.catalog.importing.operators import OperatorResolver
from essaim.catalog.importing.rows import OfferRow
from essaim.catalog.models import Offer, OfferTerritory
from essaim.catalog.services import offer_record_revision, offer_refresh_search, offer_snapshot
from essaim.core.imports.report import Outcome
from essaim.core.slugs import unique_slug


def write_offer(offer_row: OfferRow, operators: OperatorResolver, by: Any) -> tuple[Offer, Outcome]:
    """Create or update the row's offer; return it with "created", "updated" or "unchanged"."""
    kinds = {offer_type.kind for offer_type in offer_row.relations["offer_types"]}
    operator = operators.get(offer_row.operator_name, offer_row.operator_siret, kinds)
    offer = Offer.objects.filter(external_id=offer_row.external_id).first()
    before = offer_snapshot(offer) if offer else {}
    if offer is None:
        offer = Offer(external_id=offer_row.external_id)
        offer.slug = unique_slug(offer_row.fields["title"], Offer.objects.all(), fallback="offre")
    for name, value in offer_row.fields.items():
        setattr(offer, name, value)
    offer.operator = operator
    offer.save()
    for column, terms in offer_row.relations.items():
        getattr(offer, column).set(terms)
    wanted = {(kind, code): name for kind, code, name in offer_row.territories}
    if {(territory.kind, territory.code) for territory in offer.territories.all()} != set(wanted):
        offer.territories.all().delete()
        OfferTerritory.objects.bulk_create(
            [OfferTerritory(offer=offer, kind=kind, code=code, name=name) for (kind, code), name in wanted.items()]
        )
    revision = offer_record_revision(
        offer=offer, before=before, by=by, summary="Import" if before else "Création par import"
    )
    if before and revision is None:
        return offer, "unchanged"
    if before:
        # The content changed: that is an update the public sees as the offer's freshness.
        offer.reviewed_on = date.today()
        offer.save(update_fields=["reviewed_on", "review_due_on"])
    offer_refresh_search(offer)
    return offer, "updated" if before else "created"
