"""Import offers from CSV or XLSX (`import_offers`): validate every row, then write all or nothing.

Columns are those of EXPORT_COLUMNS (the export writes the same format). List cells hold
`|`-separated slugs; an empty taxonomy cell means "no constraint". Territories are `france`,
`region:52`, `departement:44`, `epci:<SIREN>` or `commune:<INSEE code>`; `required_answers` holds
refinement questions and the answer an offer requires (`agrement_esus:oui|quartier_prioritaire:oui`).
Re-importing an `external_id` updates that offer; operators are found by SIRET, then by name, or
created.

The package follows the steps of an import: `columns` (the file's format), `referential` (what
cells are checked against), `rows` (one row checked), `service` (every row, cross-row checks,
one transaction), `operators` and `writing` (what one row writes).
"""

from essaim.catalog.importing.columns import (
    EXPORT_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    format_required_answers,
)
from essaim.catalog.importing.referential import Referential
from essaim.catalog.importing.rows import OfferRow, validate_row
from essaim.catalog.importing.service import OFFER, offers_import

__all__ = [
    "EXPORT_COLUMNS",
    "OFFER",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "OfferRow",
    "Referential",
    "format_required_answers",
    "offers_import",
    "validate_row",
]
