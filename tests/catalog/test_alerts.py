import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from essaim.catalog.alerts import digests_send
from essaim.catalog.models import Alert, Offer
from tests.catalog.factories import make_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(region, roles, taxonomies):
    return make_offer("Garantir son prêt", types=["garantie"], needs=["tresorerie"])


def subscribe(client, django_capture_on_commit_callbacks, **extra):
    data = {
        "email": "Camille@Example.org",
        "frequency": "weekly",
        "kind": "search",
        "query": "q=prêt&page=2&evil=1",
        "label": "prêt",
    }
    data.update(extra)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("catalog:alert_create"), data)


def test_subscribing_sends_a_confirmation_link_and_keeps_only_search_parameters(
    client, catalog, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Un e-mail vient de partir" in response.content.decode()
    alert = Alert.objects.get()
    assert (alert.email, alert.query, alert.confirmed_at) == ("camille@example.org", "q=pr%C3%AAt", None)
    [message] = mail.outbox
    assert reverse("catalog:alert_confirm", args=[alert.token]) in message.body


def test_subscribing_twice_does_not_duplicate(client, catalog, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks)
    subscribe(client, django_capture_on_commit_callbacks, frequency="monthly")
    assert Alert.objects.get().frequency == "monthly"


def test_a_wrong_address_is_refused_in_french(client, catalog, django_capture_on_commit_callbacks):
    response = subscribe(client, django_capture_on_commit_callbacks, email="pas-une-adresse")
    assert response.status_code == 400
    assert "Saisissez une adresse de courriel valide." in response.content.decode()
    assert Alert.objects.count() == 0


def test_opening_the_link_shows_a_button_and_only_the_click_confirms(
    client, catalog, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks)
    alert = Alert.objects.get()
    url = reverse("catalog:alert_confirm", args=[alert.token])
    assert "Confirmer mon alerte" in client.get(url).content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is None
    client.post(url)
    alert.refresh_from_db()
    assert alert.confirmed_at is not None


def test_digest_sends_only_new_offers_to_confirmed_alerts_when_due(catalog, django_capture_on_commit_callbacks):
    now = timezone.now()
    week_ago = now - timedelta(days=8)
    confirmed = Alert.objects.create(email="a@example.org", query="q=pr%C3%AAt", label="prêt", confirmed_at=week_ago)
    Alert.objects.create(email="b@example.org", query="q=pr%C3%AAt", label="prêt")  # never confirmed
    Offer.objects.filter(pk=catalog.pk).update(
        created_at=now - timedelta(days=30), reviewed_on=(now - timedelta(days=30)).date()
    )
    make_offer("Prêt d'honneur solidaire", types=["pret_honneur"])
    with django_capture_on_commit_callbacks(execute=True):
        report = digests_send(frequency="weekly", now=now)
    assert (report.alerts, report.sent) == (1, 1)
    [message] = mail.outbox
    assert message.to == ["a@example.org"]
    assert "Prêt d'honneur solidaire" in message.body and "Garantir son prêt" not in message.body
    unsubscribe = reverse("catalog:alert_unsubscribe", args=[confirmed.token])
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(frequency="weekly", now=now + timedelta(days=1)).sent == 0  # not due yet


def test_an_orientation_alert_uses_the_matching_rules(catalog, django_capture_on_commit_callbacks):
    since = timezone.now() - timedelta(days=31)
    Alert.objects.create(
        email="a@example.org",
        kind="orientation",
        query="needs=tresorerie&commune=44109",
        label="parcours",
        frequency="monthly",
        confirmed_at=since,
    )
    make_offer("Hors sujet", types=["prime"], needs=["numerique"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alerts", "--frequency", "monthly")
    [message] = mail.outbox
    assert "Garantir son prêt" in message.body and "Hors sujet" not in message.body


def test_one_click_unsubscribe_works_without_a_form_and_erases_the_address(catalog):
    alert = Alert.objects.create(email="a@example.org", query="q=x", label="x", confirmed_at=timezone.now())
    url = reverse("catalog:alert_unsubscribe", args=[alert.token])
    browser = Client(enforce_csrf_checks=True)
    assert "Me désinscrire" in browser.get(url).content.decode()
    response = browser.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Alert.objects.count() == 0
    assert browser.get(url).status_code == 404


def test_results_and_search_pages_offer_the_alert_form(client, catalog):
    assert "Être prévenu des nouvelles offres" in client.get(reverse("catalog:search"), {"q": "prêt"}).content.decode()
    html = client.get(reverse("catalog:results"), {"needs": "tresorerie"}).content.decode()
    assert re.search(r'name="kind" value="orientation"', html)


def test_alerts_never_confirmed_are_erased_after_a_week(catalog, capsys):
    old = Alert.objects.create(email="old@example.org", query="q=x", label="x")
    Alert.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    Alert.objects.create(email="new@example.org", query="q=x", label="x")
    call_command("send_alerts")
    assert list(Alert.objects.values_list("email", flat=True)) == ["new@example.org"]
    assert "1 alerte jamais confirmée effacée." in capsys.readouterr().out
