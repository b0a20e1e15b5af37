"""Keeping the catalogue fresh: quality scores, review reminders to operators, link checks."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from essaim.catalog.models import Offer
from essaim.catalog.quality import Quality, QualityInput, quality
from essaim.core.emails import send_templated_email
from essaim.organisations.models import Membership

LINK_TIMEOUT_SECONDS = 10
LINK_WORKERS = 8


def offer_quality(offer: Offer, today: date) -> Quality:
    """The completeness-and-freshness score of an offer; expects `with_relations()`."""
    kinds = {offer_type.kind for offer_type in offer.offer_types.all()}
    return quality(
        QualityInput(
            description_length=len(offer.description),
            has_contact=bool(offer.contact_email or offer.contact_phone),
            has_link=bool(offer.url or offer.application_url),
            has_needs=bool(offer.needs.all()),
            has_stages=bool(offer.stages.all()),
            has_audiences=bool(offer.audiences.all()),
            is_financing="financement" in kinds,
            has_amounts=offer.amount_min is not None or offer.amount_max is not None,
            updated_on=offer.reviewed_on,
        ),
        today,
    )


@dataclass(frozen=True)
class ReminderReport:
    offers: int
    emails: int
    without_editor: list[Offer]


def review_reminders_send(*, today: date, dry_run: bool = False) -> ReminderReport:
    """E-mail each operator's editors the list of their published offers due for review.
    Offers whose operator has no editor are returned, for the CRESS to follow up."""
    due = list(Offer.objects.due_for_review(today).select_related("operator").order_by("review_due_on"))
    by_operator: dict[int, list[Offer]] = defaultdict(list)
    for offer in due:
        by_operator[offer.operator_id].append(offer)
    editors: dict[int, list[str]] = defaultdict(list)
    for organisation_id, email in Membership.objects.filter(
        organisation_id__in=by_operator,
        role__in=[Membership.Role.ADMIN, Membership.Role.EDITOR],
        user__is_active=True,
    ).values_list("organisation_id", "user__email"):
        editors[organisation_id].append(email)
    emails = 0
    without_editor: list[Offer] = []
    for operator_id, offers in by_operator.items():
        recipients = sorted(editors.get(operator_id, []))
        if not recipients:
            without_editor.extend(offers)
            continue
        emails += 1
        if not dry_run:
            send_templated_email(
                template="emails/offer_review_reminder",
                to=recipients,
                context={
                    "operator": offers[0].operator.name,
                    "offers": [
                        {
                            "title": offer.title,
                            "url": f"{settings.SITE_URL}{offer.get_absolute_url()}",
                            "due": offer.review_due_on,
                        }
                        for offer in offers
                    ],
                },
            )
    return ReminderReport(offers=len(due), emails=emails, without_editor=without_editor)


def link_is_broken(url: str) -> bool:
    """True when the address does not answer with a success (a redirect is followed)."""
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": f"{settings.SITE_NAME} link checker"})
    try:
        with urllib.request.urlopen(request, timeout=LINK_TIMEOUT_SECONDS) as response:  # noqa: S310 (http/https only)
            return bool(response.status >= 400)
    except urllib.error.HTTPError as exc:
        if exc.code in {405, 501}:  # HEAD refused: ask with GET
            try:
                with urllib.request.urlopen(url, timeout=LINK_TIMEOUT_SECONDS) as response:  # noqa: S310
                    return bool(response.status >= 400)
            except (urllib.error.URLError, TimeoutError, ValueError):
                return True
        return True
    except (urllib.error.URLError, TimeoutError, ValueError, OSError):
        return True


def links_check(*, offers: QuerySet[Offer]) -> list[Offer]:
    """Check the links of the offers, flag those with a broken one; return them."""
    offers_list = [offer for offer in offers if offer.url or offer.application_url]
    urls = sorted({url for offer in offers_list for url in (offer.url, offer.application_url) if url})
    with ThreadPoolExecutor(max_workers=LINK_WORKERS) as pool:
        broken_urls = {url for url, broken in zip(urls, pool.map(link_is_broken, urls), strict=True) if broken}
    now = timezone.now()
    broken_offers = []
    for offer in offers_list:
        offer.broken_link = bool({offer.url, offer.application_url} & broken_urls)
        offer.links_checked_at = now
        if offer.broken_link:
            broken_offers.append(offer)
    Offer.objects.bulk_update(offers_list, ["broken_link", "links_checked_at"])
    return broken_offers
