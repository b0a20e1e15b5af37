"""E-mail alerts on a search, without an account: subscribe (double opt-in), digest, unsubscribe."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from essaim.catalog import orientation
from essaim.catalog.forms import OrientationForm, SearchForm
from essaim.catalog.models import Alert, Offer
from essaim.catalog.search import search_offers
from essaim.core.emails import send_templated_email

UNCONFIRMED_RETENTION_DAYS = 7
PERIOD_DAYS: dict[str, int] = {Alert.Frequency.WEEKLY: 7, Alert.Frequency.MONTHLY: 30}
MAX_OFFERS_PER_DIGEST = 30
# Only these parameters describe a search; anything else in the address is dropped.
QUERY_KEYS: dict[str, list[str]] = {
    Alert.Kind.SEARCH: ["q", "stage", "need", "type", "audience", "sector", "commune", "operator", "open_now"],
    Alert.Kind.ORIENTATION: ["stage", "needs", "audience", "sector", "commune", "years", "employees"],
}


def clean_query(kind: str, params: QueryDict) -> str:
    pairs = [(key, value) for key in QUERY_KEYS[kind] for value in params.getlist(key) if value]
    return urlencode(pairs)[:2000]


def _absolute(url_name: str, token: str) -> str:
    return f"{settings.SITE_URL}{reverse(url_name, args=[token])}"


@transaction.atomic
def alert_subscribe(*, email: str, kind: str, query: str, label: str, frequency: str) -> Alert:
    """Record the alert, unconfirmed, and send the confirmation link, at most once to an address
    within `ALERT_CONFIRMATION_DELAY_HOURS`: asking again, for this search or another, sends
    nothing new, and the link already sent confirms every alert of the address. Asking twice for
    the same search does not duplicate it. Whoever typed the address may not own it: the e-mail
    holds no text of theirs, only the link to a page that shows what would be confirmed."""
    email = email.strip().lower()
    # Locked: two requests at once for one address must not both send the link.
    known = list(Alert.objects.select_for_update().filter(email=email))
    alert = next((alert for alert in known if (alert.kind, alert.query) == (kind, query)), None)
    if alert is None:
        alert = Alert.objects.create(email=email, kind=kind, query=query, label=label[:300], frequency=frequency)
    elif alert.confirmed_at is None and alert.frequency != frequency:
        # A confirmed alert changes only through its owner's links, not through this public form.
        alert.frequency = frequency
        alert.save(update_fields=["frequency"])
    now = timezone.now()
    recently = now - timedelta(hours=settings.ALERT_CONFIRMATION_DELAY_HOURS)
    link_sent = any(other.confirmation_sent_at and other.confirmation_sent_at > recently for other in known)
    if alert.confirmed_at is None and not link_sent:
        send_templated_email(
            template="emails/alert_confirm",
            to=[alert.email],
            context={"confirm_url": _absolute("catalog:alert_confirm", alert.token)},
        )
        alert.confirmation_sent_at = now
        alert.save(update_fields=["confirmation_sent_at"])
    return alert


def search_url(alert: Alert) -> str:
    """The alert's search on the platform, to run it again."""
    page = "catalog:results" if alert.kind == Alert.Kind.ORIENTATION else "catalog:search"
    return f"{reverse(page)}?{alert.query}"


def pending_alerts(alert: Alert) -> QuerySet[Alert]:
    """The alerts of this alert's address still waiting for confirmation, itself included."""
    return Alert.objects.filter(email=alert.email, confirmed_at__isnull=True).order_by("created_at")


@transaction.atomic
def alert_confirm(*, alert: Alert) -> int:
    """Confirm every alert waiting at this alert's address: the link proves the mailbox, and the
    page listed them all. Returns how many were confirmed."""
    return pending_alerts(alert).update(confirmed_at=timezone.now())


def alert_unsubscribe(*, alert: Alert) -> None:
    """Unsubscribing deletes the alert and the address with it: nothing is kept."""
    alert.delete()


def matching_offers(alert: Alert, since: datetime) -> QuerySet[Offer]:
    """Offers of the alert's search published or updated since that moment."""
    today = timezone.localdate()
    params = QueryDict(alert.query)
    fresh = Q(created_at__gte=since) | Q(reviewed_on__gte=since.date())
    if alert.kind == Alert.Kind.ORIENTATION:
        form = OrientationForm(params)
        if not form.is_valid():
            return Offer.objects.none()
        ids = [found.offer_id for found in orientation.orient(form.answers(today))]
        return Offer.objects.filter(pk__in=ids).filter(fresh)
    search = SearchForm(params)
    if not search.is_valid():
        return Offer.objects.none()
    offers, _terms = search_offers(search.cleaned_data, today=today)
    return Offer.objects.filter(pk__in=offers.ids).filter(fresh)


@dataclass(frozen=True)
class DigestReport:
    alerts: int
    sent: int


def digests_send(*, frequency: str, now: datetime) -> DigestReport:
    """Send each confirmed alert of that frequency whose period has run out the offers that are
    new since its last e-mail; an alert with nothing new waits for the next period."""
    due_before = now - timedelta(days=PERIOD_DAYS[frequency]) + timedelta(hours=1)
    alerts = Alert.objects.filter(frequency=frequency, confirmed_at__isnull=False).filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=due_before)
    )
    sent = 0
    for alert in alerts:
        # Only confirmed alerts are read: `confirmed_at` is set, `now` is never used.
        since = alert.last_sent_at or alert.confirmed_at or now
        offers = list(
            matching_offers(alert, since).select_related("operator").order_by("title")[:MAX_OFFERS_PER_DIGEST]
        )
        if not offers:
            continue
        unsubscribe_url = _absolute("catalog:alert_unsubscribe", alert.token)
        with transaction.atomic():
            send_templated_email(
                template="emails/alert_digest",
                to=[alert.email],
                context={
                    # Not the label: its text comes from whoever asked, who may not own the address.
                    "kind": alert.get_kind_display(),
                    "created_on": alert.created_at,
                    "alert_url": _absolute("catalog:alert_confirm", alert.token),
                    "offers": [
                        {
                            "title": offer.title,
                            "operator": offer.operator.name,
                            "url": f"{settings.SITE_URL}{offer.get_absolute_url()}",
                        }
                        for offer in offers
                    ],
                    "unsubscribe_url": unsubscribe_url,
                },
                headers={
                    "List-Unsubscribe": f"<{unsubscribe_url}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            alert.last_sent_at = now
            alert.save(update_fields=["last_sent_at"])
        sent += 1
    return DigestReport(alerts=len(alerts), sent=sent)


def unconfirmed_alerts_purge(*, now: datetime) -> int:
    """Erase alerts never confirmed within a week: the address was perhaps typed by someone else."""
    deleted, _ = Alert.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=UNCONFIRMED_RETENTION_DAYS)
    ).delete()
    return deleted
