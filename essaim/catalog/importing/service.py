"""`offers_import`: check every row of an offers file, then write them all or none."""

from __future__ import annotations

from typing import Any

from essaim.catalog.importing.operators import OperatorResolver
from essaim.catalog.importing.referential import Referential
from essaim.catalog.importing.rows import OfferRow, validate_row
from essaim.catalog.importing.writing import write_offer
from essaim.catalog.models import Offer
from essaim.catalog.quality import Channels, publication_missing
from essaim.core.imports import ImportReport, Noun, Row, RowError
from essaim.core.imports.writing import all_or_nothing

OFFER = Noun("offre", "offres", feminine=True)


def offers_import(*, rows: list[Row], dry_run: bool = False, by: Any = None) -> ImportReport:
    """Validate every row; if all are valid, create or update every offer in one transaction."""
    report = ImportReport(OFFER, dry_run=dry_run, lines_read=len(rows))
    referential = Referential()
    checked: list[OfferRow] = []
    first_line: dict[str, int] = {}
    for row in rows:
        offer_row = validate_row(row, referential)
        if offer_row.external_id in first_line:
            offer_row.errors.append(
                f"external_id « {offer_row.external_id} » déjà utilisé à la ligne {first_line[offer_row.external_id]}."
            )
        elif offer_row.external_id:
            first_line[offer_row.external_id] = row.line
        checked.append(offer_row)

    operators = OperatorResolver()
    for offer_row in checked:
        if offer_row.fields["status"] == Offer.Status.PUBLISHED:
            offer_row.errors.extend(_publication_missing(offer_row, operators))
        parent = offer_row.parent_external_id
        if parent and parent not in first_line and not Offer.objects.filter(external_id=parent).exists():
            offer_row.errors.append(
                f"parent_external_id : aucune offre « {parent[:60]} » dans le fichier ni le catalogue."
            )
        if parent and parent == offer_row.external_id:
            offer_row.errors.append("parent_external_id : une offre ne peut pas être sa propre offre générique.")
        report.errors.extend(RowError(offer_row.line, message) for message in offer_row.errors)
    if report.errors:
        return report

    ordered = _parents_first(checked)
    if ordered is None:
        report.errors.extend(
            RowError(
                offer_row.line, "parent_external_id : ces offres se désignent l'une l'autre comme offre générique."
            )
            for offer_row in checked
            if offer_row.parent_external_id in first_line
        )
        return report

    with all_or_nothing(dry_run=dry_run):
        offers: dict[str, Offer] = {}
        for offer_row in ordered:
            generic = offer_row.parent_external_id
            generic_offer = (offers.get(generic) or Offer.objects.get(external_id=generic)) if generic else None
            offer, outcome = write_offer(offer_row, operators=operators, parent=generic_offer, by=by)
            offers[offer_row.external_id] = offer
            report.count(outcome)
    return report


def _publication_missing(row: OfferRow, operators: OperatorResolver) -> list[str]:
    """The moderation's rule, for a row to be published: a way to act, the offer's or that of the
    operator the directory already knows (a new operator comes with no contact)."""
    operator = (
        operators.find(row.operator_name, row.operator_siret) if row.operator_name or row.operator_siret else None
    )
    fields = row.fields
    channels = Channels(
        application_url=fields["application_url"],
        url=fields["url"],
        contact_email=fields["contact_email"],
        contact_phone=fields["contact_phone"],
        operator_website=operator.website if operator else "",
        operator_email=operator.email if operator else "",
        operator_phone=operator.phone if operator else "",
    )
    return [
        f"status published : il manque {missing} ; ajoutez-en un, ou importez la ligne avec status draft."
        for missing in publication_missing(channels)
    ]


def _parents_first(rows: list[OfferRow]) -> list[OfferRow] | None:
    """The rows in an order where a generic offer of the file comes before its local instances,
    so that each offer is saved once, with its parent; None when parents form a cycle."""
    in_file = {row.external_id for row in rows}
    placed: set[str] = set()
    ordered: list[OfferRow] = []
    pending = rows
    while pending:
        ready = [row for row in pending if row.parent_external_id not in in_file or row.parent_external_id in placed]
        if not ready:
            return None
        ordered += ready
        placed |= {row.external_id for row in ready}
        pending = [row for row in pending if row.external_id not in placed]
    return ordered
