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


def subscribe(client, django_capture_on_commit_callbacks, remote_addr="127.0.0.1", **extra):
    data = {
        "email": "Camille@Example.org",
        "frequency": "weekly",
        "kind": "search",
        "query": "q=prêt&page=2&evil=1",
        "label": "prêt",
    }
    data.update(extra)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("catalog:alert_create"), data, REMOTE_ADDR=remote_addr)


def test_subscribing_sends_a_confirmation_link_and_keeps_only_search_parameters(
    client, catalog, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Un lien de confirmation part vers Camille@Example.org" in response.content.decode()
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


def test_a_sixth_subscription_from_one_visitor_within_the_window_gets_the_form_back_with_a_429(
    client, catalog, django_capture_on_commit_callbacks
):
    for number in range(5):
        assert subscribe(client, django_capture_on_commit_callbacks, email=f"p{number}@example.org").status_code == 200
    response = subscribe(client, django_capture_on_commit_callbacks, email="sixieme@example.org", frequency="monthly")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de demandes" in page
    assert 'value="sixieme@example.org"' in page
    assert 'value="q=prêt&amp;page=2&amp;evil=1"' in page and 'value="prêt"' in page
    assert re.search(r'value="monthly"[^>]*checked', page)
    assert len(mail.outbox) == 5 and not Alert.objects.filter(email="sixieme@example.org").exists()


def test_an_address_asked_for_four_times_within_the_window_is_refused_whatever_the_visitor(
    client, catalog, django_capture_on_commit_callbacks
):
    for number in range(3):
        response = subscribe(
            client, django_capture_on_commit_callbacks, remote_addr=f"10.0.0.{number}", query=f"q=mot{number}"
        )
        assert response.status_code == 200
    response = subscribe(
        client, django_capture_on_commit_callbacks, remote_addr="10.0.0.9", email="CAMILLE@example.org"
    )
    assert response.status_code == 429


def test_one_address_asked_for_twice_gets_one_email_and_the_same_neutral_page(
    client, catalog, django_capture_on_commit_callbacks
):
    first = subscribe(client, django_capture_on_commit_callbacks).content.decode()
    second = subscribe(client, django_capture_on_commit_callbacks, query="q=garantie").content.decode()
    assert len(mail.outbox) == 1
    assert Alert.objects.count() == 2
    assert first == second  # nothing tells whether a link left this time
    # The one link sent shows and confirms both.
    url = reverse("catalog:alert_confirm", args=[Alert.objects.get(query="q=pr%C3%AAt").token])
    assert "Confirmer mes alertes" in client.get(url).content.decode()
    client.post(url)
    assert not Alert.objects.filter(confirmed_at__isnull=True).exists()


def test_a_new_confirmation_leaves_once_the_delay_has_passed(client, catalog, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks)
    Alert.objects.update(confirmation_sent_at=timezone.now() - timedelta(hours=25))
    subscribe(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_the_public_form_cannot_change_a_confirmed_alert(client, catalog, django_capture_on_commit_callbacks):
    Alert.objects.create(email="camille@example.org", query="q=pr%C3%AAt", label="prêt", confirmed_at=timezone.now())
    subscribe(client, django_capture_on_commit_callbacks, frequency="monthly")
    assert Alert.objects.get().frequency == "weekly"
    assert mail.outbox == []


SPAM = "Gagnez 1000 euros sur spam.example"


def test_no_email_holds_text_typed_by_whoever_asked_for_the_alert(client, catalog, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks, label=SPAM, query="q=gagnez+1000+euros")
    alert = Alert.objects.get()
    assert alert.label == SPAM  # shown on the platform's own pages, behind the link
    alert.confirmed_at = timezone.now() - timedelta(days=8)
    alert.query = "q=pr%C3%AAt"
    alert.save()
    Offer.objects.filter(pk=catalog.pk).update(created_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert digests_send(frequency="weekly", now=timezone.now()).sent == 1
    confirmation, digest = mail.outbox
    for message in (confirmation, digest):
        for text in (message.subject, message.body, message.alternatives[0][0]):
            assert "Gagnez" not in text and "spam.example" not in text and "gagnez" not in text
    assert reverse("catalog:alert_confirm", args=[alert.token]) in digest.body


def test_a_robot_filling_the_hidden_field_sees_the_usual_page_and_nothing_is_sent(
    client, catalog, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 200 and "Un lien de confirmation part vers" in response.content.decode()
    assert not Alert.objects.exists() and mail.outbox == []
