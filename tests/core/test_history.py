"""The one history of the platform: what it records, and how it reads in French."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from essaim.catalog.models import Offer
from essaim.core import history
from essaim.core.models import HistoryEntry
from essaim.organisations.models import Membership
from tests.accounts.factories import UserFactory
from tests.catalog.factories import make_offer
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(region, roles, taxonomies):
    return make_offer("Tester son activité", types=["test_activite"], status="draft", deadline=date(2027, 3, 31))


def test_a_change_records_who_and_each_field_before_and_after(offer):
    author = UserFactory(full_name="Inès Garnier")
    with history.tracking(offer, by=author, summary="Correction"):
        offer.title = "Tester son activité en coopérative"
        offer.save()
    entry = history.entries_of(offer).first()
    assert (entry.author, entry.summary) == (author, "Correction")
    assert entry.changes == {"title": ["Tester son activité", "Tester son activité en coopérative"]}


def test_a_save_that_changes_nothing_records_nothing(offer):
    count = history.entries_of(offer).count()
    with history.tracking(offer, by=None, summary="Rien"):
        offer.save()
    assert history.entries_of(offer).count() == count


def test_an_anonymous_change_is_attributed_to_nobody(offer):
    entry = history.record_event(offer, by=None, summary="Relance", changes={"relance": [None, "envoyée"]})
    assert entry.author is None


def test_entries_read_in_french_labels_and_values(offer):
    operator = OrganisationFactory(name="Coopérative d'activité Ouest")
    with history.tracking(offer, by=None, summary="Modification"):
        offer.status = Offer.Status.REVIEW
        offer.deadline = date(2027, 6, 30)
        offer.operator = operator
        offer.save()
    lines = {line.label: (line.before, line.after) for line in history.entries_of(offer).first().lines()}
    assert lines["statut"] == ("Brouillon", "En revue")
    assert lines["date limite"] == ("31 mars 2027", "30 juin 2027")
    assert lines["opérateur"][1] == "Coopérative d'activité Ouest"


def test_taxonomy_terms_read_as_their_labels(offer):
    creation = history.entries_of(offer).last()
    lines = {line.label: line.after for line in creation.lines()}
    assert lines["types d'offre"] == "Test d'activité (CAE, couveuse)"


def test_the_offer_page_shows_its_history_in_french(client, offer):
    editor = UserFactory()
    Membership.objects.create(user=editor, organisation=offer.operator, role="editor")
    client.force_login(editor)
    client.post(reverse("catalog:offer_status", args=[offer.pk]), {"to": "review"})
    page = client.get(reverse("catalog:offer_edit", args=[offer.pk])).content.decode()
    assert "Statut</strong>\u00a0: Brouillon → En revue" in page
    assert "status" not in page.split("Historique")[-1]


def test_a_deleted_offer_takes_its_history_with_it(offer):
    offer.delete()
    assert not HistoryEntry.objects.filter(content_type=ContentType.objects.get_for_model(Offer)).exists()


@pytest.mark.django_db(transaction=True)
def test_revisions_written_before_the_move_to_core_stay_readable(region, roles, taxonomies):
    """An offer revision of the catalogue's former history table is carried into the one history,
    with its author, date and changes, and reads in French."""
    offer = make_offer("Garantir son prêt", types=["garantie"], status="review")
    author = UserFactory(full_name="Camille Moreau")
    executor = MigrationExecutor(connection)
    before_move = [("catalog", "0002_add_trigram_search_indexes")]
    executor.migrate(before_move)
    old_apps = executor.loader.project_state(before_move).apps
    OfferRevision = old_apps.get_model("catalog", "OfferRevision")
    OfferRevision.objects.create(
        offer_id=offer.pk,
        author_id=author.pk,
        summary="En revue → Publiée",
        changes={"status": ["review", "published"]},
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    creation, entry = history.entries_of(offer).order_by("pk")  # the creation went back and forth
    assert creation.summary == "Création"
    assert (entry.author, entry.summary) == (author, "En revue → Publiée")
    assert [(line.label, line.before, line.after) for line in entry.lines()] == [("statut", "En revue", "Publiée")]


def test_every_tracked_model_takes_its_history_with_it_when_deleted():
    """A tracked model declares `history_entries = GenericRelation("core.HistoryEntry")`, so
    that deleting an object (or what it belongs to) leaves no orphan entry behind."""
    from django.contrib.contenttypes.fields import GenericRelation

    from essaim.core.history import _tracked

    assert _tracked, "the apps register what they track from their ready()"
    missing = [
        model.__name__
        for model in _tracked
        if not isinstance(
            getattr(model._meta, "private_fields", None) and model._meta.get_field("history_entries"), GenericRelation
        )
    ]
    assert not missing, missing


def test_a_creation_lists_only_what_was_filled_and_names_territories(offer):
    creation = history.entries_of(offer).last()
    lines = {line.label: line.after for line in creation.lines()}
    assert "lien pour candidater" not in lines  # left empty
    assert lines["territoires couverts"] == "Pays de la Loire (region:52)"


def test_figures_read_as_french_writes_them(offer):
    with history.tracking(offer, by=None, summary="Montant"):
        offer.amount_max = 161500
        offer.save()
    [line] = history.entries_of(offer).first().lines()
    assert (line.label, line.before, line.after) == ("montant maximum (€)", "—", "161\xa0500")
