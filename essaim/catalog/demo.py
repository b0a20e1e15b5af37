"""The demo catalogue: real schemes of the demo région, in our words.

`offers.csv` holds the national schemes (and those shared by both demo régions), loaded
everywhere; `offers-<région>.csv` those of one région, loaded only where `ESSAIM_REGION` names
it, so that a Pays de la Loire instance never shows a Centre-Val de Loire offer.

The import counts as a review and stamps today as the "last updated" date of every offer. A demo
stamped today would show no offer to review and freshness that means nothing, so the loader then
spreads the dates over the last 18 months, the same for each offer at every load (drawn from its
external_id), in one bulk update.
"""

import zlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from essaim.catalog.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, offers_import
from essaim.catalog.models import Offer
from essaim.catalog.services import offer_revise, offer_suggest, offer_transition
from essaim.core.imports import read_csv_file
from essaim.core.registries import demo_loaders
from essaim.organisations.demo import demo_region

DEMO_DIR = Path(__file__).parent / "demo_data"
REVIEW_SPREAD_DAYS = 548  # about 18 months


def demo_files(region: str) -> list[Path]:
    return [DEMO_DIR / "offers.csv", DEMO_DIR / f"offers-{region}.csv"]


def demo_reviewed_on(external_id: str, today: date) -> date:
    """A "last updated" date within the last 18 months, fixed for a given offer."""
    return today - timedelta(days=zlib.crc32(external_id.encode()) % REVIEW_SPREAD_DAYS)


@demo_loaders.register("catalogue", order=30)
@transaction.atomic
def load(log: Callable[[str], None]) -> None:
    rows = []
    for path in demo_files(demo_region()):
        rows += read_csv_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    report = offers_import(rows=rows)
    if not report.ok:
        raise RuntimeError("Le catalogue de démonstration est invalide : " + "; ".join(map(str, report.errors)))
    log(f"  Offres : {report.summary()}")
    today = timezone.localdate()
    external_ids = {row.values["external_id"] for row in rows}
    offers = list(Offer.objects.filter(external_id__in=external_ids))
    for offer in offers:
        offer.reviewed_on = demo_reviewed_on(offer.external_id, today)
        # `save()` derives the review date; a bulk update does not call it.
        offer.review_due_on = offer.reviewed_on + timedelta(days=30 * offer.review_every_months)
    Offer.objects.bulk_update(offers, ["reviewed_on", "review_due_on"])
    due = Offer.objects.due_for_review(today).count()
    log(f"  Dates de mise à jour réparties sur 18 mois : {due} offres à revoir")
    _moderation_queue(log)


def _moderation_queue(log: Callable[[str], None]) -> None:
    """Something for the CRESS to moderate, as on any working day: a draft its operator
    submitted (which cannot be published yet: it gives no way to act), and a visitor's suggestion
    naming a structure the directory does not know."""
    submitted = Offer.objects.filter(external_id="cip-entretiens", status=Offer.Status.DRAFT).first()
    if submitted is not None:
        offer_transition(offer=submitted, to=Offer.Status.REVIEW, by=None, roles={"operator"})
    offer_suggest(
        title="Ouvrir un café associatif dans un village",
        operator_name="Collectif des cafés de village (structure fictive de démonstration)",
        summary="Un accompagnement entre pairs pour lancer un café associatif, lieu de vie et de services en milieu rural.",
    )
    log("  Modération : une offre soumise par son opérateur et une suggestion du public en attente")
    _revisions(log)


def _revisions(log: Callable[[str], None]) -> None:
    """Changes its operator made to a published offer of the demo editor's structure: a new
    phone number, online at once and flagged (a low-risk field by default), then a new title and
    application link, which wait for the CRESS."""
    offer = Offer.objects.published().filter(operator__memberships__role="editor").select_related("operator").first()
    editor = offer.operator.memberships.filter(role="editor").select_related("user").first() if offer else None
    if offer is None or editor is None:
        return
    offer.contact_phone = "02 40 00 00 00"
    offer_revise(offer=offer, by=editor.user, roles={"operator"})
    offer = Offer.objects.get(pk=offer.pk)
    offer.title = f"{offer.title} (nouvelle formule)"
    offer.application_url = "https://agirpourlatransition.ademe.fr/entreprises/nouvelle-formule"
    offer_revise(offer=offer, by=editor.user, roles={"operator"})
    log("  Modération : deux modifications d'une offre publiée, l'une en attente, l'autre déjà en ligne à relire")
