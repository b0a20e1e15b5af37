"""A person's data, exported and erased on request: by the CRESS (management commands), by an
account holder (their account page) and by an alert subscriber (the link in their e-mails)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.urls import reverse

from essaim.accounts.models import User
from essaim.catalog.models import Alert
from essaim.core.history import record_event
from essaim.core.models import HistoryEntry
from essaim.core.personal_data import ERASED
from essaim.core.registries import personal_data
from essaim.organisations.models import Membership
from essaim.strategy.models import ProgressReport, StrategyMember
from tests.accounts.factories import PASSWORD, UserFactory
from tests.organisations.factories import MembershipFactory
from tests.strategy.factories import strategy_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(region):  # type: ignore[no-untyped-def]
    """A lead of an action who is also a member of a structure, subscribed to an alert, who
    wrote a progress report, and whom the history names as a lead."""
    world = strategy_world(region)
    lead = world.lead
    lead.email, lead.full_name = "camille.durand@example.org", "Camille Durand"
    lead.save()
    StrategyMember.objects.create(strategy=world.strategy, user=lead, role=StrategyMember.Role.READER)
    MembershipFactory(user=lead, organisation__name="La Ruche solidaire")
    ProgressReport.objects.create(action=world.action, author=lead, done="Trois ateliers tenus à Nantes.")
    record_event(world.action, by=lead, summary="Référent ajouté", changes={"leads": [[], [lead.email]]})
    Alert.objects.create(email=lead.email, query="q=pret", label="Prêts d'honneur")
    Alert.objects.create(email="quelquun.autre@example.org", query="q=pret", label="Prêts d'honneur")
    return world


def export_of(email: str) -> dict:  # type: ignore[type-arg]
    out = StringIO()
    call_command("personal_data_export", email, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_the_export_gathers_what_every_module_holds_about_the_person(person):
    data = export_of("Camille.Durand@example.org")["données"]

    assert data["Compte"]["compte"]["nom"] == "Camille Durand"
    assert data["Annuaire des structures"]["structures"] == [{"structure": "La Ruche solidaire", "rôle": "Membre"}]
    assert [alert["intitulé"] for alert in data["Aides et accompagnement"]["alertes par e-mail"]] == ["Prêts d'honneur"]
    strategy = data["Stratégie régionale"]
    assert strategy["rôles dans le pilotage"] == [{"stratégie": "SRESS test", "rôle": StrategyMember.Role.READER.label}]
    assert strategy["actions dont vous êtes référent ou référente"] == ["1.1.1 Un parcours d'orientation commun"]
    assert strategy["points d'avancement rédigés"][0]["ce qui a été fait"] == "Trois ateliers tenus à Nantes."
    assert data["Historique des modifications"]["modifications faites"][0]["résumé"] == "Référent ajouté"


def test_the_export_of_an_address_the_platform_does_not_know_is_empty(db):
    assert export_of("personne@example.org")["données"] == {}


def test_erasure_deletes_the_account_and_alerts_but_keeps_what_the_person_wrote_without_their_name(person):
    call_command("personal_data_erase", "camille.durand@example.org", "--yes", stdout=StringIO())

    assert not User.objects.filter(email="camille.durand@example.org").exists()
    assert not Membership.objects.filter(organisation__name="La Ruche solidaire").exists()
    assert list(Alert.objects.values_list("email", flat=True)) == ["quelquun.autre@example.org"]
    report = ProgressReport.objects.get()
    assert report.author is None
    assert report.done == "Trois ateliers tenus à Nantes."
    entry = HistoryEntry.objects.get(summary="Référent ajouté")
    assert entry.author is None
    assert entry.changes == {"leads": [[], [ERASED]]}
    assert "camille" not in json.dumps(list(HistoryEntry.objects.values("changes", "object_label", "summary"))).lower()
    assert export_of("camille.durand@example.org")["données"] == {}


def test_erasure_leaves_alone_a_longer_address_or_name_that_contains_the_person(person):
    others = record_event(
        person.action,
        by=None,
        summary="Référente : Camille Duranda",
        changes={"leads": [[], ["xcamille.durand@example.org"]], "note": ["", "écrire à xcamille.durand@example.org"]},
    )
    call_command("personal_data_erase", "camille.durand@example.org", "--yes", stdout=StringIO())
    others.refresh_from_db()
    assert others.summary == "Référente : Camille Duranda"
    assert others.changes["leads"] == [[], ["xcamille.durand@example.org"]]
    assert HistoryEntry.objects.get(summary="Référent ajouté").changes == {"leads": [[], [ERASED]]}


def test_erasure_says_which_actions_the_cress_must_give_a_new_lead(person):
    out = StringIO()
    call_command("personal_data_erase", "camille.durand@example.org", "--yes", stdout=out)

    assert "n'ont plus de référent\u00a0: 1.1.1 Un parcours d'orientation commun" in out.getvalue()


def test_every_app_that_stores_a_person_registers_its_export_and_erasure():
    """A new module with a relation to an account or an e-mail address must say how it
    exports and erases it, or this test names it."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    holding = {
        model._meta.app_label
        for model in apps.get_models()
        if model.__module__.startswith("essaim.")
        for field in model._meta.get_fields()
        if isinstance(field, models.EmailField) or getattr(field, "related_model", None) is user_model
    }
    assert holding - {name for name, _handler in personal_data.items()} == set()


# --- The account holder's self-service ------------------------------------------------------------


def test_an_account_holder_downloads_their_data_from_their_account_page(client, person):
    client.force_login(person.lead)
    profile = client.get(reverse("accounts:profile"))
    assert reverse("accounts:my_data_download") in profile.content.decode()

    response = client.get(reverse("accounts:my_data_download"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert json.loads(response.content)["adresse e-mail"] == "camille.durand@example.org"


def test_an_account_is_deleted_only_with_its_password(client, person):
    client.force_login(person.lead)

    wrong = client.post(reverse("accounts:account_delete"), {"password": "pas le bon"})
    assert wrong.status_code == 400
    assert "Mot de passe incorrect" in wrong.content.decode()
    assert User.objects.filter(pk=person.lead.pk).exists()

    right = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert right.status_code == 200
    assert not User.objects.filter(pk=person.lead.pk).exists()
    assert not Alert.objects.filter(email="camille.durand@example.org").exists()
    assert client.get(reverse("accounts:profile")).status_code == 302  # logged out


def test_guessing_the_password_to_delete_an_account_is_stopped_after_a_few_tries(client, person, settings):
    settings.RATE_LIMIT_PER_IP = 3
    client.force_login(person.lead)
    for _ in range(3):
        assert client.post(reverse("accounts:account_delete"), {"password": "pas le bon"}).status_code == 400
    refused = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert refused.status_code == 429
    assert "essais en peu de temps" in refused.content.decode()
    assert User.objects.filter(pk=person.lead.pk).exists()


def test_a_platform_administrator_without_admin_access_is_not_deleted_from_its_own_page(client, db):
    administrator = UserFactory(administers_platform=True)
    client.force_login(administrator)
    assert client.post(reverse("accounts:account_delete"), {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=administrator.pk).exists()


def test_a_cress_staff_account_is_not_deleted_from_its_own_page(client, db):
    staff = UserFactory(platform_admin=True)
    client.force_login(staff)

    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})

    assert response.status_code == 403
    assert "équipe de la CRESS" in response.content.decode()
    assert User.objects.filter(pk=staff.pk).exists()


# --- The alert subscriber's self-service ----------------------------------------------------------


def test_an_alert_subscriber_downloads_every_alert_of_their_address_from_the_e_mail_link(client, db):
    first = Alert.objects.create(email="abonne@example.org", query="q=pret", label="Prêts")
    Alert.objects.create(email="abonne@example.org", query="q=garantie", label="Garanties")
    Alert.objects.create(email="autre@example.org", query="q=pret", label="Prêts d'un autre")

    page = client.get(reverse("catalog:alert_unsubscribe", args=[first.token]))
    assert reverse("catalog:alert_data_download", args=[first.token]) in page.content.decode()
    response = client.get(reverse("catalog:alert_data_download", args=[first.token]))

    assert response.status_code == 200
    labels = sorted(alert["intitulé"] for alert in json.loads(response.content)["alertes par e-mail"])
    assert labels == ["Garanties", "Prêts"]
    assert first.token not in response.content.decode()


def test_an_alert_subscriber_erases_every_alert_of_their_address_but_not_their_account(client, db):
    UserFactory(email="abonne@example.org")
    first = Alert.objects.create(email="abonne@example.org", query="q=pret", label="Prêts")
    Alert.objects.create(email="abonne@example.org", query="q=garantie", label="Garanties")
    Alert.objects.create(email="autre@example.org", query="q=pret", label="Prêts d'un autre")

    response = client.post(reverse("catalog:alert_data_erase", args=[first.token]))

    assert response.status_code == 200
    assert list(Alert.objects.values_list("email", flat=True)) == ["autre@example.org"]
    assert User.objects.filter(email="abonne@example.org").exists()


def test_an_unknown_alert_token_reveals_nothing(client, db):
    assert client.get(reverse("catalog:alert_data_download", args=["inconnu"])).status_code == 404
    assert client.post(reverse("catalog:alert_data_erase", args=["inconnu"])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_e_mails_sent_to_the_person_and_kept_by_the_task_queue_are_exported_then_erased(settings):
    from django_tasks_db.models import DBTaskResult

    from essaim.core.emails import deliver_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for to in ("abonne@example.org", "autre@example.org"):
        deliver_email.enqueue(subject=f"Bienvenue {to}", to=[to], text="Bonjour", html="<p>Bonjour</p>")
    call_command("db_worker", "--batch", "--interval", "0", stdout=StringIO(), stderr=StringIO())
    assert DBTaskResult.objects.finished().count() == 2

    sent = export_of("abonne@example.org")["données"]["E-mails"]["e-mails envoyés encore dans la file"]
    assert [email["objet"] for email in sent] == ["Bienvenue abonne@example.org"]

    call_command("personal_data_erase", "abonne@example.org", "--yes", stdout=StringIO())
    assert DBTaskResult.objects.count() == 1
